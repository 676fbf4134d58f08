package org.mspportal.plans;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Service Plans pages: the MSP's plans, creating and editing one, archiving and deleting. */
@Controller
class PlanPages {

    private final ServicePlanManagement plans;

    PlanPages(ServicePlanManagement plans) {
        this.plans = plans;
    }

    @Bean
    static NavigationItem servicePlansNavigation() {
        return NavigationItem.forAdministrators(PortalSection.SERVICE_PLANS, "/service-plans");
    }

    /** The values a form shows: what was typed, or the plan's. */
    record PlanForm(String name, Edition edition, UsageReportFrequency usageReportFrequency, Set<Workload> workloads,
            Integer version) {

        static PlanForm blank() {
            return new PlanForm("", Edition.BUSINESS, UsageReportFrequency.MONTHLY, EnumSet.noneOf(Workload.class), null);
        }

        static PlanForm of(ServicePlan plan) {
            return new PlanForm(plan.name(), plan.edition(), plan.usageReportFrequency(), plan.workloads(),
                    plan.version());
        }
    }

    @GetMapping("/service-plans")
    String list(@RequestParam(defaultValue = "false") boolean archived, Model model) {
        List<ServicePlan> all = plans.list(true);
        model.addAttribute("showArchived", archived);
        model.addAttribute("plans", archived ? all : all.stream().filter(plan -> !plan.archived()).toList());
        model.addAttribute("archivedCount", all.stream().filter(ServicePlan::archived).count());
        model.addAttribute("workloadOrder", Workload.values());
        return "plans/service-plans";
    }

    @GetMapping("/service-plans/new")
    String newPlan(Model model) {
        return form(model, null, PlanForm.blank(), Map.of());
    }

    @PostMapping("/service-plans")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Edition edition,
            @RequestParam(required = false) UsageReportFrequency usageReportFrequency,
            @RequestParam(required = false) Set<Workload> workloads, Model model, RedirectAttributes redirect) {
        Set<Workload> chosen = chosen(workloads);
        try {
            ServicePlan created = plans.create(new CreateServicePlan(name, edition, usageReportFrequency, chosen));
            redirect.addFlashAttribute("notice", "Created the service plan \"" + created.name() + "\".");
            return "redirect:/service-plans";
        } catch (ConstraintViolationException | RejectedInput refused) {
            return form(model, null, new PlanForm(name, edition, usageReportFrequency, chosen, null), errors(refused));
        }
    }

    @GetMapping("/service-plans/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        ServicePlan plan = plans.get(id);
        return form(model, plan, PlanForm.of(plan), Map.of());
    }

    /** Saves the editable fields; if someone else saved first, says so and keeps what was typed. */
    @PostMapping("/service-plans/{id}")
    String update(@PathVariable UUID id, @RequestParam(required = false) Edition edition,
            @RequestParam(required = false) UsageReportFrequency usageReportFrequency,
            @RequestParam(required = false) Set<Workload> workloads, @RequestParam(required = false) Integer version,
            Model model, RedirectAttributes redirect) {
        ServicePlan plan = plans.get(id);
        Set<Workload> chosen = chosen(workloads);
        PlanForm typed = new PlanForm(plan.name(), edition, usageReportFrequency, chosen, version);
        try {
            ServicePlan saved = plans.update(id, new UpdateServicePlan(null, edition, usageReportFrequency, chosen,
                    version));
            redirect.addFlashAttribute("notice", "Saved the service plan \"" + saved.name() + "\".");
            return "redirect:/service-plans";
        } catch (ConstraintViolationException | RejectedInput refused) {
            return form(model, plan, typed, errors(refused));
        } catch (StaleVersion stale) {
            model.addAttribute("stale", stale.getMessage());
            return form(model, plan, typed, Map.of());
        }
    }

    @PostMapping("/service-plans/{id}/archive")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        ServicePlan plan = plans.archive(id);
        redirect.addFlashAttribute("notice", "Archived \"" + plan.name()
                + "\". Its customers keep it, but new customers cannot be put on it.");
        return "redirect:/service-plans";
    }

    @PostMapping("/service-plans/{id}/unarchive")
    String unarchive(@PathVariable UUID id, RedirectAttributes redirect) {
        ServicePlan plan = plans.unarchive(id);
        redirect.addFlashAttribute("notice", "Restored \"" + plan.name() + "\". It can be chosen for customers again.");
        return "redirect:/service-plans";
    }

    @PostMapping("/service-plans/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        ServicePlan plan = plans.get(id);
        try {
            plans.delete(id);
            redirect.addFlashAttribute("notice", "Deleted the service plan \"" + plan.name() + "\".");
        } catch (RejectedInput inUse) {
            redirect.addFlashAttribute("problem", inUse.getMessage());
        }
        return "redirect:/service-plans" + (plan.archived() ? "?archived=true" : "");
    }

    private static Set<Workload> chosen(Set<Workload> workloads) {
        return workloads == null || workloads.isEmpty() ? EnumSet.noneOf(Workload.class) : EnumSet.copyOf(workloads);
    }

    /** Field name to message, first message per field. */
    private static Map<String, String> errors(RuntimeException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refused instanceof RejectedInput rejected) {
            errors.put(rejected.field(), rejected.getMessage());
        } else if (refused instanceof ConstraintViolationException invalid) {
            invalid.getConstraintViolations().forEach(violation -> errors.putIfAbsent(
                    violation.getPropertyPath().toString(), violation.getMessage()));
        }
        return errors;
    }

    private static String form(Model model, ServicePlan plan, PlanForm form, Map<String, String> errors) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editions", Edition.values());
        model.addAttribute("frequencies", UsageReportFrequency.values());
        model.addAttribute("workloadGroups", Workload.Group.values());
        model.addAttribute("maxNameLength", ServicePlanManagement.MAX_NAME_LENGTH);
        return "plans/service-plan-form";
    }
}
