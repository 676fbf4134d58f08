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
 * form offers them in). Later this is bound from configuration properties; each MSP then enables
 * some of them, which {@link #enabled} narrows the catalogue to.
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
        return Optional.ofNullable(byId.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The regions an MSP has enabled, in catalogue order; ids the catalogue no longer lists are
     * ignored, so a region removed from the deployment simply stops being offered.
     */
    StorageRegions enabled(Collection<String> enabledIds) {
        return new StorageRegions(byId.values().stream().filter(region -> enabledIds.contains(region.id())).toList());
    }
}
