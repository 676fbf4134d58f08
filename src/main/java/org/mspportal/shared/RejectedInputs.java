package org.mspportal.shared;

import java.util.List;

/**
 * Several refused values of one request at once, so a client fixes them all in one go instead of
 * meeting them one answer at a time. It is a {@link RejectedInput} naming the first of them, so
 * code that handles one refusal handles this too; the API lists every one.
 */
public class RejectedInputs extends RejectedInput {

    private final List<RejectedInput> all;

    public RejectedInputs(List<RejectedInput> all) {
        super(all.get(0).field(), all.get(0).getMessage());
        this.all = List.copyOf(all);
    }

    public List<RejectedInput> all() {
        return all;
    }
}
