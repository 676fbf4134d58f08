package org.mspportal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mspportal.plans.Edition;
import org.mspportal.plans.Workload;
import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.RejectedInputs;
import org.mspportal.shared.StaleVersion;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operator's source accounts: the list, registering one, importing many from a CSV
 * file, suspending, and raising a migration.
 */
@Controller
class SourceAccountPages {

    static final String PATH = "/source-accounts";
    private static final int PAGE_SIZE = 25;

    private final SourceAccountManagement accounts;
    private final MigrationManagement migrations;
    private final ProviderManagement providers;

    SourceAccountPages(SourceAccountManagement accounts, MigrationManagement migrations, ProviderManagement providers) {
        this.accounts = accounts;
        this.migrations = migrations;
        this.providers = providers;
    }

    /** What the registration form sends; dates left empty are products not licensed. */
    record SourceAccountForm(String name, String cloudAdministratorEmail, Edition hybridEdition,
            Set<Workload> hybridWorkloads, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hybridExpiresOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate microsoft365ExpiresOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate googleWorkspaceExpiresOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endpointsExpiresOn, String pastUsage) {

        static SourceAccountForm blank() {
            return new SourceAccountForm("", "", null, EnumSet.noneOf(Workload.class), null, null, null, null, "");
        }

        RegisterSourceAccount command() {
            return new RegisterSourceAccount(name, cloudAdministratorEmail, hybridEdition, hybridWorkloads,
                    hybridExpiresOn, microsoft365ExpiresOn, googleWorkspaceExpiresOn, endpointsExpiresOn,
                    usage(pastUsage));
        }

        /** Lines of {@code WORKLOAD,YYYY-MM-DD,credits}, the small carry-over a person types; imports come later. */
        static List<PastUsage> usage(String text) {
            List<PastUsage> usage = new ArrayList<>();
            if (text == null) {
                return usage;
            }
            int line = 0;
            for (String row : text.split("\\R")) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = row.split(",");
                try {
                    usage.add(new PastUsage(Workload.valueOf(cells[0].strip()), LocalDate.parse(cells[1].strip()),
                            new BigDecimal(cells[2].strip()), null));
                } catch (RuntimeException unreadable) {
                    throw new RejectedInput("pastUsage", "Line " + line + " is not WORKLOAD,YYYY-MM-DD,credits "
                            + "(for example VMWARE,2026-01-31,1.25).");
                }
            }
            return usage;
        }
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("accounts", accounts.list(q, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "migration/source-accounts";
    }

    @GetMapping(PATH + "/new")
    String registration(Model model) {
        return form(model, SourceAccountForm.blank(), Map.of());
    }

    @PostMapping(PATH + "/new")
    String register(SourceAccountForm form, Model model, RedirectAttributes redirect) {
        try {
            SourceAccount account = accounts.register(form.command());
            redirect.addFlashAttribute("notice", "Registered \"" + account.name() + "\".");
            // The list may be long: offer the next step for this account where the notice is read.
            redirect.addFlashAttribute("registeredId", account.id());
            redirect.addFlashAttribute("registeredName", account.name());
            return "redirect:" + PATH;
        } catch (RejectedInput refused) {
            return form(model, form, errors(refused));
        }
    }

    @GetMapping(PATH + "/import")
    String importing(Model model) {
        return importForm(model, List.of());
    }

    /** Every line is checked before anything is stored; refusals are listed by line and column. */
    @PostMapping(PATH + "/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return importForm(model, List.of(new SourceAccountImport.Refusal(0, "",
                    "Choose a CSV file to import.")));
        }
        SourceAccountImport imported;
        try (InputStream content = file.getInputStream()) {
            imported = accounts.importCsv(content);
        }
        if (imported.refused()) {
            return importForm(model, imported.refusals());
        }
        int count = imported.registered().size();
        redirect.addFlashAttribute("notice", "Imported " + (count == 1 ? "1 account." : count + " accounts."));
        return "redirect:" + PATH;
    }

    @GetMapping(PATH + "/import/template.csv")
    ResponseEntity<byte[]> importTemplate() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"source-accounts.csv\"")
                .body(accounts.importTemplate());
    }

    @PostMapping(PATH + "/{id}/suspend")
    String suspend(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return statusChanged(() -> accounts.suspend(id, version), "Suspended", redirect);
    }

    @PostMapping(PATH + "/{id}/reactivate")
    String reactivate(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return statusChanged(() -> accounts.reactivate(id, version), "Reactivated", redirect);
    }

    @GetMapping(PATH + "/{id}/migrate")
    String raising(@PathVariable UUID id, Model model) {
        return raiseForm(model, accounts.get(id), null, Map.of());
    }

    @PostMapping(PATH + "/{id}/migrate")
    String raise(@PathVariable UUID id, @RequestParam(required = false) UUID providerId, Model model,
            RedirectAttributes redirect) {
        try {
            Migration migration = migrations.raise(id, providerId);
            redirect.addFlashAttribute("notice", "Raised " + migration.reference() + ": the administrators of "
                    + migration.providerName() + " were emailed.");
            return "redirect:" + MigrationPages.PATH + "/" + migration.id();
        } catch (RejectedInput refused) {
            return raiseForm(model, accounts.get(id), providerId, errors(refused));
        }
    }

    private String importForm(Model model, List<SourceAccountImport.Refusal> refusals) {
        model.addAttribute("refusals", refusals);
        model.addAttribute("maxAccounts", SourceAccountCsv.MAX_ACCOUNTS);
        return "migration/source-account-import";
    }

    private String raiseForm(Model model, SourceAccount account, UUID providerId, Map<String, String> errors) {
        List<Provider> active = providers.list(PageRequest.of(0, 1000, Sort.by("name"))).stream()
                .filter(Provider::active).toList();
        model.addAttribute("account", account);
        model.addAttribute("providers", active);
        model.addAttribute("providerId", providerId);
        model.addAttribute("errors", errors);
        return "migration/raise";
    }

    private String statusChanged(java.util.function.Supplier<SourceAccount> change, String verb,
            RedirectAttributes redirect) {
        try {
            SourceAccount account = change.get();
            redirect.addFlashAttribute("notice", verb + " \"" + account.name() + "\".");
        } catch (StaleVersion stale) {
            redirect.addFlashAttribute("problem", stale.getMessage());
        }
        return "redirect:" + PATH;
    }

    private String form(Model model, SourceAccountForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editions", Edition.values());
        model.addAttribute("hybridWorkloads", Workload.Group.HYBRID.workloads());
        model.addAttribute("workloadCodes", java.util.Arrays.stream(Workload.values()).map(Workload::name).toList());
        return "migration/source-account-form";
    }

    static Map<String, String> errors(RejectedInput refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<RejectedInput> all = refused instanceof RejectedInputs several ? several.all() : List.of(refused);
        all.forEach(one -> errors.putIfAbsent(one.field(), one.getMessage()));
        return errors;
    }
}
