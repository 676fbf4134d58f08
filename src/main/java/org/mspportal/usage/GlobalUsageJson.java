package org.mspportal.usage;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Global Usage report as the API writes it. A report refreshed after a batch differs from the
 * one before in the lines of the batch's customers only, so each customer's line is kept as
 * written, by value, and a report is written by joining kept lines: writing 10 000 lines again
 * took longer than refreshing the report did.
 */
@Component
class GlobalUsageJson {

    /** Characters of lines kept at most: a line is about 400, so some 80 000 lines. */
    private static final long CHARACTERS_KEPT = 32L << 20;

    private final JsonMapper json;
    private final Cache<GlobalUsage.CustomerUsage, String> lines = Caffeine.newBuilder()
            .maximumWeight(CHARACTERS_KEPT)
            .weigher((GlobalUsage.CustomerUsage line, String written) -> written.length())
            .build();

    GlobalUsageJson(JsonMapper json) {
        this.json = json;
    }

    /** The answer's shape, for the API's documentation; {@link #written} writes the same. */
    record Body(LocalDate from, LocalDate to, String edition, BigDecimal totalCredits, BigDecimal hybridCredits,
            BigDecimal saasCredits, Map<String, BigDecimal> creditsByEdition, List<CustomerLine> customers) {

        static Body of(GlobalUsage usage) {
            return new Body(usage.filter().from(), usage.filter().to(), usage.filter().editionParameter(),
                    usage.totalCredits(), usage.hybridCredits(), usage.saasCredits(), usage.creditsByEdition(),
                    usage.customers().stream().map(CustomerLine::of).toList());
        }
    }

    /** @param edition the editions of the customer's usage, comma-separated; null without a plan or usage */
    record CustomerLine(UUID customerId, String accountName, String edition, List<String> editions, BigDecimal credits,
            BigDecimal hybridCredits, BigDecimal saasCredits, BigDecimal creditQuota, LocalDate quotaEffectiveDate,
            LocalDate quotaEndDate, BigDecimal quotaConsumed, BigDecimal quotaUtilization, LocalDate licenseExpiryDate) {

        static CustomerLine of(GlobalUsage.CustomerUsage usage) {
            return new CustomerLine(usage.customerId(), usage.accountName(),
                    usage.editions().isEmpty() ? null : String.join(",", usage.editions()), usage.editions(),
                    usage.credits(), usage.hybridCredits(), usage.saasCredits(), usage.creditQuota(),
                    usage.quotaEffectiveDate(), usage.quotaEndDate(), usage.quotaConsumed(), usage.quotaUtilization(),
                    usage.licenseExpiryDate());
        }
    }

    /** {@link Body} as JSON, its lines taken from those written before where they are unchanged. */
    byte[] written(GlobalUsage usage) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(400 * (usage.customers().size() + 1));
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            property(out, "from", usage.filter().from());
            property(out, "to", usage.filter().to());
            property(out, "edition", usage.filter().editionParameter());
            property(out, "totalCredits", usage.totalCredits());
            property(out, "hybridCredits", usage.hybridCredits());
            property(out, "saasCredits", usage.saasCredits());
            property(out, "creditsByEdition", usage.creditsByEdition());
            out.writeName("customers");
            out.writeStartArray();
            for (GlobalUsage.CustomerUsage line : usage.customers()) {
                out.writeRawValue(lines.get(line, unwritten -> json.writeValueAsString(CustomerLine.of(unwritten))));
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** As the mapper writes a property: absent values are left out (spring.jackson's non_absent). */
    private static void property(JsonGenerator out, String name, Object value) {
        if (value != null) {
            out.writePOJOProperty(name, value);
        }
    }
}
