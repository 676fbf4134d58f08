package org.mspportal.shared;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API request body read one value at a time, so that each value that cannot be read becomes a
 * {@link RejectedInput} of its own field (all reported together) where a binder would stop at the
 * first with a bare 400.
 */
public final class JsonValues {

    /** The canonical 8-4-4-4-12 form; {@link UUID#fromString} also takes oddities such as "1-2-3-4-5". */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private JsonValues() {
    }

    /**
     * The body as a JSON object. Numbers are read as exact decimals: amounts are money and must not
     * pass through a double.
     *
     * @param what what the object is, for the 400's message, e.g. "the customer"
     * @throws ResponseStatusException 400 when the body is not a JSON object at all, or holds a
     *     number too large to read (Jackson throws a bare NumberFormatException for one such as
     *     1e9999999999, found by {@code CustomerJsonFuzzTests})
     */
    public static JsonNode object(byte[] raw, JsonMapper json, String what) {
        JsonNode body;
        try {
            body = json.readerFor(JsonNode.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(raw);
        } catch (JacksonException notJson) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        } catch (NumberFormatException tooLarge) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The request body has a number too large to read; send numbers in ordinary notation.");
        }
        if (body == null || !body.isObject()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send " + what + " as a JSON object.");
        }
        return body;
    }

    public static String text(String field, JsonNode node) {
        if (!node.isString()) {
            throw new RejectedInput(field, "Send this as a JSON string.");
        }
        return node.stringValue();
    }

    public static BigDecimal decimal(String field, JsonNode node) {
        if (!node.isNumber()) {
            throw new RejectedInput(field, "Send this as a JSON number, for example 12.5.");
        }
        return node.decimalValue();
    }

    /** An id written as text, in a body or a query parameter. */
    public static UUID id(String field, String text) {
        if (!UUID_TEXT.matcher(text.strip()).matches()) {
            throw new RejectedInput(field, "Send an id as a UUID, for example 3f2b8a4e-5c1d-4e7f-9a0b-1c2d3e4f5a6b.");
        }
        return UUID.fromString(text.strip());
    }
}
