package org.mspportal.migration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.mspportal.shared.JsonValues;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A migration action's body read one field at a time, so one 422 names every field that is missing
 * or cannot be read (an id that is no UUID, a quota that is no number), where a binder would stop
 * at the first with a 400.
 */
final class MigrationJson {

    private final JsonNode body;
    private final List<RejectedInput> refusals = new ArrayList<>();

    private MigrationJson(JsonNode body) {
        this.body = body;
    }

    /**
     * @throws ResponseStatusException 400 when the body is not a JSON object at all
     */
    static MigrationJson read(byte[] raw, JsonMapper json) {
        return new MigrationJson(JsonValues.object(raw, json, "the request"));
    }

    /** A string, or null when absent or null; {@code missing} refuses it then, unless it is null. */
    String text(String field, String missing) {
        return value(field, missing, node -> JsonValues.text(field, node));
    }

    UUID id(String field, String missing) {
        return value(field, missing, node -> JsonValues.id(field, node.isString() ? node.stringValue() : ""));
    }

    BigDecimal decimal(String field, String missing) {
        return value(field, missing, node -> JsonValues.decimal(field, node));
    }

    /** Runs a rule of the migration model, keeping its refusal with the others rather than stopping at it. */
    void check(Runnable rule) {
        try {
            rule.run();
        } catch (RejectedInput refused) {
            refusals.add(refused);
        }
    }

    /** Refuses the request when any field was refused, naming every one. */
    void throwIfAny() {
        if (!refusals.isEmpty()) {
            throw new RejectedInputs(refusals);
        }
    }

    private <T> T value(String field, String missing, Function<JsonNode, T> reading) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (missing != null) {
                refusals.add(new RejectedInput(field, missing));
            }
            return null;
        }
        try {
            return reading.apply(node);
        } catch (RejectedInput refused) {
            refusals.add(refused);
            return null;
        }
    }
}
