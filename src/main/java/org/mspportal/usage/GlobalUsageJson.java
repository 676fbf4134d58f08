package org.mspportal.usage;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Global Usage report as the API writes it. A report refreshed after a batch differs from the
 * one before in the lines of the batch's customers only, so each customer's line is kept as
 * written, by value, in UTF-8, and a report is written by joining kept lines: writing 10 000
 * lines again took longer than refreshing the report did, and so did encoding kept text again.
 */
@Component
class GlobalUsageJson {

    /** Bytes of lines kept at most: a line is about 400, so some 80 000 lines. */
    private static final long BYTES_KEPT = 32L << 20;
    private static final byte[] CUSTOMERS_START = ",\"customers\":[".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json;
    private final Cache<GlobalUsage.CustomerUsage, byte[]> lines = Caffeine.newBuilder()
            .maximumWeight(BYTES_KEPT)
            .weigher((GlobalUsage.CustomerUsage line, byte[] written) -> written.length)
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

    /** {@link Body} but its customers, which {@link #written} joins after it. */
    private record Head(LocalDate from, LocalDate to, String edition, BigDecimal totalCredits,
            BigDecimal hybridCredits, BigDecimal saasCredits, Map<String, BigDecimal> creditsByEdition) {

        static Head of(GlobalUsage usage) {
            return new Head(usage.filter().from(), usage.filter().to(), usage.filter().editionParameter(),
                    usage.totalCredits(), usage.hybridCredits(), usage.saasCredits(), usage.creditsByEdition());
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

    /**
     * {@link Body} as JSON, its lines taken from those written before where they are unchanged:
     * the head as the mapper writes it, its closing brace replaced by the customers.
     */
    byte[] written(GlobalUsage usage) {
        byte[] head = json.writeValueAsBytes(Head.of(usage));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(400 * (usage.customers().size() + 1));
        bytes.write(head, 0, head.length - 1);
        bytes.writeBytes(CUSTOMERS_START);
        boolean first = true;
        for (GlobalUsage.CustomerUsage line : usage.customers()) {
            if (!first) {
                bytes.write(',');
            }
            bytes.writeBytes(lines.get(line, unwritten -> json.writeValueAsBytes(CustomerLine.of(unwritten))));
            first = false;
        }
        bytes.write(']');
        bytes.write('}');
        return bytes.toByteArray();
    }
}
