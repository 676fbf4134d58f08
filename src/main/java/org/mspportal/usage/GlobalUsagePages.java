package org.mspportal.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import org.mspportal.plans.Edition;
import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.SpreadsheetSafe;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reports → Global Usage: the report with its filters, chart and customer table, its CSV export
 * and its printable form (the same page with a print stylesheet).
 */
@Controller
class GlobalUsagePages {

    static final int PAGE_SIZE = 50;
    private static final String PATH = "/reports/global-usage";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** Views kept per report at most; searches typed one after another would grow it without end. */
    private static final int VIEWS_KEPT = 16;

    /**
     * Sorted tables and chart data of reports the report service keeps, by identity and only as
     * long as it keeps them (weak keys): folding and sorting 10 000 names for each page of the
     * same report cost more than the rest of the page.
     */
    private final Cache<GlobalUsage, Map<TableView, List<GlobalUsage.CustomerUsage>>> views = Caffeine.newBuilder()
            .weakKeys().maximumSize(64).build();
    private final Cache<GlobalUsage, String> charts = Caffeine.newBuilder().weakKeys().maximumSize(64).build();
    private final GlobalUsageReport report;
    private final JsonMapper json;

    GlobalUsagePages(GlobalUsageReport report, JsonMapper json) {
        this.report = report;
        this.json = json;
    }

    @Bean
    static NavigationItem reportsNavigation() {
        return NavigationItem.forAdministrators(PortalSection.REPORTS, "/reports");
    }

    /** What the table shows: search, sort column and direction, page. */
    record TableView(String q, GlobalUsage.Column sort, boolean descending) {

        static TableView of(String q, String sort, String dir) {
            GlobalUsage.Column column = GlobalUsage.Column.CREDITS;
            for (GlobalUsage.Column candidate : GlobalUsage.Column.values()) {
                if (candidate.name().equalsIgnoreCase(sort)) {
                    column = candidate;
                }
            }
            boolean descending = dir == null ? column != GlobalUsage.Column.NAME : !"asc".equalsIgnoreCase(dir);
            return new TableView(q == null ? "" : q.strip(), column, descending);
        }
    }

    /** A quick pick of the date range, as a link. */
    record QuickPick(String label, String href, boolean active) {
    }

    @GetMapping("/reports")
    String reports() {
        return "usage/reports";
    }

    @GetMapping(PATH)
    String globalUsage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String edition, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = report.today();
        UsageReportFilter filter;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            filter = UsageReportFilter.of(from, to, edition, today);
        } catch (RejectedInput refused) {
            errors.put(refused.field(), refused.getMessage());
            filter = UsageReportFilter.of(null, null, null, today);
        }
        TableView view = TableView.of(q, sort, dir);
        GlobalUsage usage = report.run(filter);
        List<GlobalUsage.CustomerUsage> lines = sorted(usage, view);
        int number = Math.max(0, Math.min(page, Math.max(0, (lines.size() - 1) / PAGE_SIZE)));
        int start = number * PAGE_SIZE;
        model.addAttribute("usage", usage);
        model.addAttribute("today", today);
        model.addAttribute("filter", filter);
        model.addAttribute("typed", typed(from, to, edition, filter));
        model.addAttribute("errors", errors);
        model.addAttribute("view", view);
        List<GlobalUsage.CustomerUsage> shown = lines.subList(start, Math.min(lines.size(), start + PAGE_SIZE));
        model.addAttribute("customers", new PageImpl<>(shown, PageRequest.of(number, PAGE_SIZE), lines.size()));
        model.addAttribute("rows", shown.stream().map(line -> GlobalUsageRow.of(line, today)).toList());
        model.addAttribute("editions", Edition.values());
        Map<String, String> editionLabels = new LinkedHashMap<>();
        GlobalUsageReport.EDITIONS.forEach(name -> editionLabels.put(name, editionLabel(name)));
        model.addAttribute("editionLabels", editionLabels);
        model.addAttribute("quickPicks", quickPicks(filter, view, today));
        model.addAttribute("sortLinks", sortLinks(filter, view));
        model.addAttribute("csvLink", link(PATH + ".csv", filter, view).toUriString());
        model.addAttribute("chartJson", charts.get(usage, kept -> json.writeValueAsString(chart(kept))));
        model.addAttribute("customersUsing", usage.customers().stream().filter(line -> line.credits().signum() > 0)
                .count());
        return "usage/global-usage";
    }

    private List<GlobalUsage.CustomerUsage> sorted(GlobalUsage usage, TableView view) {
        Map<TableView, List<GlobalUsage.CustomerUsage>> kept = views.get(usage, report -> new ConcurrentHashMap<>());
        if (kept.size() >= VIEWS_KEPT) {
            kept.clear();
        }
        return kept.computeIfAbsent(view, table -> usage.customers(table.q(), table.sort(), table.descending()));
    }

    /** The customer table as CSV, with the page's filters, search and sort, every page at once. */
    @GetMapping(PATH + ".csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String edition, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            HttpServletResponse response) throws IOException {
        UsageReportFilter filter;
        try {
            filter = UsageReportFilter.of(from, to, edition, report.today());
        } catch (RejectedInput refused) {
            // Only a hand-edited link gets here: the page builds the export link from a valid filter.
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
            return;
        }
        TableView view = TableView.of(q, sort, dir);
        GlobalUsage usage = report.run(filter);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"global-usage-" + filter.from()
                + "-to-" + filter.to() + "-" + filter.editionParameter().toLowerCase(Locale.ROOT) + ".csv\"");
        OutputStream out = response.getOutputStream();
        // The byte order mark makes Excel read the file as UTF-8, so Unicode account names survive.
        out.write(UTF8_BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CsvWriter csv = CsvWriter.builder().build(writer)) {
            csv.writeRecord("customer_id", "account_name", "edition", "credits", "hybrid_credits", "saas_credits",
                    "credit_quota", "quota_effective_date", "quota_end_date", "quota_consumed",
                    "quota_utilization_percent", "licence_expiry_date");
            for (GlobalUsage.CustomerUsage line : usage.customers(view.q(), view.sort(), view.descending())) {
                csv.writeRecord(line.customerId().toString(), SpreadsheetSafe.cell(line.accountName()),
                        String.join(" ", line.editions()), plain(line.credits()), plain(line.hybridCredits()),
                        plain(line.saasCredits()), plain(line.creditQuota()), line.quotaEffectiveDate().toString(),
                        line.quotaEndDate().toString(), plain(line.quotaConsumed()), plain(line.quotaUtilization()),
                        line.licenseExpiryDate().toString());
            }
            csv.writeRecord("", "Total", filter.editionParameter(), plain(usage.totalCredits()),
                    plain(usage.hybridCredits()), plain(usage.saasCredits()), "", "", "", "", "", "");
        } catch (UncheckedIOException clientWentAway) {
            throw clientWentAway.getCause();
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    /** What the date fields show: what was typed when it was refused, the dates used otherwise. */
    private static Map<String, String> typed(String from, String to, String edition, UsageReportFilter filter) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("from", from != null && !from.isBlank() ? from : filter.from().toString());
        typed.put("to", to != null && !to.isBlank() ? to : filter.to().toString());
        typed.put("edition", filter.editionParameter());
        return typed;
    }

    private static List<QuickPick> quickPicks(UsageReportFilter filter, TableView view, LocalDate today) {
        LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        List<QuickPick> picks = new ArrayList<>();
        picks.add(pick("This month", today.withDayOfMonth(1), today, filter, view));
        picks.add(pick("Last 30 days", today.minusDays(29), today, filter, view));
        picks.add(pick("This quarter", quarter, today, filter, view));
        picks.add(pick("Last 12 months", today.withDayOfMonth(1).minusMonths(11), today, filter, view));
        return picks;
    }

    private static QuickPick pick(String label, LocalDate from, LocalDate to, UsageReportFilter filter, TableView view) {
        UsageReportFilter picked = new UsageReportFilter(from, to, filter.edition());
        return new QuickPick(label, link(PATH, picked, view).toUriString(),
                filter.from().equals(from) && filter.to().equals(to));
    }

    /** A column heading: the link that sorts by it (again: the other way round) and its current order. */
    record SortHeader(String label, String href, String state, boolean numeric) {
    }

    private static List<SortHeader> sortLinks(UsageReportFilter filter, TableView view) {
        Map<GlobalUsage.Column, String> labels = new LinkedHashMap<>();
        labels.put(GlobalUsage.Column.NAME, "Account name");
        labels.put(GlobalUsage.Column.EDITION, "Edition");
        labels.put(GlobalUsage.Column.CREDITS, "Credits");
        labels.put(GlobalUsage.Column.QUOTA, "Credit quota");
        labels.put(GlobalUsage.Column.UTILIZATION, "Quota utilization");
        labels.put(GlobalUsage.Column.LICENCE_EXPIRY, "Licence expiry");
        List<SortHeader> headers = new ArrayList<>();
        labels.forEach((column, label) -> {
            boolean current = column == view.sort();
            boolean descending = current ? !view.descending() : column != GlobalUsage.Column.NAME;
            String href = link(PATH, filter, new TableView(view.q(), column, descending)).toUriString();
            String state = !current ? "none" : view.descending() ? "descending" : "ascending";
            headers.add(new SortHeader(label, href, state,
                    column == GlobalUsage.Column.CREDITS || column == GlobalUsage.Column.QUOTA));
        });
        return headers;
    }

    private static UriComponents link(String path, UsageReportFilter filter,
            TableView view) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path).queryParam("from", filter.from())
                .queryParam("to", filter.to()).queryParam("edition", filter.editionParameter());
        if (!view.q().isEmpty()) {
            link.queryParam("q", view.q());
        }
        return link.queryParam("sort", view.sort().name().toLowerCase(Locale.ROOT))
                .queryParam("dir", view.descending() ? "desc" : "asc").encode().build();
    }

    /** The chart's data for global-usage.js: labels per period and a stack per edition. */
    private static Map<String, Object> chart(GlobalUsage usage) {
        GlobalUsage.Series series = usage.series();
        List<String> labels = series.periods().stream()
                .map(period -> (series.monthly() ? MONTH_LABEL : DAY_LABEL).format(period)).toList();
        List<Map<String, Object>> stacks = new ArrayList<>();
        series.creditsByEdition().forEach((edition, credits) -> stacks.add(Map.of(
                "edition", edition, "label", editionLabel(edition),
                "data", credits.stream().map(BigDecimal::doubleValue).toList())));
        return Map.of("unit", series.monthly() ? "month" : "day", "labels", labels, "datasets", stacks);
    }

    /** "Business" for BUSINESS; "No plan" for usage of customers without one. */
    static String editionLabel(String edition) {
        return RollUps.NO_EDITION.equals(edition) ? "No plan" : Edition.valueOf(edition).label();
    }
}
