package org.mspportal.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

    private final SignInThrottle throttle = new SignInThrottle(new SignInSettings("operator@localhost",
            Duration.ofHours(72), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofSeconds(30), 5, 5,
            Duration.ofMinutes(15), 20, Duration.ofHours(12)));

    @Test
    void twentyPasswordTriesAMinutePassAndTheTwentyFirstIsRefused() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.tryTake(SignInThrottle.Step.PASSWORD, "198.51.100.7")).isTrue();
        }
        assertThat(throttle.tryTake(SignInThrottle.Step.PASSWORD, "198.51.100.7")).isFalse();
    }

    @Test
    void anExhaustedAccountIsRefusedFromAnyAddress() {
        for (int i = 0; i < 20; i++) {
            throttle.tryTake(SignInThrottle.Step.CODE, "198.51.100." + i, "zoe@msp.example");
        }
        assertThat(throttle.tryTake(SignInThrottle.Step.CODE, "203.0.113.9", "zoe@msp.example")).isFalse();
    }

    @Test
    void limitsAreKeptPerStepAndPerKey() {
        for (int i = 0; i < 20; i++) {
            throttle.tryTake(SignInThrottle.Step.PASSWORD, "198.51.100.7");
        }
        assertThat(throttle.tryTake(SignInThrottle.Step.EMAIL, "198.51.100.7")).isTrue();
        assertThat(throttle.tryTake(SignInThrottle.Step.PASSWORD, "198.51.100.8")).isTrue();
    }
}
