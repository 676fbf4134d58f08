package org.mspportal.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.mspportal.alerts.AlertRaised;
import org.mspportal.customers.CustomerChanged;
import org.mspportal.migration.MigrationStageChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The events webhooks carry, each turned into a message's {@code data}. Handled synchronously in
 * the publisher's transaction (like the audit log), so a delivery is queued exactly when the change
 * commits; sending happens later, in {@link WebhookSender}. A module that wants its events sent
 * gets one more handler here and one more {@link WebhookEventType}.
 */
@Component
class WebhookEventSources {

    private final WebhookOutbox outbox;

    WebhookEventSources(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    /** The alert's id is the message id, so an alert handled twice is sent once. */
    @EventListener
    void on(AlertRaised alert) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.alertId().toString());
        data.put("kind", alert.kind().name());
        data.put("customerId", alert.customerId().toString());
        data.put("accountName", alert.accountName());
        data.put("threshold", alert.threshold());
        data.put("windowStart", alert.windowStart().toString());
        putIfPresent(data, "consumedCredits", alert.consumed() == null ? null : alert.consumed().toPlainString());
        putIfPresent(data, "creditQuota", alert.creditQuota() == null ? null : alert.creditQuota().toPlainString());
        putIfPresent(data, "licenceExpiresOn", alert.expiresOn());
        data.put("raisedAt", alert.raisedAt().toString());
        outbox.publish(alert.providerId(), WebhookEventType.ALERT_RAISED, alert.alertId(), data);
    }

    /** Every change of a customer: what happened ({@code customer.suspended}, …) and the values kept for the audit log. */
    @EventListener
    void on(CustomerChanged change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customerId", change.customerId().toString());
        data.put("change", change.action());
        data.put("summary", change.summary());
        data.putAll(change.details());
        outbox.publish(change.provider(), WebhookEventType.CUSTOMER_CHANGED, UUID.randomUUID(), data);
    }

    /**
     * Every stage a migration into the MSP reaches. The message id follows from the migration and the
     * stage, so a stage handled twice is sent once.
     */
    @EventListener
    void on(MigrationStageChanged change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("migrationId", change.migrationId().toString());
        data.put("reference", change.reference());
        data.put("accountName", change.accountName());
        putIfPresent(data, "from", change.from());
        data.put("to", change.to().name());
        data.put("stage", change.to().label());
        data.put("at", change.at().toString());
        putIfPresent(data, "note", change.note());
        UUID messageId = UUID.nameUUIDFromBytes((change.migrationId() + "/" + change.to()).getBytes(UTF_8));
        outbox.publish(change.provider(), WebhookEventType.MIGRATION_STAGE_CHANGED, messageId, data);
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value.toString());
        }
    }
}
