package org.mspportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Checks the six-digit codes of an authenticator app (RFC 6238 with the parameters every app
 * defaults to: HMAC-SHA1, six digits, 30-second steps).
 */
final class AuthenticatorCodes {

    static final Duration STEP = Duration.ofSeconds(30);

    static final int DIGITS = 6;

    /** One step either side absorbs a phone clock that is a little off and a slow typist. */
    private static final int TOLERATED_DRIFT_STEPS = 1;

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(
            STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private final Clock clock;

    AuthenticatorCodes(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The time step the code belongs to, if it is valid now and newer than the last step used.
     * Storing the returned step and passing it back next time is what stops an observed code
     * being replayed within its validity window, and an older code being used after a newer one.
     */
    OptionalLong verify(AuthenticatorSecret secret, String code, OptionalLong lastUsedStep) {
        Objects.requireNonNull(lastUsedStep, "lastUsedStep");
        if (!isSixAsciiDigits(code)) {
            return OptionalLong.empty();
        }
        byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepOf(clock.instant());
        long lastUsed = lastUsedStep.orElse(Long.MIN_VALUE);
        OptionalLong matched = OptionalLong.empty();
        // Every step in the window is compared, even after a match, so the time taken does not
        // tell which step (if any) a guess hit.
        for (long step = current - TOLERATED_DRIFT_STEPS; step <= current + TOLERATED_DRIFT_STEPS; step++) {
            byte[] expected = codeAtStep(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(offered, expected) && step > lastUsed && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    String codeAt(AuthenticatorSecret secret, Instant instant) {
        return codeAtStep(secret, stepOf(instant));
    }

    private String codeAtStep(AuthenticatorSecret secret, long step) {
        SecretKeySpec key = new SecretKeySpec(secret.bytes(), generator.getAlgorithm());
        try {
            // Locale.ROOT: the library formats with the default locale otherwise, which can
            // produce non-ASCII digits that no app shows and no comparison would match.
            return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        }
        catch (InvalidKeyException e) {
            // A non-empty raw key is always acceptable to HMAC; reaching here is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }

    private static long stepOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** Character.isDigit would let in Arabic-Indic and other digits, which the HMAC never yields. */
    private static boolean isSixAsciiDigits(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
