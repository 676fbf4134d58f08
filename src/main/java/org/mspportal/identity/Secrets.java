package org.mspportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their one-way fingerprints. Link tokens, API keys and session ids carry 256
 * random bits, so a plain SHA-256 is a safe fingerprint for them (no salt or slow hash needed:
 * there is nothing to guess). Sign-in codes are short, so their hash is salted with the attempt.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** Six decimal digits, uniformly drawn (about 20 bits). */
    static String sixDigitCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    /** Compares two fingerprints in constant time, so timing reveals nothing of the stored one. */
    static boolean sameFingerprint(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }
}
