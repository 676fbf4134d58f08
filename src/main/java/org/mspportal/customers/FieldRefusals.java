package org.mspportal.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;

/**
 * Refusals gathered field by field instead of stopping at the first, so an API answer names every
 * invalid field at once. Only a field's first refusal is kept: a date that could not be read is
 * not also reported as missing.
 */
final class FieldRefusals {

    private final Map<String, RejectedInput> byField = new LinkedHashMap<>();

    void add(RejectedInput refusal) {
        byField.putIfAbsent(refusal.field(), refusal);
    }

    /** The value read, or null when it was refused (and the refusal kept). */
    <T> T value(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (RejectedInput refused) {
            add(refused);
            return null;
        }
    }

    /** Runs a rule of the customer model, keeping its refusal rather than stopping at it. */
    void check(Runnable rule) {
        value(() -> {
            rule.run();
            return null;
        });
    }

    /** Refuses the request when anything was refused, naming every field. */
    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new RejectedInputs(List.copyOf(byField.values()));
        }
    }
}
