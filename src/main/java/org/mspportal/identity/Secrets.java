package org.mspportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import org.mspportal.shared.LinkToken;

/**
 * Random secrets and their one-way fingerprints. Link tokens, API keys and session ids carry 256
 * random bits, so a plain SHA-256 is a safe fingerprint for them (no salt or slow hash needed:
 * there is nothing to guess). Sign-in codes are short, so their hash is salted with the attempt.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, URL-safe. */
    static String token() {
        return LinkToken.random();
    }

    /** Six decimal digits, uniformly drawn (about 20 bits). */
    static String sixDigitCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String sha256(String value) {
        return LinkToken.fingerprint(value);
    }

    /** Compares two fingerprints in constant time, so timing reveals nothing of the stored one. */
    static boolean sameFingerprint(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }
}
