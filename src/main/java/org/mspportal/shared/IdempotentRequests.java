package org.mspportal.shared;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes an API create safe to retry: a request sent again with the same {@code Idempotency-Key}
 * gets the first response back instead of creating a second object. Keys belong to the caller's
 * MSP. The same key with a different request is refused, since the client has mixed up its keys.
 *
 * <p>The work and the stored response commit in one transaction, so a response is remembered
 * exactly when its work happened. Two concurrent requests with one key cannot both commit: the
 * second fails on the key's primary key, rolls back, and is answered with the first's response.
 * Failed requests are not remembered, so a client may fix its request and retry with the same key.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** How long a key is remembered: twice Stripe's day, long enough for any client's retries. */
    static final Duration KEPT_FOR = Duration.ofHours(48);
    static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Does the work once per key.
     *
     * @param key the request's {@code Idempotency-Key} header; without one, the work simply runs
     * @param operation what the request does, such as {@code POST /api/v1/service-plans}, so one
     *     key cannot replay another endpoint's response
     * @param request the request body as parsed, compared by its JSON form
     * @throws RejectedInput when the key was used before with a different request
     */
    public ResponseEntity<?> once(Optional<String> key, String operation, Object request,
            Supplier<? extends ResponseEntity<?>> work) {
        return onceByHash(key, () -> sha256(operation, json.writeValueAsBytes(request)), work);
    }

    /**
     * As {@link #once(Optional, String, Object, Supplier)}, comparing requests by their body as
     * received: for large bodies (a usage batch is about 1 MB) that would cost more to write
     * out again as JSON than to hash. A client retrying sends the same bytes. (Not an overload of
     * {@code once}: a request without a body passes null, which Java would send here.)
     */
    public ResponseEntity<?> onceForBody(Optional<String> key, String operation, byte[] body,
            Supplier<? extends ResponseEntity<?>> work) {
        return onceByHash(key, () -> sha256(operation, body), work);
    }

    private ResponseEntity<?> onceByHash(Optional<String> key, Supplier<String> requestHash,
            Supplier<? extends ResponseEntity<?>> work) {
        if (key.isEmpty()) {
            return work.get();
        }
        String requestKey = key.get().strip();
        if (requestKey.isEmpty() || requestKey.length() > MAX_KEY_LENGTH) {
            throw new RejectedInput(HEADER, "Send an Idempotency-Key of 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        UUID provider = ProviderScope.current().providerId()
                .orElseThrow(() -> new RejectedInput(HEADER, "Idempotency keys belong to an MSP."));
        String hash = requestHash.get();
        try {
            return transactions.execute(status -> remembered(provider, requestKey, hash)
                    .orElseGet(() -> {
                        ResponseEntity<?> response = work.get();
                        remember(provider, requestKey, hash, response);
                        return response;
                    }));
        } catch (DuplicateKeyException concurrentRequestWon) {
            return transactions.execute(status -> remembered(provider, requestKey, hash)).orElseThrow();
        }
    }

    /** Forgets keys older than {@link #KEPT_FOR}, once an hour across the cluster. */
    @Scheduled(cron = "${portal.idempotency.purge-cron:0 23 * * * *}")
    @SchedulerLock(name = "idempotency-key-purge", lockAtMostFor = "PT10M")
    public void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .param("cutoff", StoredTime.of(clock.instant().minus(KEPT_FOR)))
                .update();
    }

    private Optional<ResponseEntity<?>> remembered(UUID provider, String key, String hash) {
        RowMapper<ResponseEntity<?>> replay = (rs, rowNum) -> {
            if (!rs.getString("request_hash").equals(hash)) {
                throw new RejectedInput(HEADER, "This Idempotency-Key was already used for a different "
                        + "request. Send a new key with each new request.");
            }
            return ResponseEntity.status(rs.getInt("response_status"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", "true")
                    .body(rs.getString("response_body"));
        };
        return jdbc.sql("""
                SELECT request_hash, response_status, response_body FROM idempotency_key
                 WHERE provider_id = :provider AND request_key = :key""")
                .param("provider", provider)
                .param("key", key)
                .query(replay)
                .optional();
    }

    private void remember(UUID provider, String key, String hash, ResponseEntity<?> response) {
        jdbc.sql("""
                INSERT INTO idempotency_key (provider_id, request_key, request_hash, response_status, response_body,
                                             created_at)
                VALUES (:provider, :key, :hash, :status, :body, :now)""")
                .param("provider", provider)
                .param("key", key)
                .param("hash", hash)
                .param("status", response.getStatusCode().value())
                .param("body", response.hasBody() ? json.writeValueAsString(response.getBody()) : "")
                .param("now", StoredTime.of(clock.instant()))
                .update();
    }

    private static String sha256(String operation, byte[] request) {
        return Sha256.hex((operation + "\n").getBytes(StandardCharsets.UTF_8), request);
    }
}
