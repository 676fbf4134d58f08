package org.mspportal.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The key an administrator's authenticator app shares with the portal (RFC 6238). Arrays are
 * mutable and compared by identity, so the record copies them in and out and compares contents.
 */
record AuthenticatorSecret(byte[] bytes) {

    /** 160 bits, the HMAC-SHA1 output size RFC 4226 recommends as the key length. */
    private static final int GENERATED_LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    AuthenticatorSecret {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("An authenticator secret cannot be empty");
        }
        bytes = bytes.clone();
    }

    static AuthenticatorSecret generate() {
        byte[] bytes = new byte[GENERATED_LENGTH];
        RANDOM.nextBytes(bytes);
        return new AuthenticatorSecret(bytes);
    }

    /**
     * Reads what {@link #base32()} wrote. Case is forgiven; padding, spaces and leftover non-zero
     * bits are not, so every secret has exactly one spelling.
     */
    static AuthenticatorSecret fromBase32(String text) {
        String digits = text.toUpperCase(Locale.ROOT);
        byte[] out = new byte[digits.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = BASE32_ALPHABET.indexOf(digits.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a base32 secret");
            }
            buffer = ((buffer << 5) | value) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >>> bits);
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("Not a base32 secret");
        }
        return new AuthenticatorSecret(out);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** RFC 4648 base32 without padding: authenticator apps expect it, and some reject the '='. */
    String base32() {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = ((buffer << 8) | (b & 0xff)) & 0xfff;
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(BASE32_ALPHABET.charAt((buffer >>> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * The enrolment link an app scans (Google's Key URI Format). The issuer is repeated as a
     * parameter because apps read it from there first and fall back to the label prefix.
     */
    String otpauthUri(String issuer, String accountName) {
        // Apps split the decoded label on its first colon, so one inside either part would
        // file the account under the wrong issuer.
        if (issuer.indexOf(':') >= 0 || accountName.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Neither issuer nor account name may contain a colon");
        }
        return "otpauth://totp/" + uriEncode(issuer) + ":" + uriEncode(accountName)
                + "?secret=" + base32()
                + "&issuer=" + uriEncode(issuer)
                + "&algorithm=SHA1"
                + "&digits=" + AuthenticatorCodes.DIGITS
                + "&period=" + AuthenticatorCodes.STEP.toSeconds();
    }

    /** URLEncoder writes form encoding, where a space is '+'; in a URI path '+' is a plus sign. */
    private static String uriEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthenticatorSecret secret && MessageDigest.isEqual(bytes, secret.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Records print their components, and this one would end up in logs and exception messages. */
    @Override
    public String toString() {
        return "AuthenticatorSecret[hidden]";
    }
}
