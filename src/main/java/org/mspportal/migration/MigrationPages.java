package org.mspportal.migration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.mspportal.customers.CustomerManagement;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.ServicePlan;
import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Migrations pages: the list (an MSP's own, or every MSP's for the operator) and one migration
 * with its stage, who must act, its history and the forms of its stage: nomination and verification
 * for the MSP, finalise, re-issue and cancel for the operator. The verification email links here.
 */
@Controller
class MigrationPages {

    static final String PATH = "/migrations";
    private static final int PAGE_SIZE = 25;

    private final MigrationManagement migrations;
    private final CustomerManagement customers;
    private final Clock clock;

    MigrationPages(MigrationManagement migrations, CustomerManagement customers, Clock clock) {
        this.migrations = migrations;
        this.customers = customers;
        this.clock = clock;
    }

    /** Tenant administrators see only their assigned customers, and no migrations: no entry for them. */
    @Bean
    static NavigationItem migrationsNavigation() {
        return NavigationItem.forEveryone(PortalSection.MIGRATIONS, PATH).onlyFor(Role.OPERATOR.authority(),
                Role.MSP_ADMINISTRATOR.authority(), Role.READ_ONLY_ADMINISTRATOR.authority());
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String stage, @AuthenticationPrincipal SignedInAdministrator me,
            Model model) {
        StageFilter filter = StageFilter.of(stage);
        model.addAttribute("migrations", migrations.list(filter.stages(), q,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("q", q.strip());
        model.addAttribute("stage", filter);
        model.addAttribute("stages", StageFilter.CHOICES);
        model.addAttribute("filtered", !q.isBlank() || !filter.stages().isEmpty());
        model.addAttribute("operator", me != null && me.operator());
        return "migration/migrations";
    }

    @GetMapping(PATH + "/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInAdministrator me, Model model) {
        return page(id, me, model, Map.of());
    }

    @PostMapping(PATH + "/{id}/nominate")
    String nominate(@PathVariable UUID id, @RequestParam(defaultValue = "") String cloudAdministratorEmail,
            @RequestParam(required = false) UUID handlerAccountId, @RequestParam(required = false) UUID preparedPlanId,
            @AuthenticationPrincipal SignedInAdministrator me, Model model, RedirectAttributes redirect) {
        try {
            Migration migration = migrations.nominate(id, new Nomination(cloudAdministratorEmail, handlerAccountId,
                    preparedPlanId));
            redirect.addFlashAttribute("notice", "Sent the approval link to " + migration.cloudAdministratorEmail() + ".");
            return redirectTo(id);
        } catch (RejectedInput refused) {
            model.addAttribute("nomination", new Nomination(cloudAdministratorEmail, handlerAccountId, preparedPlanId));
            return page(id, me, model, SourceAccountPages.errors(refused));
        } catch (IllegalTransition stale) {
            return refused(id, stale, redirect);
        }
    }

    @PostMapping(PATH + "/{id}/verify")
    String verify(@PathVariable UUID id, @RequestParam(defaultValue = "") String token,
            @RequestParam(required = false) UUID servicePlanId, @RequestParam(defaultValue = "") String storageRegion,
            @RequestParam(defaultValue = "") String creditQuota, @AuthenticationPrincipal SignedInAdministrator me,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("verification", new VerificationForm(servicePlanId, storageRegion, creditQuota));
        try {
            Migration migration = migrations.verify(id, new Verification(token, servicePlanId, storageRegion,
                    quota(creditQuota)));
            redirect.addFlashAttribute("notice", migration.stage() == Stage.COMPLETED
                    ? "Verified: \"" + migration.accountName() + "\" is now one of your customers."
                    : "Verified: the platform operator now finalises the hybrid workloads; the customer stays locked "
                            + "until then.");
            return redirectTo(id);
        } catch (RejectedInput refused) {
            return page(id, me, model, SourceAccountPages.errors(refused));
        } catch (IllegalTransition | AccessDeniedException stale) {
            return refused(id, stale, redirect);
        }
    }

    @PostMapping(PATH + "/{id}/plan-from-licence")
    String planFromLicence(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @AuthenticationPrincipal SignedInAdministrator me, Model model, RedirectAttributes redirect) {
        try {
            ServicePlan plan = migrations.createPlanFromLicence(id, name);
            redirect.addFlashAttribute("notice", "Created the plan \"" + plan.name() + "\" from the licence.");
            return redirectTo(id);
        } catch (RejectedInput refused) {
            model.addAttribute("planName", name);
            return page(id, me, model, Map.of("planName", refused.getMessage()));
        } catch (ConstraintViolationException invalid) {
            model.addAttribute("planName", name);
            return page(id, me, model, Map.of("planName", invalid.getConstraintViolations().iterator().next()
                    .getMessage()));
        }
    }

    @PostMapping(PATH + "/{id}/finalise")
    String finalise(@PathVariable UUID id, RedirectAttributes redirect) {
        return operatorAction(id, () -> migrations.finalise(id), "Finalised: the customer is unlocked.", redirect);
    }

    @PostMapping(PATH + "/{id}/reissue-token")
    String reissue(@PathVariable UUID id, RedirectAttributes redirect) {
        return operatorAction(id, () -> migrations.reissueVerificationToken(id),
                "Mailed a new verification token; the earlier one no longer works.", redirect);
    }

    @PostMapping(PATH + "/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return operatorAction(id, () -> migrations.cancel(id, reason), "Cancelled the migration.", redirect);
    }

    /** What the verification form keeps when refused; the token is never shown back. */
    record VerificationForm(UUID servicePlanId, String storageRegion, String creditQuota) {
    }

    private String page(UUID id, SignedInAdministrator me, Model model, Map<String, String> errors) {
        Migration migration = migrations.get(id);
        boolean operator = me != null && me.operator();
        model.addAttribute("migration", migration);
        model.addAttribute("history", migrations.history(id));
        model.addAttribute("operator", operator);
        model.addAttribute("errors", errors);
        // After completion the dates are those it completed with; before, as if it completed today.
        LocalDate completedOn = migration.stage() == Stage.COMPLETED
                ? LocalDate.ofInstant(migration.changedAt(), java.time.ZoneOffset.UTC) : LocalDate.now(clock);
        model.addAttribute("licence", MigratedLicence.of(migration.licence(), completedOn));
        if (!operator) {
            boolean mspAdministrator = me != null && me.role() == org.mspportal.identity.Role.MSP_ADMINISTRATOR;
            model.addAttribute("mayAct", mspAdministrator);
            model.addAttribute("isHandler", me != null && me.accountId().equals(migration.handlerAccountId()));
            List<PlanChoice> choices = migrations.planChoices(id);
            model.addAttribute("planChoices", choices);
            model.addAttribute("anyCompatible", choices.stream().anyMatch(PlanChoice::compatible));
            if (migration.stage() == Stage.ACTION_REQUIRED) {
                model.addAttribute("handlers", migrations.handlers(id));
                if (!model.containsAttribute("nomination")) {
                    model.addAttribute("nomination", new Nomination(sourceEmail(migration), me == null ? null : me.accountId(), null));
                }
            }
            if (migration.stage() == Stage.MSP_VERIFICATION) {
                model.addAttribute("regions", customers.storageRegions());
                if (!model.containsAttribute("verification")) {
                    model.addAttribute("verification", new VerificationForm(choices.stream()
                            .filter(PlanChoice::compatible).map(choice -> choice.plan().id())
                            .findFirst().orElse(migration.preparedPlanId()), null, ""));
                }
            }
            if (!model.containsAttribute("planName")) {
                model.addAttribute("planName", migration.accountName() + " (migrated)");
            }
        }
        return "migration/migration";
    }

    /** The cloud administrator's email the operator registered, to prefill the nomination. */
    private String sourceEmail(Migration migration) {
        return migrations.sourceCloudAdministratorEmail(migration.id());
    }

    private String operatorAction(UUID id, Runnable action, String notice, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (IllegalTransition | RejectedInput | StaleVersion refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return redirectTo(id);
    }

    private static String refused(UUID id, RuntimeException refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", refused.getMessage());
        return redirectTo(id);
    }

    private static String redirectTo(UUID id) {
        return "redirect:" + PATH + "/" + id;
    }

    private static BigDecimal quota(String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            throw new RejectedInput("creditQuota", "Enter a credit quota, for example 12.5.");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw new RejectedInput("creditQuota", "The credit quota must be a number, for example 12.5.");
        }
    }
}
