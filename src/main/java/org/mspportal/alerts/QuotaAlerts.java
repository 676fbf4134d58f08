package org.mspportal.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mspportal.customers.CustomerTerms;
import org.mspportal.usage.QuotaConsumption;
import org.mspportal.usage.UsageIngested;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Quota alerts, evaluated as usage arrives: after each stored batch, each of its customers'
 * consumption inside the current quota window is divided by the quota, and every threshold of
 * the MSP it reaches is recorded once per customer, threshold and window.
 *
 * <p><b>When:</b> after the ingestion commits, synchronously in the thread that stored the batch,
 * in a transaction of its own ({@code @TransactionalEventListener} + {@code REQUIRES_NEW}), so
 * the alert is raised before the API answers, it sees every batch committed before it (two
 * concurrent batches that together cross 100 % are both visible to the later one), and a failure
 * here never undoes stored usage: Spring logs it, and Modulith's event publication registry keeps
 * the publication incomplete; {@link #retryFailedEvaluations} resubmits it (the evaluation is
 * idempotent, so a retry or a second instance can never send an alert twice).
 *
 * <p><b>Several thresholds at once:</b> a batch that takes a customer from 50 % to 100 % records
 * warning, critical and exhausted, but announces only the highest (one mail, one notice): the
 * lower ones are recorded so they never follow later.
 */
@Component
class QuotaAlerts {

    private static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private final CustomerTerms customers;
    private final QuotaConsumption consumption;
    private final AlertSettingsStore settings;
    private final AlertRecords records;
    private final AlertNotices notices;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;

    QuotaAlerts(CustomerTerms customers, QuotaConsumption consumption, AlertSettingsStore settings,
            AlertRecords records, AlertNotices notices, IncompleteEventPublications incomplete, Clock clock) {
        this.customers = customers;
        this.consumption = consumption;
        this.settings = settings;
        this.records = records;
        this.notices = notices;
        this.incomplete = incomplete;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(UsageIngested ingested) {
        evaluate(ingested.customerIds());
    }

    /** Resubmits evaluations that failed (or whose instance died) at least {@link #RETRY_AFTER} ago. */
    @Scheduled(fixedDelayString = "${portal.alerts.retry-interval:PT5M}")
    @SchedulerLock(name = "quota-alert-retry", lockAtMostFor = "PT10M")
    public void retryFailedEvaluations() {
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof UsageIngested
                && publication.getPublicationDate().isBefore(clock.instant().minus(RETRY_AFTER)));
    }

    /** Raises the quota alerts due for these customers. */
    void evaluate(Collection<UUID> customerIds) {
        List<CustomerTerms.QuotaTerm> terms = new ArrayList<>(customers.quotas(customerIds).values());
        // Inserting in a fixed order keeps two instances evaluating the same customers from deadlocking.
        terms.sort(Comparator.comparing(CustomerTerms.QuotaTerm::customerId));
        Map<UUID, BigDecimal> consumed = consumption.within(terms.stream()
                .map(term -> new QuotaConsumption.Window(term.providerId(), term.customerId(), term.effectiveOn(),
                        term.endsOn()))
                .toList());
        Map<UUID, AlertSettings> thresholds = new HashMap<>();
        for (CustomerTerms.QuotaTerm term : terms) {
            AlertSettings own = thresholds.computeIfAbsent(term.providerId(), settings::of);
            raise(term, consumed.getOrDefault(term.customerId(), BigDecimal.ZERO), own);
        }
    }

    private void raise(CustomerTerms.QuotaTerm term, BigDecimal consumed, AlertSettings settings) {
        AlertRecords.NewAlert highest = null;
        for (AlertSettings.Level level : settings.levels()) {
            if (!reached(consumed, term.creditQuota(), level.percent())) {
                break;
            }
            AlertRecords.NewAlert alert = new AlertRecords.NewAlert(UUID.randomUUID(), term.providerId(),
                    term.customerId(), term.accountName(), level.kind(), level.percent(), term.effectiveOn(),
                    consumed, term.creditQuota(), null, clock.instant());
            if (records.recordOnce(alert)) {
                highest = alert;
            }
        }
        if (highest != null) {
            notices.announce(highest);
        }
    }

    /** consumed ÷ quota ≥ percent ÷ 100, in exact decimals. */
    private static boolean reached(BigDecimal consumed, BigDecimal quota, int percent) {
        return consumed.multiply(BigDecimal.valueOf(100)).compareTo(quota.multiply(BigDecimal.valueOf(percent))) >= 0;
    }
}
