package org.mspportal.usage;

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
    private final GlobalUsageJson json;
    /**
     * Answers as written, for the reports the report service keeps, by identity and only as long
     * as it keeps them (weak keys): even joined from kept lines, 3 MB of JSON for each request of
     * an unchanged report would cost more than everything else the request does.
     */
    private final Cache<GlobalUsage, byte[]> written = Caffeine.newBuilder().weakKeys().maximumWeight(BYTES_KEPT)
            .weigher((GlobalUsage usage, byte[] body) -> body.length).build();

    GlobalUsageApi(GlobalUsageReport report, GlobalUsageJson json) {
        this.report = report;
        this.json = json;
    }

    @GetMapping("/api/v1/reports/global-usage")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = GlobalUsageJson.Body.class)))
    ResponseEntity<byte[]> globalUsage(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String edition) {
        GlobalUsage usage = report.run(UsageReportFilter.of(from, to, edition, report.today()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(written.get(usage, json::written));
    }
}
