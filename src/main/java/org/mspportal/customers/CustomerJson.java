package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mspportal.shared.JsonValues;
import org.mspportal.shared.RejectedInput;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer as an API client sends it, read one field at a time instead of bound in one go. A
 * binder stops at the first value it cannot read and answers 400 without naming it; here every
 * unreadable value (a date that is not a date, a quota that is not a number, an unknown tenant
 * type, a malformed plan id) becomes a refusal of its own field, all reported together. Reading
 * by field also lets a merge patch tell a field left out (it keeps its value) from one sent as
 * {@code null} (it is cleared).
 */
final class CustomerJson {

    private final JsonNode body;
    private final FieldRefusals refusals;

    private CustomerJson(JsonNode body, FieldRefusals refusals) {
        this.body = body;
        this.refusals = refusals;
    }

    /**
     * The request body as a JSON object, numbers as exact decimals.
     *
     * @throws ResponseStatusException 400 when the body is not a JSON object at all
     */
    static CustomerJson read(byte[] raw, JsonMapper json, FieldRefusals refusals) {
        return new CustomerJson(JsonValues.object(raw, json, "the customer"), refusals);
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** Whether the body names any field but these. */
    boolean sentOtherThan(Set<String> fields) {
        return body.propertyNames().stream().anyMatch(name -> !fields.contains(name));
    }

    String text(String field, String current) {
        return value(field, current, node -> JsonValues.text(field, node));
    }

    LocalDate date(String field, LocalDate current) {
        return value(field, current, node -> dateIn(field, textOf(node)));
    }

    BigDecimal decimal(String field, BigDecimal current) {
        return value(field, current, node -> JsonValues.decimal(field, node));
    }

    UUID id(String field, UUID current) {
        return value(field, current, node -> idIn(field, textOf(node)));
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, E current) {
        return value(field, current, node -> choiceIn(field, type, textOf(node)));
    }

    /** The version the client based its change on: required, so no change can skip the check. */
    int version() {
        Integer version = value("version", null, node -> {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new RejectedInput("version", "Send the version as a whole number, as the customer was read.");
            }
            return node.intValue();
        });
        if (version == null) {
            refusals.add(new RejectedInput("version", "Send the version of the customer you are changing."));
            return -1;
        }
        return version;
    }

    /** Absent: the current value. Null: null. Otherwise the value read, or null with the refusal kept. */
    private <T> T value(String field, T current, Function<JsonNode, T> reading) {
        JsonNode node = body.get(field);
        if (node == null) {
            return current;
        }
        if (node.isNull()) {
            return null;
        }
        return refusals.value(() -> reading.apply(node));
    }

    /**
     * A date, id or choice sent as a number, boolean or object reads as no text, which the
     * field's parser then refuses with its own message ("write the date as YYYY-MM-DD").
     */
    private static String textOf(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }

    // --- values written as text, in a body or a query parameter ---------------------------------

    static LocalDate dateIn(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            throw new RejectedInput(field, "Write the date as YYYY-MM-DD, for example 2026-12-31.");
        }
    }

    static UUID idIn(String field, String text) {
        return JsonValues.id(field, text);
    }

    static <E extends Enum<E>> E choiceIn(String field, Class<E> type, String text) {
        E[] values = type.getEnumConstants();
        return Arrays.stream(values).filter(value -> value.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new RejectedInput(field, "Unknown value. Use one of: "
                        + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }

    static int wholeNumberIn(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new RejectedInput(field, "Send a whole number.");
        }
    }
}
