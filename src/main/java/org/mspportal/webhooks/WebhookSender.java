package org.mspportal.webhooks;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The background sender: posts due deliveries to their endpoints, signed, one cluster-wide run at a
 * time (ShedLock), and each delivery claimed before it is sent ({@link WebhookDeliveries#claim}), so
 * even two runs at once send it once. A 2xx answer delivers it; anything else (another status, a
 * redirect, which is never followed, a timeout, a refused connection) schedules a retry after a
 * doubling wait, until the last attempt marks it failed. No transaction is open while a receiver
 * is awaited: every update commits on its own.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int LONGEST_ERROR = 1000;

    private final WebhookDeliveries deliveries;
    private final SigningSecrets secrets;
    private final WebhookSettings settings;
    private final RestClient http;
    private final Clock clock;

    WebhookSender(WebhookDeliveries deliveries, SigningSecrets secrets, WebhookSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Scheduled(fixedDelayString = "${portal.webhooks.poll-interval:PT5S}")
    @SchedulerLock(name = "webhook-deliveries", lockAtMostFor = "PT15M")
    public void sendDueDeliveries() {
        Instant now = clock.instant();
        for (UUID id : deliveries.due(now, settings.batchSize())) {
            deliveries.claim(id, now, now.plus(settings.claimLease())).ifPresent(this::attempt);
        }
    }

    /** Forgets finished deliveries older than {@code portal.webhooks.keep-deliveries-for}, once an hour across the cluster. */
    @Scheduled(cron = "${portal.webhooks.purge-cron:0 41 * * * *}")
    @SchedulerLock(name = "webhook-delivery-purge", lockAtMostFor = "PT10M")
    public void forgetOldDeliveries() {
        deliveries.forgetFinishedBefore(clock.instant().minus(settings.keepDeliveriesFor()));
    }

    private void attempt(WebhookDeliveries.Outgoing delivery) {
        Instant start = clock.instant();
        long started = System.nanoTime();
        Integer statusCode = null;
        String error;
        try {
            HttpStatusCode status = post(delivery, start);
            statusCode = status.value();
            error = status.is2xxSuccessful() ? null : "HTTP " + status.value();
        } catch (RuntimeException | UnknownHostException failure) {
            // Any failure, the receiver's or ours (a secret that no longer decrypts), counts as a
            // failed attempt: a delivery is never left claimed and uncounted.
            error = summary(failure);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        deliveries.record(delivery.id(), outcome(delivery, start, statusCode, error, millis));
    }

    private HttpStatusCode post(WebhookDeliveries.Outgoing delivery, Instant at) throws UnknownHostException {
        if (!settings.allowPrivateAddresses()) {
            PrivateAddresses.requirePublic(delivery.url());
        }
        long timestamp = at.getEpochSecond();
        String messageId = delivery.messageId().toString();
        String signature = WebhookSignature.of(secrets.decrypt(delivery.signingSecret()), messageId, timestamp,
                delivery.payload());
        return http.post()
                .uri(delivery.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .body(delivery.payload())
                .exchange((request, response) -> response.getStatusCode(), true);
    }

    private WebhookDeliveries.Attempt outcome(WebhookDeliveries.Outgoing delivery, Instant at, Integer statusCode,
            String error, long millis) {
        if (error == null) {
            return new WebhookDeliveries.Attempt(WebhookDelivery.Status.DELIVERED, at, null, statusCode, null, millis);
        }
        int failedAttempts = delivery.attempts() + 1;
        boolean givingUp = failedAttempts >= settings.maxAttempts();
        log.warn("Webhook delivery {} failed (attempt {}{}): {}", delivery.id(), failedAttempts,
                givingUp ? ", giving up" : "", error);
        return givingUp
                ? new WebhookDeliveries.Attempt(WebhookDelivery.Status.FAILED, at, null, statusCode, error, millis)
                : new WebhookDeliveries.Attempt(WebhookDelivery.Status.PENDING, at,
                        clock.instant().plus(settings.retryDelayAfter(failedAttempts)), statusCode, error, millis);
    }

    /** What went wrong, for the delivery list: the receiver's side in plain words where the cause is known. */
    private String summary(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "No connection within " + settings.connectTimeout().toSeconds() + " s";
            }
            if (cause instanceof HttpTimeoutException) {
                return "No answer within " + settings.readTimeout().toSeconds() + " s";
            }
            if (cause instanceof ConnectException) {
                return "Connection refused or host unreachable";
            }
            if (cause instanceof PrivateAddresses.PrivateAddressRefused) {
                return "Not sent: " + cause.getMessage();
            }
            if (cause instanceof UnknownHostException) {
                return "Unknown host: " + cause.getMessage();
            }
        }
        String text = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > LONGEST_ERROR ? text.substring(0, LONGEST_ERROR) : text;
    }
}
