package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private final GlobalUsageReport report;

    GlobalUsageApi(GlobalUsageReport report) {
        this.report = report;
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
    Body globalUsage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String edition) {
        GlobalUsage usage = report.run(UsageReportFilter.of(from, to, edition, report.today()));
        return new Body(usage.filter().from(), usage.filter().to(), usage.filter().editionParameter(),
                usage.totalCredits(), usage.hybridCredits(), usage.saasCredits(), usage.creditsByEdition(),
                usage.customers().stream().map(CustomerLine::of).toList());
    }
}
