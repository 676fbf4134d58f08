package org.mspportal.migration;

import java.util.Locale;
import java.util.regex.Pattern;

import org.mspportal.shared.RejectedInput;

/**
 * An address mail can be sent to, trimmed and lower-cased; the same shape identity asks of
 * administrators' addresses (something@domain.tld, at most 320 characters, RFC 5321's limit).
 */
final class EmailAddress {

    static final int MAX_LENGTH = 320;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddress() {
    }

    static boolean valid(String text) {
        String address = normalised(text);
        return address.length() <= MAX_LENGTH && SHAPE.matcher(address).matches();
    }

    /** The address, normalised, or refused on {@code field} with a message quoting it. */
    static String checked(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new RejectedInput(field, "Enter an email address.");
        }
        if (!valid(text)) {
            throw new RejectedInput(field, "\"" + text.strip() + "\" is not a valid email address.");
        }
        return normalised(text);
    }

    static String normalised(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
