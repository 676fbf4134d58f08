package org.mspportal.customers;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.mspportal.shared.RejectedInput;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The refusal a rule raised, so a test can check both the field it names and what it says. */
final class Refusals {

    private Refusals() {
    }

    static RejectedInput refusalOf(ThrowingCallable action) {
        RejectedInput[] caught = new RejectedInput[1];
        assertThatExceptionOfType(RejectedInput.class).isThrownBy(action).satisfies(refusal -> caught[0] = refusal);
        return caught[0];
    }
}
