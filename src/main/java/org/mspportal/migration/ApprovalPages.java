package org.mspportal.migration;

import org.mspportal.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind the approval link mailed to the customer's cloud administrator. Mail scanners open
 * every link, so the GET only shows what will move, with Approve and Decline buttons; only their
 * POST acts. An unknown or used link shows that, and nothing else.
 */
@Controller
class ApprovalPages {

    static final String PATH = "/migration-approval";
    private static final String PAGE = "migration/approval";

    private final MigrationManagement migrations;

    ApprovalPages(MigrationManagement migrations) {
        this.migrations = migrations;
    }

    @GetMapping(PATH + "/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        migrations.approval(token).ifPresent(request -> model.addAttribute("request", request));
        return PAGE;
    }

    @PostMapping(PATH + "/{token}/approve")
    String approve(@PathVariable String token, Model model) {
        return answered(token, true, model);
    }

    @PostMapping(PATH + "/{token}/decline")
    String decline(@PathVariable String token, Model model) {
        return answered(token, false, model);
    }

    private String answered(String token, boolean approve, Model model) {
        try {
            Migration migration = approve ? migrations.approve(token) : migrations.decline(token);
            model.addAttribute("answered", approve ? "approved" : "declined");
            model.addAttribute("providerName", migration.providerName());
            model.addAttribute("accountName", migration.accountName());
        } catch (NotFound | IllegalTransition unusable) {
            // The link was used, or the request moved on meanwhile: the page says the link no longer works.
        }
        return PAGE;
    }
}
