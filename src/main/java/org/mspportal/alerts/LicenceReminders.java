package org.mspportal.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import org.mspportal.customers.CustomerTerms;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Licence expiry reminders, sent by a daily job (once per cluster, through ShedLock). For each
 * licence that has not expired, the reminder due is the closest configured day at or above the
 * days left ({@link AlertSettings#reminderDueAt}); it is recorded once per customer, expiry date
 * and reminder day, so running the job twice a day, or on two instances, sends it once, and a
 * missed day is caught up the next day. A licence moved to a new date gets its reminders anew.
 * Each reminder commits in its own transaction with its mails: one failing customer does not
 * hold back the others.
 */
@Component
class LicenceReminders {

    private final CustomerTerms customers;
    private final AlertSettingsStore settings;
    private final AlertRecords records;
    private final AlertNotices notices;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LicenceReminders(CustomerTerms customers, AlertSettingsStore settings, AlertRecords records, AlertNotices notices,
            TransactionTemplate transactions, Clock clock) {
        this.customers = customers;
        this.settings = settings;
        this.records = records;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends the reminders due today (UTC); shortly after midnight by default. */
    @Scheduled(cron = "${portal.alerts.licence-reminder-cron:0 7 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "licence-reminders", lockAtMostFor = "PT1H")
    public void sendDueReminders() {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, AlertSettings> thresholds = new HashMap<>();
        for (CustomerTerms.LicenceTerm licence
                : customers.licencesExpiring(today, today.plusDays(AlertSettings.MOST_REMINDER_DAYS))) {
            AlertSettings own = thresholds.computeIfAbsent(licence.providerId(), settings::of);
            OptionalInt due = own.reminderDueAt(ChronoUnit.DAYS.between(today, licence.expiresOn()));
            if (due.isPresent()) {
                transactions.executeWithoutResult(status -> remind(licence, due.getAsInt()));
            }
        }
    }

    private void remind(CustomerTerms.LicenceTerm licence, int daysAhead) {
        AlertRecords.NewAlert reminder = new AlertRecords.NewAlert(UUID.randomUUID(), licence.providerId(),
                licence.customerId(), licence.accountName(), AlertKind.LICENCE_EXPIRY, daysAhead, licence.expiresOn(),
                null, null, licence.expiresOn(), clock.instant());
        if (records.recordOnce(reminder)) {
            notices.announce(reminder);
        }
    }
}
