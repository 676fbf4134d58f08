package org.mspportal.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.SpreadsheetSafe;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse, filter and export the audit log. */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_INSTANT;

    private final AuditLog auditLog;

    AuditPages(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Bean
    static NavigationItem auditNavigation() {
        return NavigationItem.forEveryone(PortalSection.AUDIT, "/audit");
    }

    @GetMapping("/audit")
    String browse(AuditQuery query, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<AuditEntry> entries = auditLog.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("entries", entries);
        return "audit/audit-log";
    }

    @GetMapping("/audit/{id:\\d+}")
    String entry(@PathVariable long id, Model model) {
        model.addAttribute("entry", auditLog.get(id));
        return "audit/audit-entry";
    }

    @GetMapping("/audit/export.csv")
    void export(AuditQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CsvWriter csv = CsvWriter.builder().build(writer)) {
            csv.writeRecord("time_utc", "actor", "address", "action", "object_type", "object_id", "summary",
                    "details");
            auditLog.export(query, entry -> csv.writeRecord(
                    CSV_TIME.format(entry.occurredAt()),
                    SpreadsheetSafe.cell(entry.actor()),
                    SpreadsheetSafe.cell(entry.actorAddress().orElse("")),
                    SpreadsheetSafe.cell(entry.action()),
                    SpreadsheetSafe.cell(entry.objectType()),
                    SpreadsheetSafe.cell(entry.objectId()),
                    SpreadsheetSafe.cell(entry.summary()),
                    SpreadsheetSafe.cell(entry.details())));
        } catch (UncheckedIOException clientWentAway) {
            throw clientWentAway.getCause();
        }
    }
}
