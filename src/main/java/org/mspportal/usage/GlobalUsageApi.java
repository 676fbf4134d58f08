package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Global Usage report in the REST API: {@code GET /api/v1/reports/global-usage?from=&to=&edition=}
 * (dates as YYYY-MM-DD, both included, the current month by default; edition ALL, BUSINESS,
 * ENTERPRISE or ELITE). A bad value is a 422 naming the parameter. {@code quotaUtilization} is a
 * percentage of the quota consumed inside the customer's quota window, whatever the range.
 */
@RestController
class GlobalUsageApi {

    /** Bytes of answers kept at most: a report of 10 000 customers is about 3 MB of JSON. */
    private static final long BYTES_KEPT = 64L << 20;

    private final GlobalUsageReport report;
    private final JsonMapper json;
    /**
     * Answers as written, for the reports the report service keeps, by identity and only as long
     * as it keeps them (weak keys): writing 10 000 lines of JSON again for each request of an
     * unchanged report took longer than everything else the request does.
     */
    private final Cache<GlobalUsage, byte[]> written = Caffeine.newBuilder().weakKeys().maximumWeight(BYTES_KEPT)
            .weigher((GlobalUsage usage, byte[] body) -> body.length).build();

    GlobalUsageApi(GlobalUsageReport report, JsonMapper json) {
        this.report = report;
        this.json = json;
    }

    record Body(LocalDate from, LocalDate to, String edition, BigDecimal totalCredits, BigDecimal hybridCredits,
            BigDecimal saasCredits, Map<String, BigDecimal> creditsByEdition, List<CustomerLine> customers) {
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

    @GetMapping("/api/v1/reports/global-usage")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Body.class)))
    ResponseEntity<byte[]> globalUsage(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String edition) {
        GlobalUsage usage = report.run(UsageReportFilter.of(from, to, edition, report.today()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(written.get(usage, kept -> json.writeValueAsBytes(body(kept))));
    }

    private static Body body(GlobalUsage usage) {
        return new Body(usage.filter().from(), usage.filter().to(), usage.filter().editionParameter(),
                usage.totalCredits(), usage.hybridCredits(), usage.saasCredits(), usage.creditsByEdition(),
                usage.customers().stream().map(CustomerLine::of).toList());
    }
}
