package org.mspportal.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.mspportal.customers.Customer;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.WrittenDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's usage page: consumption by workload over a range, the quota's burn-down and the
 * forecast of the day it runs out. The charts are drawn by customer-usage.js from data attributes.
 */
@Controller
class CustomerUsagePages {

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    /** A burn-down chart draws at most about three years of days; beyond, it stops 90 days past the news. */
    private static final int LONGEST_BURN_DOWN_DAYS = 1100;

    private final CustomerUsageReport report;
    private final JsonMapper json;

    CustomerUsagePages(CustomerUsageReport report, JsonMapper json) {
        this.report = report;
        this.json = json;
    }

    /** A quick pick of the date range, as a link. */
    record QuickPick(String label, String href, boolean active) {
    }

    @GetMapping("/customers/{id}/usage")
    String usage(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Customer customer = report.customer(id);
        LocalDate today = report.today();
        Map<String, String> errors = new LinkedHashMap<>();
        CustomerUsageRange range;
        try {
            range = CustomerUsageRange.of(from, to, customer, today);
        } catch (RejectedInput refused) {
            errors.put(refused.field(), refused.getMessage());
            range = CustomerUsageRange.quotaWindow(customer, today);
        }
        CustomerUsage usage = report.run(customer, range);
        QuotaBurnDown.Forecast forecast = usage.quota().forecast();
        model.addAttribute("customer", customer);
        model.addAttribute("usage", usage);
        model.addAttribute("quota", usage.quota());
        model.addAttribute("forecast", forecast);
        model.addAttribute("daysUntilExhausted", forecast.exhaustedOn() == null ? null
                : ChronoUnit.DAYS.between(today, forecast.exhaustedOn()));
        model.addAttribute("today", today);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", Map.of("from", typed(from, range.from()), "to", typed(to, range.to())));
        model.addAttribute("quickPicks", quickPicks(customer, range, today));
        model.addAttribute("workloadChart", json.writeValueAsString(workloadChart(usage)));
        model.addAttribute("burnDownChart", json.writeValueAsString(burnDownChart(usage.quota(), forecast)));
        return "usage/customer-usage";
    }

    private static String typed(String typed, LocalDate used) {
        return typed != null && !typed.isBlank() ? typed : used.toString();
    }

    private static List<QuickPick> quickPicks(Customer customer, CustomerUsageRange range, LocalDate today) {
        List<QuickPick> picks = new ArrayList<>();
        picks.add(pick("Quota window", CustomerUsageRange.quotaWindow(customer, today), customer, range));
        picks.add(pick("Last 30 days", CustomerUsageRange.lastDays(30, today), customer, range));
        picks.add(pick("Last 12 months", CustomerUsageRange.lastTwelveMonths(today), customer, range));
        return picks;
    }

    private static QuickPick pick(String label, CustomerUsageRange picked, Customer customer,
            CustomerUsageRange range) {
        String href = UriComponentsBuilder.fromPath("/customers/{id}/usage").queryParam("from", picked.from())
                .queryParam("to", picked.to()).buildAndExpand(customer.id()).toUriString();
        return new QuickPick(label, href, picked.equals(range));
    }

    /** Labels per period and a stack per workload with usage. */
    private static Map<String, Object> workloadChart(CustomerUsage usage) {
        boolean monthly = usage.range().monthly();
        List<String> labels = usage.periods().stream()
                .map(period -> (monthly ? MONTH_LABEL : DAY_LABEL).format(period)).toList();
        List<Map<String, Object>> stacks = new ArrayList<>();
        usage.series().forEach((workload, credits) -> stacks.add(Map.of("workload", workload.name(),
                "label", workload.label(), "data", credits.stream().map(BigDecimal::doubleValue).toList())));
        return Map.of("unit", monthly ? "month" : "day", "labels", labels, "datasets", stacks);
    }

    /**
     * The window's days with the credits left at the end of each day so far, the forecast from
     * the latest usage on at the recent rate, and the day the quota runs (or ran) out.
     */
    private static Map<String, Object> burnDownChart(QuotaBurnDown quota, QuotaBurnDown.Forecast forecast) {
        LocalDate first = quota.effectiveDate();
        LocalDate last = quota.endDate();
        if (ChronoUnit.DAYS.between(first, last) > LONGEST_BURN_DOWN_DAYS) {
            LocalDate news = forecast.exhaustedOn() != null && forecast.exhaustedOn().isAfter(quota.asOf())
                    ? forecast.exhaustedOn() : quota.asOf();
            LocalDate stop = news.plusDays(90);
            last = stop.isBefore(last) ? stop : last;
        }
        Map<LocalDate, BigDecimal> actual = new LinkedHashMap<>();
        quota.remainingPerDay().forEach(day -> actual.put(day.getKey(), day.getValue()));
        List<String> labels = new ArrayList<>();
        List<Double> actualLine = new ArrayList<>();
        List<Double> forecastLine = new ArrayList<>();
        int zeroAt = -1;
        BigDecimal rate = forecast.dailyRate();
        boolean projects = forecast.basisTo() != null && rate.signum() > 0
                && forecast.outlook() != QuotaBurnDown.Outlook.EXHAUSTED;
        BigDecimal left = quota.remaining();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            labels.add(WrittenDate.of(day));
            BigDecimal remaining = actual.get(day);
            actualLine.add(remaining == null ? null : remaining.doubleValue());
            Double projected = null;
            if (projects && !day.isBefore(forecast.basisTo())) {
                BigDecimal value = left.subtract(rate.multiply(BigDecimal.valueOf(
                        ChronoUnit.DAYS.between(forecast.basisTo(), day))));
                boolean pastZero = forecast.exhaustedOn() != null && day.isAfter(forecast.exhaustedOn());
                projected = pastZero ? null : value.doubleValue();
            }
            forecastLine.add(projected);
            if (day.equals(forecast.exhaustedOn())) {
                zeroAt = labels.size() - 1;
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("remaining", actualLine);
        chart.put("forecast", forecastLine);
        chart.put("quota", quota.creditQuota().doubleValue());
        chart.put("zeroAt", zeroAt);
        chart.put("zeroLabel", forecast.outlook() == QuotaBurnDown.Outlook.EXHAUSTED ? "Ran out" : "Runs out");
        return chart;
    }
}
