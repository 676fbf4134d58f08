package org.mspportal.webhooks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an endpoint can subscribe to, by the name sent as the body's {@code type}. Names are stored
 * as text, so another type is one more constant here and one more handler in
 * {@link WebhookEventSources}, without a schema migration. {@link #TEST} is never subscribed to: "Send test event" sends it to one endpoint.
 */
public enum WebhookEventType {
    ALERT_RAISED("alert.raised", "Alert raised",
            "A quota warning, critical or exhausted alert, or a licence expiry reminder, for one of your customers."),
    CUSTOMER_CHANGED("customer.changed", "Customer changed",
            "A customer was added, changed, suspended, resumed or converted, or a tenant administrator was (un)assigned."),
    MIGRATION_STAGE_CHANGED("migration.stage-changed", "Migration stage changed",
            "A migration into your MSP was raised, moved to its next stage, declined, cancelled or completed."),
    TEST("webhook.test", "Test event", "Sent by \"Send test event\" to check an endpoint.");

    private final String typeName;
    private final String label;
    private final String description;

    WebhookEventType(String typeName, String label, String description) {
        this.typeName = typeName;
        this.label = label;
        this.description = description;
    }

    /** The name receivers see, such as {@code alert.raised}. */
    public String typeName() {
        return typeName;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The types an endpoint may subscribe to. */
    public static Set<WebhookEventType> subscribable() {
        return EnumSet.complementOf(EnumSet.of(TEST));
    }

    static Optional<WebhookEventType> named(String typeName) {
        return Arrays.stream(values()).filter(type -> type.typeName.equals(typeName)).findFirst();
    }
}
