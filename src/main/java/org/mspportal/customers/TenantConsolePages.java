package org.mspportal.customers;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Access tenant console" button. It is a POST, since it mints a token and writes an audit
 * entry. It answers with a page that forwards the browser by script rather than with a 303: the
 * portal's Content-Security-Policy allows forms to submit to itself only, and Chromium applies
 * {@code form-action} to where a form's response redirects as well.
 */
@Controller
class TenantConsolePages {

    private final TenantConsoleHandover handover;

    TenantConsolePages(TenantConsoleHandover handover) {
        this.handover = handover;
    }

    @PostMapping("/customers/{id}/tenant-console")
    String open(@PathVariable UUID id, Model model, HttpServletResponse response) {
        model.addAttribute("consoleUrl", handover.handOver(id).toString());
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        return "customers/tenant-console-handover";
    }
}
