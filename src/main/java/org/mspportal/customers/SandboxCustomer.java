package org.mspportal.customers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.mspportal.providers.ProviderOnboarded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new MSP its one sandbox customer (SPEC §3: "one per MSP, created with it"), in the
 * onboarding transaction, so an MSP never exists without it. The MSP has no service plan yet, so the
 * sandbox has none until an administrator gives it one.
 */
@Component
class SandboxCustomer {

    /** The MSP's first customer, so the name is free; administrators may rename it later. */
    static final String NAME = "Sandbox";

    private final Customers customers;
    private final OfferedRegions regions;
    private final SandboxSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SandboxCustomer(Customers customers, OfferedRegions regions, SandboxSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.regions = regions;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registered by the portal, audited as any new customer (the actor is the operator who onboarded
     * the MSP). The quota and the licence run a year from onboarding: a sandbox is a standing test
     * tenant rather than a trial, a year is the usual term of a licence, and it gives the MSP's
     * administrators a date to review it by; they may move the dates, but not the amount.
     */
    @EventListener
    void on(ProviderOnboarded onboarded) {
        UUID provider = onboarded.provider();
        LocalDate today = LocalDate.now(clock);
        StorageRegion region = regions.of(provider).all().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The deployment lists no storage regions "
                        + "(portal.storage-regions), so the new MSP's sandbox has nowhere to store backups"));
        Customers.Stored sandbox = new Customers.Stored(UUID.randomUUID(), provider, new AccountName(NAME), null,
                null, null, null, Tenancy.sandbox(), region.id(),
                new CreditQuota(settings.creditQuota(), today, today.plusYears(1)),
                new LicenceExpiry(today.plusYears(1)), CustomerStatus.ACTIVE, clock.instant(), 0);
        customers.add(sandbox);
        events.publishEvent(CustomerChanged.registered(sandbox));
    }
}
