package org.mspportal.shared;

/**
 * SQL {@code LIKE} patterns that take a person's search text literally: a {@code %} or {@code _} typed
 * into a search box is a character, not a wildcard. Statements using them say {@code ESCAPE '\'}.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** The text with the pattern's special characters escaped. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches values containing the text; every value when the text is empty. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }

    /** Matches values starting with the text. */
    public static String startingWith(String text) {
        return literal(text) + "%";
    }
}
