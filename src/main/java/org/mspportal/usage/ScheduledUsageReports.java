package org.mspportal.usage;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mspportal.customers.CustomerTerms;
import org.mspportal.identity.MspAdministratorContacts;
import org.mspportal.notifications.MailOutbox;
import org.mspportal.notifications.OutgoingMail;
import org.mspportal.shared.WrittenDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Scheduled usage reports, sent by a daily job (once per cluster, through ShedLock): for each
 * customer on a plan, once the latest period of its plan's report frequency has ended (yesterday
 * or earlier, UTC), its usage in that period is mailed to its MSP's active MSP administrators.
 * A report is recorded once per customer and period, in the transaction that queues its mails,
 * so a second run, a second instance or a retry sends nothing more. Missed runs are caught up for
 * the latest ended period only: after a long outage earlier periods are not sent, and no report
 * covers a period that ended before the customer was created. The sandbox has no plan and gets none.
 * Figures come from the roll-ups, as the Global Usage report's do; each report commits alone.
 */
@Component
class ScheduledUsageReports {


    private final CustomerTerms customers;
    private final RollUpReads rollUps;
    private final SentUsageReports sent;
    private final MspAdministratorContacts contacts;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String baseUrl;

    ScheduledUsageReports(CustomerTerms customers, RollUpReads rollUps, SentUsageReports sent,
            MspAdministratorContacts contacts, MailOutbox outbox, TransactionTemplate transactions, Clock clock,
            @Value("${portal.base-url}") String baseUrl) {
        this.customers = customers;
        this.rollUps = rollUps;
        this.sent = sent;
        this.contacts = contacts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Sends the reports of periods that have ended; shortly after midnight (UTC) by default. */
    @Scheduled(cron = "${portal.usage-reports.cron:0 17 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "scheduled-usage-reports", lockAtMostFor = "PT1H")
    public void sendDueReports() {
        sendDueReportsWithoutLock();
    }

    /**
     * The job's work without ShedLock's lock, as two instances would run it should a run outlast
     * {@code lockAtMostFor}: then the unique key of {@code scheduled_usage_report} alone keeps
     * each report single.
     */
    void sendDueReportsWithoutLock() {
        LocalDate today = LocalDate.now(clock);
        // A year back covers the latest ended period of every frequency.
        Set<SentUsageReports.Sent> before = sent.endingSince(today.minusYears(1).minusDays(1));
        Map<UUID, List<String>> recipients = new HashMap<>();
        for (CustomerTerms.ReportTerm customer : customers.onPlans()) {
            ReportPeriod period = ReportPeriod.lastEndedBefore(customer.frequency(), today);
            if (period.end().isBefore(customer.createdOn())
                    || before.contains(new SentUsageReports.Sent(customer.customerId(), period.start(), period.end()))) {
                continue;
            }
            List<String> to = recipients.computeIfAbsent(customer.providerId(), contacts::activeAdministratorEmails);
            transactions.executeWithoutResult(status -> send(customer, period, to));
        }
    }

    private void send(CustomerTerms.ReportTerm customer, ReportPeriod period, List<String> to) {
        Figures figures = figures(customer, period);
        if (!sent.recordOnce(customer.providerId(), customer.customerId(), period, figures.credits().total(),
                clock.instant())) {
            return;
        }
        String subject = "Usage report: " + customer.accountName() + " — " + period.label();
        Map<String, Object> variables = Map.of(
                "heading", subject,
                "paragraphs", paragraphs(customer, period, figures),
                "actionLabel", "Open the Global Usage report",
                "actionUrl", reportLink(customer, period),
                "footnote", "This report follows your customer's service plan, which sends it "
                        + customer.frequency().label().toLowerCase(java.util.Locale.ROOT) + ".");
        for (String email : to) {
            outbox.queue(new OutgoingMail(email, subject, "notice", variables, Optional.of(customer.providerId())));
        }
    }

    /** The customer's credits in the period, and inside its quota window, as the Global Usage report counts them. */
    private record Figures(RollUps.Amount credits, BigDecimal quotaConsumed, BigDecimal quotaUtilization) {
    }

    private Figures figures(CustomerTerms.ReportTerm customer, ReportPeriod period) {
        RollUps.Amount credits = rollUps.perCustomer(customer.providerId(), Optional.of(List.of(customer.customerId())),
                        period.start(), period.end()).stream()
                .map(RollUpReads.CustomerCredits::amount)
                .reduce(new RollUps.Amount(Credits.zero(), Credits.zero()), RollUps.Amount::plus);
        BigDecimal consumed = rollUps.inWindows(customer.providerId(), List.of(new RollUpReads.Window(
                        customer.customerId(), customer.quotaEffectiveOn(), customer.quotaEndsOn())))
                .getOrDefault(customer.customerId(), Credits.zero());
        BigDecimal utilization = QuotaConsumption.utilization(consumed, customer.creditQuota());
        return new Figures(credits, consumed, utilization);
    }

    private static List<String> paragraphs(CustomerTerms.ReportTerm customer, ReportPeriod period, Figures figures) {
        return List.of(
                "Usage of your customer " + customer.accountName() + " from " + WrittenDate.of(period.start()) + " to "
                        + WrittenDate.of(period.end()) + " (" + period.label() + ").",
                "Credits used: " + plain(figures.credits().total()) + " — hybrid workloads "
                        + plain(figures.credits().hybrid()) + ", SaaS apps & endpoints "
                        + plain(figures.credits().saas()) + ".",
                "Credit quota: " + plain(customer.creditQuota()) + " credits from "
                        + WrittenDate.of(customer.quotaEffectiveOn()) + " to " + WrittenDate.of(customer.quotaEndsOn())
                        + "; used in that window: "
                        + plain(figures.quotaConsumed()) + " (" + figures.quotaUtilization().toPlainString() + " %).",
                "Licence expiry: " + WrittenDate.of(customer.licenceExpiresOn()) + ".");
    }

    /** The Global Usage report for the period, searched for the customer (the page's from, to and q). */
    private String reportLink(CustomerTerms.ReportTerm customer, ReportPeriod period) {
        return baseUrl + "/reports/global-usage?from=" + period.start() + "&to=" + period.end() + "&q="
                + URLEncoder.encode(customer.accountName(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
