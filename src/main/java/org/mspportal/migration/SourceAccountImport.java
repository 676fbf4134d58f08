package org.mspportal.migration;

import java.util.List;

/**
 * What a CSV import of source accounts did: every account registered, or, when any line was
 * refused, nothing registered and every refusal by line and column.
 *
 * @param registered the accounts registered, in the file's order; empty when anything was refused
 */
public record SourceAccountImport(List<SourceAccount> registered, List<Refusal> refusals) {

    /**
     * One value the import refused.
     *
     * @param line the line of the file, counting the header as line 1; 0 when the file as a whole is unreadable
     * @param column the CSV column, or empty when the refusal is about the whole line or file
     */
    public record Refusal(long line, String column, String message) {
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }
}
