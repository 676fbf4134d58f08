package org.mspportal.customers;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.mspportal.shared.RejectedInput;

/**
 * A customer's account name as the MSP writes it, in any script: Japanese, Arabic, emoji,
 * accented Latin (the original product mangled such names; SPEC §3 says this one must not).
 *
 * <p>The name is kept in Unicode NFC, so "é" typed as one character or as "e" plus a combining
 * accent is the same name, stored and compared once. Length is counted in code points, so an
 * emoji counts as one character rather than two UTF-16 units. Control characters (tabs, line
 * breaks, NUL) and the invisible overrides that reverse how text displays are refused: a name
 * sits on one line of a list, and must read as what it is. Joiners and direction marks stay,
 * because emoji sequences and mixed-direction names need them.
 */
record AccountName(String value) {

    static final String FIELD = "accountName";
    static final int MAX_LENGTH = 200;

    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

    AccountName {
        String name = value == null ? "" : stripSpaces(Normalizer.normalize(value, Normalizer.Form.NFC));
        if (name.codePoints().noneMatch(AccountName::isVisible)) {
            throw new RejectedInput(FIELD, "Enter the account name.");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new RejectedInput(FIELD, "Use at most " + MAX_LENGTH + " characters in the account name.");
        }
        name.codePoints().forEach(AccountName::refuseUnprintable);
        value = name;
    }

    /**
     * What two names must not share within one MSP: case-insensitive (Locale.ROOT, so a Turkish
     * server locale cannot change the answer) and blind to how many spaces separate words. It is
     * normalised again after lower-casing because lower-casing can leave a string outside NFC.
     * Store it in a column with a unique index per MSP.
     */
    String key() {
        String lower = value.toLowerCase(Locale.ROOT);
        String spaced = WHITESPACE_RUN.matcher(lower).replaceAll(" ");
        return Normalizer.normalize(spaced, Normalizer.Form.NFC);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Like String.strip(), which keeps no-break and ideographic spaces, but those paste in from
     * documents too. A loop rather than a regex, which would backtrack badly on long runs of spaces.
     */
    private static String stripSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static void refuseUnprintable(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            throw new RejectedInput(FIELD, "The account name cannot contain control characters such as tabs "
                    + "or line breaks.");
        }
        if (type == Character.SURROGATE) {
            throw new RejectedInput(FIELD, "The account name contains a broken character; please type it again.");
        }
        if (isDirectionOverride(codePoint)) {
            throw new RejectedInput(FIELD, "The account name cannot contain invisible characters that change "
                    + "the direction of the text.");
        }
    }

    /** Letters, digits, marks, punctuation and symbols: a name of only zero-width characters looks empty. */
    private static boolean isVisible(int codePoint) {
        int type = Character.getType(codePoint);
        return !isSpace(codePoint) && type != Character.FORMAT && type != Character.CONTROL
                && type != Character.UNASSIGNED && type != Character.SURROGATE && type != Character.PRIVATE_USE;
    }

    /** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), used to disguise text. */
    private static boolean isDirectionOverride(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
