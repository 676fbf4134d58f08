package org.mspportal.shared;

/**
 * Guards CSV cells against formula injection: a spreadsheet treats a cell that begins with
 * {@code = + - @}, a tab or a carriage return as a formula, so such cells get a leading quote.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
