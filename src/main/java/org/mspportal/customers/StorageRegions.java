package org.mspportal.customers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mspportal.shared.RejectedInput;

/**
 * The deployment's storage regions, in the order its configuration lists them (the order the
 * form offers them in), bound from {@code portal.storage-regions}. Each MSP switches some of them
 * off; {@link #except} narrows the catalogue to the ones it still offers.
 */
final class StorageRegions {

    static final String FIELD = "storageRegion";

    private final Map<String, StorageRegion> byId = new LinkedHashMap<>();

    StorageRegions(List<StorageRegion> regions) {
        for (StorageRegion region : regions) {
            if (byId.putIfAbsent(region.id(), region) != null) {
                throw new IllegalArgumentException("Storage region " + region.id() + " is listed twice");
            }
        }
    }

    List<StorageRegion> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The region a form or API client chose. Ids are matched ignoring case and surrounding spaces,
     * since "EU-Central-1" can only mean one region; anything else is refused with the field named.
     */
    StorageRegion require(String id) {
        if (id == null || id.isBlank()) {
            throw new RejectedInput(FIELD, "Choose a storage region.");
        }
        // The typed id is not echoed back: it may be anything, of any length.
        return find(id).orElseThrow(() -> new RejectedInput(FIELD,
                "That storage region is not available; choose one from the list."));
    }

    Optional<StorageRegion> find(String id) {
        return Optional.ofNullable(byId.get(normalized(id)));
    }

    /** An id as a person or client may write it, the way the catalogue spells ids. */
    static String normalized(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The regions left once an MSP's switched-off ones are taken away, in catalogue order. The MSP
     * stores what it switched off rather than what it offers, so a region the deployment adds
     * later is offered by every MSP at once; ids the catalogue no longer lists are ignored.
     */
    StorageRegions except(Collection<String> switchedOffIds) {
        return new StorageRegions(byId.values().stream()
                .filter(region -> !switchedOffIds.contains(region.id()))
                .toList());
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }
}
