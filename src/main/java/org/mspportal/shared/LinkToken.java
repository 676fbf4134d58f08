package org.mspportal.shared;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret that travels in an email (an activation link, a migration approval link, a verification
 * token) and its fingerprint, which is all the database keeps. 256 random bits leave nothing to
 * guess, so a plain SHA-256 is a safe fingerprint: no salt or slow hash needed.
 */
public final class LinkToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
    /** Longer than any token this class makes; longer input is never looked up. */
    public static final int MAX_LENGTH = 100;

    private LinkToken() {
    }

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** The hex SHA-256 of the value, as stored. */
    public static String fingerprint(String value) {
        return Sha256.hex(value);
    }
}
