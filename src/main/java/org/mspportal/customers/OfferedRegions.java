package org.mspportal.customers;

import java.util.UUID;

import org.mspportal.shared.RejectedInput;
import org.springframework.stereotype.Component;

/** The storage regions an MSP offers its customers: the deployment's, less those the MSP switched off. */
@Component
class OfferedRegions {

    private final StorageRegions catalogue;
    private final SwitchedOffRegions switchedOff;

    OfferedRegions(StorageRegions catalogue, SwitchedOffRegions switchedOff) {
        this.catalogue = catalogue;
        this.switchedOff = switchedOff;
    }

    StorageRegions of(UUID providerId) {
        return catalogue.except(switchedOff.of(providerId));
    }

    /**
     * The region chosen for a new customer, if the MSP offers it. Holds the MSP's choice of regions
     * until the transaction ends, so the region cannot be switched off before the customer is stored.
     */
    StorageRegion chosen(UUID providerId, String id) {
        StorageRegion region = catalogue.require(id);
        switchedOff.lock(providerId);
        if (switchedOff.of(providerId).contains(region.id())) {
            throw new RejectedInput(StorageRegions.FIELD, region.displayName() + " (" + region.id() + ") is switched "
                    + "off for your customers; choose another region, or switch it on under Storage regions.");
        }
        return region;
    }

    /**
     * The region of a customer being edited: its current one is kept even if the MSP has since
     * switched it off or the deployment no longer lists it (moving the data is not the form's
     * business); any other must be one the MSP offers.
     */
    String keptOrChosen(UUID providerId, String current, String requested) {
        if (requested != null && StorageRegions.normalized(requested).equals(current)) {
            return current;
        }
        return chosen(providerId, requested).id();
    }
}
