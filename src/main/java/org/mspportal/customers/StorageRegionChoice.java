package org.mspportal.customers;

/**
 * One of the deployment's storage regions as an MSP has set it: whether it offers the region to
 * its customers, and how many of its customers store their backups there.
 */
public record StorageRegionChoice(StorageRegion region, boolean enabled, long customers) {

    public String id() {
        return region.id();
    }

    public String displayName() {
        return region.displayName();
    }

    public boolean inUse() {
        return customers > 0;
    }
}
