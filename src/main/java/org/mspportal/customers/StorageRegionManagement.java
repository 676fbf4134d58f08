package org.mspportal.customers;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.mspportal.customers.CustomerManagement.WRITERS;
import static org.mspportal.customers.CustomerManagement.ownProvider;

/**
 * Which of the deployment's storage regions the caller's MSP offers its customers (SPEC §3). Every
 * region is offered until the MSP switches it off; a region that holds any of the MSP's customers
 * stays on, and so does the last one. Any administrator of the MSP sees the choice; MSP
 * administrators change it, and every change is audited.
 */
@Service
public class StorageRegionManagement {

    private final StorageRegions catalogue;
    private final SwitchedOffRegions switchedOff;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StorageRegionManagement(StorageRegions catalogue, SwitchedOffRegions switchedOff, Customers customers,
            ApplicationEventPublisher events, Clock clock) {
        this.catalogue = catalogue;
        this.switchedOff = switchedOff;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** Every region of the deployment, in its order, as the caller's MSP has set it. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<StorageRegionChoice> list() {
        UUID provider = ownProvider();
        Set<String> off = switchedOff.of(provider);
        Map<String, Long> inUse = customers.countPerRegion(provider);
        return catalogue.all().stream()
                .map(region -> new StorageRegionChoice(region, !off.contains(region.id()),
                        inUse.getOrDefault(region.id(), 0L)))
                .toList();
    }

    /** Offers the region to the MSP's customers again; enabling an enabled region changes nothing. */
    @Transactional
    @PreAuthorize(WRITERS)
    public StorageRegion enable(String id) {
        Switch change = switchOf(id);
        if (change.wasOff()) {
            switchedOff.switchOn(change.provider(), change.region().id());
            events.publishEvent(StorageRegionChanged.enabled(change.provider(), change.region(), change.offeredBefore(),
                    offeredBy(change.provider())));
        }
        return change.region();
    }

    /**
     * Stops offering the region to the MSP's customers; disabling a disabled region changes nothing.
     *
     * @throws RejectedInput when customers of the MSP store their backups in it, or it is the last
     *     region the MSP offers
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public StorageRegion disable(String id) {
        Switch change = switchOf(id);
        UUID provider = change.provider();
        StorageRegion region = change.region();
        if (change.wasOff()) {
            return region;
        }
        long using = customers.countPerRegion(provider).getOrDefault(region.id(), 0L);
        if (using > 0) {
            throw new RejectedInput(StorageRegions.FIELD, region.displayName() + " cannot be switched off: "
                    + using + (using == 1 ? " customer stores" : " customers store")
                    + " backups there. Move " + (using == 1 ? "it" : "them") + " to another region first.");
        }
        if (change.offeredBefore().all().equals(List.of(region))) {
            throw new RejectedInput(StorageRegions.FIELD, region.displayName() + " is the only region you offer, "
                    + "and customers need somewhere to store their backups. Switch on another region first.");
        }
        switchedOff.switchOff(provider, region.id(), clock.instant());
        events.publishEvent(StorageRegionChanged.disabled(provider, region, change.offeredBefore(),
                offeredBy(provider)));
        return region;
    }

    /** A region about to be switched, with the MSP's choice as it stands, held until the transaction ends. */
    private record Switch(UUID provider, StorageRegion region, Set<String> switchedOffBefore,
            StorageRegions offeredBefore) {

        boolean wasOff() {
            return switchedOffBefore.contains(region.id());
        }
    }

    private Switch switchOf(String id) {
        UUID provider = ownProvider();
        StorageRegion region = catalogue.require(id);
        switchedOff.lock(provider);
        Set<String> before = switchedOff.of(provider);
        return new Switch(provider, region, before, catalogue.except(before));
    }

    private StorageRegions offeredBy(UUID provider) {
        return catalogue.except(switchedOff.of(provider));
    }
}
