package org.mspportal.usage;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A batch refused as a whole, with what is wrong in it: nothing of it is stored. The API answers
 * 422 with the errors; only the first {@link #LISTED} are listed, {@code errorCount} says how many.
 */
class BatchRefused extends RuntimeException {

    static final int LISTED = 100;

    private final List<Error> errors;
    private final int errorCount;

    BatchRefused(String message, List<Error> errors) {
        super(message);
        this.errors = List.copyOf(errors.subList(0, Math.min(LISTED, errors.size())));
        this.errorCount = errors.size();
    }

    List<Error> errors() {
        return errors;
    }

    int errorCount() {
        return errorCount;
    }

    /**
     * What is wrong, and where.
     *
     * @param index the record's position in {@code records}, from 0; absent for the batch as a whole
     * @param field the record's property, or {@code records} for the batch
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(Integer index, String field, String message) {
    }
}
