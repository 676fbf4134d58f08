package org.mspportal.identity;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allowance arithmetic, on the real table. Each test uses addresses and emails of its own, since
 * the table is shared with every other test of the run; two throttles on one database stand for two
 * instances.
 */
@DatabaseTest
class SignInThrottleTests {

    private static final SignInSettings TWENTY_A_MINUTE = new SignInSettings("operator@localhost",
            Duration.ofHours(72), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(30), 5, 5,
            Duration.ofMinutes(15), 20, Duration.ofHours(12));

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    private SignInThrottle throttle() {
        return new SignInThrottle(TWENTY_A_MINUTE, jdbc, clock);
    }

    private static String address() {
        return "198.51.100." + UUID.randomUUID();
    }

    @Test
    void twentyPasswordTriesAMinutePassAndTheTwentyFirstIsRefused() {
        SignInThrottle throttle = throttle();
        String address = address();
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryTake(SignInThrottle.Step.PASSWORD, address)).isTrue();
        }
        assertThat(throttle.tryTake(SignInThrottle.Step.PASSWORD, address)).isFalse();
    }

    @Test
    void twoInstancesShareOneAllowance() {
        SignInThrottle instance1 = throttle();
        SignInThrottle instance2 = throttle();
        String address = address();
        for (int i = 0; i < 10; i++) {
            assertThat(instance1.tryTake(SignInThrottle.Step.CODE, address)).isTrue();
            assertThat(instance2.tryTake(SignInThrottle.Step.CODE, address)).isTrue();
        }
        assertThat(instance1.tryTake(SignInThrottle.Step.CODE, address)).isFalse();
        assertThat(instance2.tryTake(SignInThrottle.Step.CODE, address)).isFalse();
    }

    @Test
    void aMinuteAfterTheFirstTryTheAllowanceIsBack() {
        SignInThrottle throttle = throttle();
        String address = address();
        for (int i = 0; i < 20; i++) {
            throttle.tryTake(SignInThrottle.Step.EMAIL, address);
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.tryTake(SignInThrottle.Step.EMAIL, address)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.tryTake(SignInThrottle.Step.EMAIL, address)).isTrue();
    }

    @Test
    void anExhaustedAccountIsRefusedFromAnyAddress() {
        SignInThrottle throttle = throttle();
        String email = UUID.randomUUID() + "@msp.example";
        for (int i = 0; i < 20; i++) {
            throttle.tryTake(SignInThrottle.Step.CODE, address(), email);
        }
        assertThat(throttle.tryTake(SignInThrottle.Step.CODE, address(), email)).isFalse();
    }

    @Test
    void limitsAreKeptPerStepAndPerKey() {
        SignInThrottle throttle = throttle();
        String address = address();
        for (int i = 0; i < 20; i++) {
            throttle.tryTake(SignInThrottle.Step.PASSWORD, address);
        }
        assertThat(throttle.tryTake(SignInThrottle.Step.EMAIL, address)).isTrue();
        assertThat(throttle.tryTake(SignInThrottle.Step.PASSWORD, address())).isTrue();
    }

    @Test
    void keysIdleForAnHourAreForgotten() {
        SignInThrottle throttle = throttle();
        String address = address();
        throttle.tryTake(SignInThrottle.Step.LINK, address);
        clock.advance(Duration.ofMinutes(61));

        throttle.purgeIdleKeys();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE window_start < :before")
                .param("before", org.mspportal.shared.StoredTime.of(clock.instant().minus(Duration.ofHours(1))))
                .query(Long.class).single()).isZero();
    }
}
