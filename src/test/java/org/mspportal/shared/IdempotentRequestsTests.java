package org.mspportal.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.TestPrincipals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How long an Idempotency-Key is remembered. */
@DatabaseTest
class IdempotentRequestsTests {

    private static final String OPERATION = "POST /api/v1/things";

    @Autowired IdempotentRequests requests;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    private final AtomicInteger works = new AtomicInteger();
    private final String key = "key-" + UUID.randomUUID();

    @BeforeEach
    void signedInToAnMsp() {
        UUID provider = new TestMsps(jdbc, clock).provider();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                TestPrincipals.adminOf(provider), null, java.util.List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKeyIsStillRememberedAfterADay() {
        send("first");
        clock.advance(Duration.ofHours(47));
        requests.forgetOldKeys();

        assertThat(send("first").getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThatThrownBy(() -> send("another")).isInstanceOf(RejectedInput.class);
        assertThat(works).hasValue(1);
    }

    @Test
    void aKeyOlderThanTwoDaysIsForgottenAndCanBeUsedAfresh() {
        send("first");
        clock.advance(Duration.ofHours(49));

        requests.forgetOldKeys();

        send("another");
        assertThat(works).hasValue(2);
    }

    private ResponseEntity<?> send(String body) {
        return requests.once(Optional.of(key), OPERATION, body, () -> {
            works.incrementAndGet();
            return ResponseEntity.ok("done " + body);
        });
    }
}
