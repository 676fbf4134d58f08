package org.mspportal.webhooks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mspportal.TestMsps;
import org.mspportal.alerts.AlertKind;
import org.mspportal.alerts.AlertRaised;
import org.mspportal.customers.CustomerChanged;
import org.mspportal.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An MSP for webhook tests, its endpoints registered through the façade, and the events they carry. */
final class WebhookFixtures {

    final UUID provider;
    private final WebhookManagement webhooks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookFixtures(JdbcClient jdbc, Clock clock, WebhookManagement webhooks, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.provider = new TestMsps(jdbc, clock).provider();
        this.webhooks = webhooks;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    NewSigningSecret endpoint(String url, Set<WebhookEventType> types, boolean enabled) {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
        try {
            return webhooks.register(new WebhookEndpointDetails(url, "Test receiver", types, enabled));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    NewSigningSecret endpoint(String url) {
        return endpoint(url, EnumSet.copyOf(WebhookEventType.subscribable()), true);
    }

    /** A quota warning raised for a customer of this MSP, published as alerts publishes it: in a transaction. */
    AlertRaised alertRaised() {
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), provider, UUID.randomUUID(), "Crème brûlée Café 🍮",
                AlertKind.QUOTA_WARNING, 80, LocalDate.now(clock), new BigDecimal("80.5"), new BigDecimal("100"), null,
                clock.instant());
        publish(alert);
        return alert;
    }

    CustomerChanged customerSuspended() {
        CustomerChanged change = new CustomerChanged("customer.suspended", UUID.randomUUID(), provider,
                "Suspended customer \"Contoso\"", Map.of("before", Map.of("status", "ACTIVE"),
                        "after", Map.of("status", "SUSPENDED")));
        publish(change);
        return change;
    }

    void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
