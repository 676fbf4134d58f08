package org.mspportal.customers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/**
 * An MSP switched one of the deployment's storage regions on or off, for the audit log, with the
 * regions it offered before and after.
 */
public record StorageRegionChanged(String action, UUID provider, String regionId, String summary,
        Map<String, Object> details) implements Auditable {

    static StorageRegionChanged enabled(UUID provider, StorageRegion region, StorageRegions before,
            StorageRegions after) {
        return new StorageRegionChanged("storage-region.enabled", provider, region.id(),
                "Switched on storage region " + named(region), beforeAndAfter(before, after));
    }

    static StorageRegionChanged disabled(UUID provider, StorageRegion region, StorageRegions before,
            StorageRegions after) {
        return new StorageRegionChanged("storage-region.disabled", provider, region.id(),
                "Switched off storage region " + named(region), beforeAndAfter(before, after));
    }

    private static String named(StorageRegion region) {
        return region.displayName() + " (" + region.id() + ")";
    }

    private static Map<String, Object> beforeAndAfter(StorageRegions before, StorageRegions after) {
        return Map.of("before", Map.of("enabledRegions", ids(before)), "after", Map.of("enabledRegions", ids(after)));
    }

    private static List<String> ids(StorageRegions regions) {
        return regions.all().stream().map(StorageRegion::id).toList();
    }

    @Override
    public String objectType() {
        return "storage-region";
    }

    @Override
    public String objectId() {
        return regionId;
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }
}
