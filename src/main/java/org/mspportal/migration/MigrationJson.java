package org.mspportal.migration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A migration action's body read one field at a time, so one 422 names every field that is missing
 * or cannot be read (an id that is no UUID, a quota that is no number), where a binder would stop
 * at the first with a 400.
 */
final class MigrationJson {

    /** The canonical 8-4-4-4-12 form; {@link UUID#fromString} also takes oddities such as "1-2-3-4-5". */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JsonNode body;
    private final List<RejectedInput> refusals = new ArrayList<>();

    private MigrationJson(JsonNode body) {
        this.body = body;
    }

    /**
     * @throws ResponseStatusException 400 when the body is not a JSON object at all
     */
    static MigrationJson read(byte[] raw, JsonMapper json) {
        JsonNode body;
        try {
            body = json.readerFor(JsonNode.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(raw);
        } catch (JacksonException notJson) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        }
        if (body == null || !body.isObject()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send a JSON object.");
        }
        return new MigrationJson(body);
    }

    /** A string, or null when absent or null; {@code missing} refuses it then, unless it is null. */
    String text(String field, String missing) {
        return value(field, missing, node -> {
            if (!node.isString()) {
                throw new RejectedInput(field, "Send this as a JSON string.");
            }
            return node.stringValue();
        });
    }

    UUID id(String field, String missing) {
        return value(field, missing, node -> {
            String text = node.isString() ? node.stringValue().strip() : "";
            if (!UUID_TEXT.matcher(text).matches()) {
                throw new RejectedInput(field, "Send an id as a UUID, for example 3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b.");
            }
            return UUID.fromString(text);
        });
    }

    BigDecimal decimal(String field, String missing) {
        return value(field, missing, node -> {
            if (!node.isNumber()) {
                throw new RejectedInput(field, "Send this as a JSON number, for example 12.5.");
            }
            return node.decimalValue();
        });
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
