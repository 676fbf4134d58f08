package org.mspportal.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mspportal.identity.MspAdministratorContacts;
import org.mspportal.notifications.MailOutbox;
import org.mspportal.notifications.OutgoingMail;
import org.mspportal.shared.WrittenDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces a recorded alert: an email to each active MSP administrator of the MSP, queued in the
 * outbox in the transaction that recorded the alert (so an alert and its mails commit together,
 * or neither does), and {@link AlertRaised} for other subscribers. The portal notice is the alert
 * row itself, shown on the Alerts page once announced.
 */
@Component
class AlertNotices {

    private final AlertRecords records;
    private final MspAdministratorContacts contacts;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    AlertNotices(AlertRecords records, MspAdministratorContacts contacts, MailOutbox outbox,
            ApplicationEventPublisher events, @Value("${portal.base-url}") String baseUrl) {
        this.records = records;
        this.contacts = contacts;
        this.outbox = outbox;
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void announce(AlertRecords.NewAlert alert) {
        records.markAnnounced(alert.id());
        String subject = subject(alert);
        Map<String, Object> variables = Map.of(
                "heading", subject,
                "paragraphs", paragraphs(alert),
                "actionLabel", "Open the customer",
                "actionUrl", baseUrl + "/customers/" + alert.customerId(),
                "footnote", "Your MSP's alert thresholds are on the Alerts settings page: " + baseUrl + "/alerts/settings");
        for (String email : contacts.activeAdministratorEmails(alert.providerId())) {
            outbox.queue(new OutgoingMail(email, subject, "notice", variables, Optional.of(alert.providerId())));
        }
        events.publishEvent(alert.raised());
    }

    private static String subject(AlertRecords.NewAlert alert) {
        String name = alert.accountName();
        if (alert.kind() == AlertKind.LICENCE_EXPIRY) {
            return "Licence of " + name + " expires in " + days(alert) + " on " + WrittenDate.of(alert.expiresOn());
        }
        String level = alert.kind() == AlertKind.QUOTA_EXHAUSTED ? "Quota exhausted"
                : alert.kind() == AlertKind.QUOTA_CRITICAL ? "Quota critical" : "Quota warning";
        return level + ": " + name + " has used " + percent(alert) + " % of its credit quota";
    }

    private static List<String> paragraphs(AlertRecords.NewAlert alert) {
        if (alert.kind() == AlertKind.LICENCE_EXPIRY) {
            return List.of("The licence of your customer " + alert.accountName() + " expires on "
                    + WrittenDate.of(alert.expiresOn()) + ", in " + days(alert) + ".",
                    "Renew it, or agree the next step with the customer, before that day.");
        }
        return List.of("Your customer " + alert.accountName() + " has consumed "
                + alert.consumed().stripTrailingZeros().toPlainString() + " of its "
                + alert.creditQuota().stripTrailingZeros().toPlainString() + " credits ("
                + percent(alert) + " %) in its quota window from " + WrittenDate.of(alert.windowStart()) + ".",
                "This alert crossed your " + alert.threshold() + " % threshold; it is sent once per quota window.");
    }

    static BigDecimal percent(AlertRecords.NewAlert alert) {
        return alert.consumed().multiply(BigDecimal.valueOf(100)).divide(alert.creditQuota(), 1, RoundingMode.DOWN);
    }

    private static String days(AlertRecords.NewAlert alert) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(alert.raisedAt(), java.time.ZoneOffset.UTC),
                alert.expiresOn());
        return days == 1 ? "1 day" : days + " days";
    }
}
