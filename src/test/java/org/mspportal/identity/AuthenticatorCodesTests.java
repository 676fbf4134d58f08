package org.mspportal.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorCodesTests {

    /** The SHA-1 key of RFC 6238 Appendix B. */
    private static final AuthenticatorSecret RFC_SECRET =
            new AuthenticatorSecret("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    private static final Duration STEP = Duration.ofSeconds(30);

    /** Mid-step, so stepping back or forward by 30 s lands mid-step too. */
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:45Z");

    private static final OptionalLong NEVER_USED = OptionalLong.empty();

    private static AuthenticatorCodes at(Instant instant) {
        return new AuthenticatorCodes(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private final AuthenticatorCodes codes = at(NOW);

    private final AuthenticatorSecret secret = AuthenticatorSecret.generate();

    /** Appendix B lists 8-digit codes; a 6-digit code is their last six digits. */
    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void codesMatchTheRfc6238Sha1TestVectors(long unixSeconds, String code) {
        Instant instant = Instant.ofEpochSecond(unixSeconds);

        assertThat(codes.codeAt(RFC_SECRET, instant)).isEqualTo(code);
        assertThat(at(instant).verify(RFC_SECRET, code, NEVER_USED)).isPresent();
    }

    @Test
    void theMatchedStepIsUnixTimeDividedByThirtySeconds() {
        assertThat(at(Instant.ofEpochSecond(59)).verify(RFC_SECRET, "287082", NEVER_USED))
                .isEqualTo(OptionalLong.of(1));
    }

    @Test
    void theCurrentCodeIsAccepted() {
        assertThat(codes.verify(secret, codes.codeAt(secret, NOW), NEVER_USED))
                .isEqualTo(OptionalLong.of(NOW.getEpochSecond() / 30));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 1})
    void aCodeFromOneStepEitherSideIsAcceptedForClockDrift(long steps) {
        Instant phoneTime = NOW.plus(STEP.multipliedBy(steps));

        assertThat(codes.verify(secret, codes.codeAt(secret, phoneTime), NEVER_USED))
                .isEqualTo(OptionalLong.of(NOW.getEpochSecond() / 30 + steps));
    }

    @ParameterizedTest
    @ValueSource(longs = {-2, 2})
    void aCodeFromTwoStepsAwayIsRefused(long steps) {
        Instant phoneTime = NOW.plus(STEP.multipliedBy(steps));

        assertThat(codes.verify(secret, codes.codeAt(secret, phoneTime), NEVER_USED)).isEmpty();
    }

    @Test
    void aCodeIsRefusedTheSecondTime() {
        String code = codes.codeAt(secret, NOW);
        OptionalLong used = codes.verify(secret, code, NEVER_USED);

        assertThat(codes.verify(secret, code, used)).isEmpty();
    }

    @Test
    void aCodeIsRefusedTheSecondTimeEvenWhenTheNextStepStillAcceptsIt() {
        String code = codes.codeAt(secret, NOW);
        OptionalLong used = codes.verify(secret, code, NEVER_USED);

        assertThat(at(NOW.plus(STEP)).verify(secret, code, used)).isEmpty();
    }

    @Test
    void anOlderCodeIsRefusedAfterANewerOneWasUsed() {
        OptionalLong used = codes.verify(secret, codes.codeAt(secret, NOW), NEVER_USED);

        assertThat(codes.verify(secret, codes.codeAt(secret, NOW.minus(STEP)), used)).isEmpty();
    }

    @Test
    void aNewerCodeIsAcceptedAfterAnOlderOneWasUsed() {
        OptionalLong used = codes.verify(secret, codes.codeAt(secret, NOW.minus(STEP)), NEVER_USED);

        assertThat(codes.verify(secret, codes.codeAt(secret, NOW), used)).isPresent();
    }

    @Test
    void aCodeFromAnotherSecretIsRefused() {
        AuthenticatorSecret other = AuthenticatorSecret.generate();

        assertThat(codes.verify(secret, codes.codeAt(other, NOW), NEVER_USED)).isEmpty();
    }

    /** At T=59 the RFC key's valid code is 287082; each of these is that code, malformed. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"      ", "28708", "2870820", "28708a", "287 082", " 287082", "287082 ",
            "٢٨٧٠٨٢", "２８７０８２"})
    void anythingButExactlySixAsciiDigitsIsRefused(String code) {
        assertThat(at(Instant.ofEpochSecond(59)).verify(RFC_SECRET, code, NEVER_USED)).isEmpty();
    }
}
