package org.mspportal.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mspportal.customers.CustomerPlanTimeline;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in batches of usage records for the caller's MSP: checks every record, files each under
 * the edition of its customer's plan on its day, and stores the batch whole or not at all.
 * A customer's status never stops its usage: a suspended customer's or one being migrated still
 * counts (SPEC §5). API keys need the usage-ingest scope; MSP administrators may send usage too
 * (the CSV upload in the portal).
 */
@Service
public class UsageIngestion {

    private final CustomerPlanTimeline timelines;
    private final ServicePlanManagement plans;
    private final UsageRecords records;
    private final UsageGeneration generations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UsageIngestion(CustomerPlanTimeline timelines, ServicePlanManagement plans, UsageRecords records,
            UsageGeneration generations, ApplicationEventPublisher events, Clock clock) {
        this.timelines = timelines;
        this.plans = plans;
        this.records = records;
        this.generations = generations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a batch; a record for a customer, workload and day stored before replaces it.
     *
     * @throws BatchRefused naming every invalid record; nothing is stored then
     */
    @Transactional
    @PreAuthorize("hasAuthority('SCOPE_usage-ingest') or hasRole('MSP_ADMINISTRATOR')")
    public IngestionReceipt ingest(List<SubmittedUsage> submitted) {
        UUID provider = ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
        List<UsageRecord> batch = checked(submitted);
        IngestionReceipt receipt = records.store(provider, batch, UUID.randomUUID(), clock.instant());
        UsageIngested ingested = ingested(provider, batch);
        events.publishEvent(ingested);
        // Last, as the MSP's daily roll-up: every batch of the MSP updates this row.
        generations.bump(provider, ingested.customerIds());
        return receipt;
    }

    /**
     * Checks a batch as {@link #ingest} does, storing nothing: the CSV upload's way to name every
     * problem of a file at once, when some of its cells could not even be read as numbers.
     *
     * @throws BatchRefused naming every invalid record
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCOPE_usage-ingest') or hasRole('MSP_ADMINISTRATOR')")
    public void check(List<SubmittedUsage> submitted) {
        checked(submitted);
    }

    private List<UsageRecord> checked(List<SubmittedUsage> submitted) {
        UsageBatch.requireSize(submitted);
        Map<UUID, CustomerPlanTimeline.History> histories = timelines.of(UsageBatch.customerIds(submitted));
        return new UsageBatch(histories, plans.editions(), LocalDate.now(clock)).checked(submitted);
    }

    private static UsageIngested ingested(UUID provider, List<UsageRecord> batch) {
        Set<UUID> customers = batch.stream().map(UsageRecord::customerId).collect(Collectors.toSet());
        LocalDate first = batch.stream().map(UsageRecord::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = batch.stream().map(UsageRecord::date).max(LocalDate::compareTo).orElseThrow();
        return new UsageIngested(provider, customers, first, last);
    }
}
