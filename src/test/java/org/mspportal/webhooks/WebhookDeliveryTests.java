package org.mspportal.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.alerts.AlertRaised;
import org.mspportal.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries from event to receiver: queued per subscribed endpoint, signed, retried with backoff. */
@DatabaseTest
class WebhookDeliveryTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired WebhookManagement webhooks;
    @Autowired WebhookSender sender;
    @Autowired WebhookDeliveries deliveries;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JsonMapper json;

    WebhookFixtures msp;
    TestReceiver receiver;

    @BeforeEach
    void anMspWithAReceiver() throws Exception {
        msp = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);
        receiver = new TestReceiver();
    }

    @AfterEach
    void stopTheReceiver() {
        receiver.close();
        TestMsps.actAsNobody();
    }

    @Test
    void aDeliveryTheReceiverFailsIsRetriedAfterTheBackoffAndThenDelivered() {
        receiver.answering(500, 200);
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        msp.alertRaised();

        sender.sendDueDeliveries();
        WebhookDelivery failed = onlyDeliveryOf(endpoint);
        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastStatusCode()).isEqualTo(500);
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        sender.sendDueDeliveries();
        assertThat(receiver.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        sender.sendDueDeliveries();
        WebhookDelivery delivered = onlyDeliveryOf(endpoint);
        assertThat(receiver.received()).hasSize(2);
        assertThat(delivered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastStatusCode()).isEqualTo(200);
        assertThat(delivered.nextAttemptAt()).isNull();
        assertThat(receiver.received()).extracting(call -> call.headers().get("webhook-id")).containsOnly(
                delivered.messageId().toString());
    }

    @Test
    void theSignatureVerifiesWithTheSecretShownAtCreation() throws Exception {
        String secret = msp.endpoint(receiver.url()).secret();

        msp.alertRaised();
        sender.sendDueDeliveries();

        TestReceiver.Received call = receiver.received().get(0);
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = call.headers().get("webhook-id") + "." + call.headers().get("webhook-timestamp") + "."
                + call.body();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        assertThat(key).hasSize(32);
        assertThat(call.headers().get("webhook-signature")).isEqualTo("v1," + expected);
        assertThat(call.headers().get("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    }

    @Test
    void theBodyCarriesTheTypeTheTimeAndTheAlert() {
        msp.endpoint(receiver.url());

        AlertRaised alert = msp.alertRaised();
        sender.sendDueDeliveries();

        JsonNode body = json.readTree(receiver.received().get(0).body());
        assertThat(receiver.received().get(0).headers().get("Content-Type")).startsWith("application/json");
        assertThat(body.get("type").asString()).isEqualTo("alert.raised");
        assertThat(body.get("timestamp").asString()).isEqualTo(clock.instant().toString());
        assertThat(body.get("data").get("alertId").asString()).isEqualTo(alert.alertId().toString());
        assertThat(body.get("data").get("accountName").asString()).isEqualTo("Crème brûlée Café 🍮");
        assertThat(body.get("data").get("kind").asString()).isEqualTo("QUOTA_WARNING");
    }

    @Test
    void onlySubscribedEventTypesAreDelivered() {
        msp.endpoint(receiver.url(), EnumSet.of(WebhookEventType.CUSTOMER_CHANGED), true);

        msp.alertRaised();
        msp.customerSuspended();
        sender.sendDueDeliveries();

        assertThat(receiver.received()).hasSize(1);
        JsonNode body = json.readTree(receiver.received().get(0).body());
        assertThat(body.get("type").asString()).isEqualTo("customer.changed");
        assertThat(body.get("data").get("change").asString()).isEqualTo("customer.suspended");
    }

    @Test
    void aDisabledEndpointGetsNothing() {
        UUID endpoint = msp.endpoint(receiver.url(), EnumSet.copyOf(WebhookEventType.subscribable()), false)
                .endpoint().id();

        msp.alertRaised();
        msp.customerSuspended();
        sender.sendDueDeliveries();

        assertThat(receiver.received()).isEmpty();
        assertThat(deliveries.countOf(endpoint)).isZero();
    }

    @Test
    void anotherMspsEventsAreNotSentToThisMspsEndpoint() {
        msp.endpoint(receiver.url());
        WebhookFixtures other = new WebhookFixtures(jdbc, clock, webhooks, events, transactions);

        other.alertRaised();
        sender.sendDueDeliveries();

        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anAlertHandledTwiceIsSentOnce() {
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();

        AlertRaised alert = msp.alertRaised();
        msp.publish(alert);
        sender.sendDueDeliveries();

        assertThat(deliveries.countOf(endpoint)).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        receiver.answering(302);
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();

        msp.alertRaised();
        sender.sendDueDeliveries();

        assertThat(receiver.received()).extracting(TestReceiver.Received::path).containsExactly("/hooks/portal");
        WebhookDelivery delivery = onlyDeliveryOf(endpoint);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.lastStatusCode()).isEqualTo(302);
        assertThat(delivery.lastError()).isEqualTo("HTTP 302");
    }

    @Test
    void theWaitDoublesUpToAnHourAndTheTwelfthFailureGivesUp() {
        receiver.answering(503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        msp.alertRaised();

        List<Duration> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 12; attempt++) {
            sender.sendDueDeliveries();
            WebhookDelivery delivery = onlyDeliveryOf(endpoint);
            if (delivery.nextAttemptAt() != null) {
                Duration wait = Duration.between(clock.instant(), delivery.nextAttemptAt());
                waits.add(wait);
                clock.advance(wait);
            }
        }

        assertThat(waits).startsWith(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2))
                .hasSize(11).endsWith(Duration.ofHours(1));
        WebhookDelivery failed = onlyDeliveryOf(endpoint);
        assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(12);
        assertThat(receiver.received()).hasSize(12);
    }

    @Test
    void aReceiverThatCannotBeReachedIsRetried() {
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        receiver.close();

        msp.alertRaised();
        sender.sendDueDeliveries();

        WebhookDelivery delivery = onlyDeliveryOf(endpoint);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.lastStatusCode()).isNull();
        assertThat(delivery.lastError()).isEqualTo("Connection refused or host unreachable");
    }

    @Test
    void aReceiverOnAPrivateAddressIsNotSentAnythingUnlessPrivateAddressesAreAllowed(
            @Autowired SigningSecrets secrets, @Autowired WebhookSettings settings) {
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        WebhookSender guarded = new WebhookSender(deliveries, secrets, withoutPrivateAddresses(settings), clock);
        msp.alertRaised();

        guarded.sendDueDeliveries();

        WebhookDelivery delivery = onlyDeliveryOf(endpoint);
        assertThat(receiver.received()).isEmpty();
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(delivery.lastError()).startsWith("Not sent: 127.0.0.1 resolves to 127.0.0.1, a private address");
    }

    @Test
    void aDeliveryIsClaimedByOneSenderOnly() {
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        msp.alertRaised();
        UUID delivery = onlyDeliveryOf(endpoint).id();

        var first = deliveries.claim(delivery, clock.instant(), clock.instant().plusSeconds(45));
        var second = deliveries.claim(delivery, clock.instant(), clock.instant().plusSeconds(45));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        sender.sendDueDeliveries();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void afterRotationDeliveriesAreSignedWithTheNewSecretOnly() throws Exception {
        NewSigningSecret created = msp.endpoint(receiver.url());
        TestMsps.actAs(msp.provider, Role.MSP_ADMINISTRATOR);
        String rotated = webhooks.rotateSecret(created.endpoint().id()).secret();
        TestMsps.actAsNobody();

        msp.alertRaised();
        sender.sendDueDeliveries();

        TestReceiver.Received call = receiver.received().get(0);
        assertThat(rotated).isNotEqualTo(created.secret()).startsWith("whsec_");
        assertThat(call.headers().get("webhook-signature")).isEqualTo(WebhookSignature.of(
                Base64.getDecoder().decode(rotated.substring(6)), call.headers().get("webhook-id"),
                Long.parseLong(call.headers().get("webhook-timestamp")), call.body()));
    }

    @Test
    void aRedeliveredDeliveryIsSentAgainWithTheSameIdAndBody() {
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        msp.alertRaised();
        sender.sendDueDeliveries();
        UUID delivery = onlyDeliveryOf(endpoint).id();

        TestMsps.actAs(msp.provider, Role.MSP_ADMINISTRATOR);
        webhooks.redeliver(endpoint, delivery);
        TestMsps.actAsNobody();
        sender.sendDueDeliveries();

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        assertThat(receiver.received().get(1).headers().get("webhook-id"))
                .isEqualTo(receiver.received().get(0).headers().get("webhook-id"));
        assertThat(onlyDeliveryOf(endpoint).status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
    }

    @Test
    void theSigningSecretIsStoredEncrypted() {
        NewSigningSecret created = msp.endpoint(receiver.url());

        String stored = jdbc.sql("SELECT signing_secret FROM webhook_endpoint WHERE id = :id")
                .param("id", created.endpoint().id()).query(String.class).single();

        assertThat(stored).doesNotContain(created.secret().substring(6));
        assertThat(Base64.getDecoder().decode(stored)).hasSizeGreaterThan(32);
    }

    @Test
    void finishedDeliveriesAreForgottenAfterThirtyDaysAndPendingOnesKept() {
        receiver.answering(200, 500);
        UUID endpoint = msp.endpoint(receiver.url()).endpoint().id();
        msp.alertRaised();
        sender.sendDueDeliveries();
        msp.customerSuspended();
        sender.sendDueDeliveries();

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        sender.forgetOldDeliveries();
        assertThat(deliveries.countOf(endpoint)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        sender.forgetOldDeliveries();
        assertThat(deliveries.ofEndpoint(endpoint, 0, 10)).extracting(WebhookDelivery::status)
                .containsExactly(WebhookDelivery.Status.PENDING);
    }

    private static WebhookSettings withoutPrivateAddresses(WebhookSettings settings) {
        return new WebhookSettings(settings.secretKey(), settings.allowPlainHttpToLoopback(), false,
                settings.firstRetryAfter(), settings.longestRetryInterval(), settings.maxAttempts(),
                settings.connectTimeout(), settings.readTimeout(), settings.batchSize(), settings.keepDeliveriesFor());
    }

    private WebhookDelivery onlyDeliveryOf(UUID endpoint) {
        List<WebhookDelivery> all = deliveries.ofEndpoint(endpoint, 0, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
