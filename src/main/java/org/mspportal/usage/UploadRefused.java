package org.mspportal.usage;

import java.util.Comparator;
import java.util.List;

/**
 * An uploaded usage file refused as a whole: nothing of it is stored. Problems are named by the
 * file's line number (the header is line 1) and column, as a person sees the file in an editor.
 */
class UploadRefused extends RuntimeException {

    private final List<Problem> problems;
    private final int problemCount;

    UploadRefused(String message, List<Problem> problems) {
        super(message);
        List<Problem> sorted = problems.stream()
                .sorted(Comparator.comparing(Problem::line, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        this.problems = sorted.subList(0, Math.min(BatchRefused.LISTED, sorted.size()));
        this.problemCount = problems.size();
    }

    static UploadRefused whole(String message) {
        return new UploadRefused(message, List.of());
    }

    public List<Problem> problems() {
        return problems;
    }

    public int problemCount() {
        return problemCount;
    }

    /**
     * @param line the file's line the record starts on, from 1 (the header); null for the file as a whole
     * @param column the CSV column, or {@code record} for the line as a whole
     */
    record Problem(Integer line, String column, String message) {
    }
}
