package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mspportal.customers.Customer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One customer's usage in the REST API: {@code GET /api/v1/customers/{id}/usage?from=&to=} (dates
 * as YYYY-MM-DD, both included; the current quota window up to today by default; at most a year,
 * or the quota window). {@code series} is per day up to 93 days, per month beyond ({@code month}
 * as YYYY-MM). {@code quota} and {@code forecast} are the customer's quota window, whatever the
 * range; the forecast is explained in {@link QuotaBurnDown}. A bad date is a 422 naming it; another
 * MSP's customer is a 404.
 */
@RestController
class CustomerUsageApi {

    private final CustomerUsageReport report;

    CustomerUsageApi(CustomerUsageReport report) {
        this.report = report;
    }

    record Body(UUID customerId, LocalDate from, LocalDate to, BigDecimal totalCredits, List<WorkloadLine> byWorkload,
            List<Map<String, Object>> series, Quota quota, Forecast forecast) {
    }

    record WorkloadLine(String workload, BigDecimal credits) {
    }

    record Quota(BigDecimal creditQuota, LocalDate effectiveDate, LocalDate endDate, BigDecimal consumed,
            BigDecimal remaining) {
    }

    record Forecast(String outlook, LocalDate exhaustedOn, BigDecimal dailyRate, LocalDate basisFrom,
            LocalDate basisTo, String basis) {
    }

    @GetMapping("/api/v1/customers/{id}/usage")
    Body usage(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Customer customer = report.customer(id);
        CustomerUsage usage = report.run(customer, CustomerUsageRange.of(from, to, customer, report.today()));
        QuotaBurnDown quota = usage.quota();
        QuotaBurnDown.Forecast forecast = quota.forecast();
        return new Body(id, usage.range().from(), usage.range().to(), usage.totalCredits(),
                usage.byWorkload().stream().map(line -> new WorkloadLine(line.workload().name(), line.credits()))
                        .toList(),
                series(usage),
                new Quota(quota.creditQuota(), quota.effectiveDate(), quota.endDate(), quota.consumed(),
                        quota.remaining()),
                new Forecast(forecast.outlook().name(), forecast.exhaustedOn(), forecast.dailyRate(),
                        forecast.basisFrom(), forecast.basisTo(), forecast.basis()));
    }

    private static List<Map<String, Object>> series(CustomerUsage usage) {
        List<Map<String, Object>> series = new ArrayList<>();
        List<BigDecimal> totals = usage.totals();
        for (int i = 0; i < usage.periods().size(); i++) {
            Map<String, Object> period = new LinkedHashMap<>();
            LocalDate start = usage.periods().get(i);
            if (usage.range().monthly()) {
                period.put("month", start.toString().substring(0, 7));
            } else {
                period.put("date", start.toString());
            }
            period.put("credits", totals.get(i));
            series.add(period);
        }
        return series;
    }
}
