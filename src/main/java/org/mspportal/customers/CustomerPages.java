package org.mspportal.customers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlan;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Customers pages: the searchable list, adding a customer, a customer's page with its plan
 * history and actions, and editing it. Every administrator of the MSP reads them; only MSP
 * administrators change anything (the façade enforces it; the pages also hide the buttons and
 * refuse the forms before looking at what was typed).
 */
@Controller
class CustomerPages {

    static final int PAGE_SIZE = 25;
    private static final String WRITER = "ROLE_MSP_ADMINISTRATOR";

    private final CustomerManagement customers;
    private final ServicePlanManagement plans;
    private final Clock clock;

    CustomerPages(CustomerManagement customers, ServicePlanManagement plans, Clock clock) {
        this.customers = customers;
        this.plans = plans;
        this.clock = clock;
    }

    @Bean
    static NavigationItem customersNavigation() {
        return NavigationItem.forAdministrators(PortalSection.CUSTOMERS, "/customers");
    }

    /** One move between plans as the history table shows it; a plan deleted since is named as such. */
    record PlanMove(Instant changedAt, String from, boolean fromArchived, String to, boolean toArchived,
            String changedBy) {
    }

    /** One of the list's filter menus: its parameter, its label, what "any" is called, and its choices. */
    record FilterSelect(String name, String label, String any, List<Choice> choices) {
    }

    record Choice(String value, String label, boolean selected) {
    }

    @GetMapping("/customers")
    String list(@RequestParam Map<String, String> parameters, Model model) {
        List<StorageRegion> regions = customers.storageRegions();
        CustomerFilters filters = CustomerFilters.from(parameters, regions.stream().map(StorageRegion::id).toList());
        Page<Customer> found = customers.search(filters.query(), PageRequest.of(filters.page(), PAGE_SIZE));
        if (found.getContent().isEmpty() && found.getTotalPages() > 0) {
            // A page past the end (an old bookmark, a shrunken list) shows the last page instead.
            found = customers.search(filters.query(), PageRequest.of(found.getTotalPages() - 1, PAGE_SIZE));
        }
        long everyone = filters.narrowed()
                ? customers.search(CustomerQuery.everyone(), PageRequest.of(0, 1)).getTotalElements()
                : found.getTotalElements();
        List<ServicePlan> allPlans = plans.list(true);
        Map<UUID, ServicePlan> plansById = byId(allPlans);
        Map<String, String> regionNames = regionNames(regions);
        LocalDate today = today();

        model.addAttribute("filters", filters);
        model.addAttribute("found", found);
        model.addAttribute("rows", found.getContent().stream()
                .map(customer -> view(customer, plansById, regionNames, today)).toList());
        model.addAttribute("everyone", everyone);
        model.addAttribute("count", filters.narrowed()
                ? CustomerView.count(found.getTotalElements()) + " of " + CustomerView.count(everyone) + " match"
                : CustomerView.count(everyone) + (everyone == 1 ? " customer" : " customers"));
        model.addAttribute("filterSelects", filterSelects(filters, allPlans, regions));
        model.addAttribute("orders", CustomerFilters.Order.values());
        return "customers/customers";
    }

    @GetMapping("/customers/new")
    String newCustomer(Model model) {
        requireWriter();
        List<ServicePlan> assignable = plans.list(false);
        List<StorageRegion> regions = customers.storageRegions();
        String onlyPlan = assignable.size() == 1 ? assignable.get(0).id().toString() : null;
        String firstRegion = regions.isEmpty() ? null : regions.get(0).id();
        return form(model, null, CustomerForm.blank(today(), onlyPlan, firstRegion), Map.of());
    }

    @PostMapping("/customers")
    String create(CustomerForm form, Model model, RedirectAttributes redirect) {
        requireWriter();
        Map<String, String> errors = new LinkedHashMap<>();
        RegisterCustomer command = form.registration(errors);
        if (command != null) {
            try {
                Customer added = customers.register(command);
                redirect.addFlashAttribute("notice", "Added the customer \"" + added.accountName() + "\".");
                return "redirect:/customers/" + added.id();
            } catch (RejectedInput refused) {
                errors.put(refused.field(), refused.getMessage());
            }
        }
        return form(model, null, form, errors);
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) String confirm, Model model) {
        CustomerDetails details = customers.details(id);
        Customer customer = details.customer();
        List<ServicePlan> allPlans = plans.list(true);
        Map<UUID, ServicePlan> plansById = byId(allPlans);
        CustomerView view = view(customer, plansById, regionNames(customers.storageRegions()), today());
        model.addAttribute("view", view);
        model.addAttribute("customer", customer);
        List<PlanMove> history = new ArrayList<>(details.planHistory().stream()
                .map(change -> move(change, plansById)).toList());
        Collections.reverse(history);
        model.addAttribute("history", history);
        model.addAttribute("otherPlans", allPlans.stream()
                .filter(plan -> !plan.archived() && !plan.id().equals(customer.servicePlanId())).toList());
        model.addAttribute("confirm", view.confirmations().contains(confirm) ? confirm : null);
        model.addAttribute("migration", details.migrationMoving());
        return "customers/customer";
    }

    @GetMapping("/customers/{id}/edit")
    String edit(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        requireWriter();
        Customer customer = customers.get(id);
        if (!customer.status().allowsChanges()) {
            redirect.addFlashAttribute("problem", "This customer is being migrated"
                    + customers.migrationMoving(id).map(reference -> " by migration " + reference).orElse("")
                    + "; it can be edited once the migration completes.");
            return "redirect:/customers/" + id;
        }
        return form(model, customer, CustomerForm.of(customer), Map.of());
    }

    /** Saves the details as read at the form's version; if someone saved first, says so and keeps what was typed. */
    @PostMapping("/customers/{id}")
    String update(@PathVariable UUID id, CustomerForm form, Model model, RedirectAttributes redirect) {
        requireWriter();
        Customer customer = customers.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        UpdateCustomer command = form.update(errors);
        if (command != null) {
            try {
                Customer saved = customers.update(id, command);
                redirect.addFlashAttribute("notice", "Saved the customer \"" + saved.accountName() + "\".");
                return "redirect:/customers/" + id;
            } catch (RejectedInput refused) {
                errors.put(refused.field(), refused.getMessage());
            } catch (StaleVersion stale) {
                model.addAttribute("stale", stale.getMessage());
            }
        }
        return form(model, customer, form, errors);
    }

    @PostMapping("/customers/{id}/suspend")
    String suspend(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> "Suspended \"" + customers.suspend(id).accountName()
                + "\". Resume it whenever it should run again.");
    }

    @PostMapping("/customers/{id}/resume")
    String resume(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> "Resumed \"" + customers.resume(id).accountName() + "\".");
    }

    @PostMapping("/customers/{id}/extend-evaluation")
    String extendEvaluation(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Customer extended = customers.extendEvaluation(id);
            return "Extended the evaluation of \"" + extended.accountName() + "\" until "
                    + extended.evaluationEndsOn() + ".";
        });
    }

    @PostMapping("/customers/{id}/convert-to-commercial")
    String convertToCommercial(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> "\"" + customers.convertToCommercial(id).accountName()
                + "\" is now a commercial customer.");
    }

    @PostMapping("/customers/{id}/plan")
    String changePlan(@PathVariable UUID id, @RequestParam(required = false) String servicePlanId,
            @RequestParam(required = false) String version, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Customer moved = customers.changePlan(id, planId(servicePlanId), versionOf(version));
            return "Moved \"" + moved.accountName() + "\" to the plan \""
                    + plans.get(moved.servicePlanId()).name() + "\".";
        });
    }

    /** An address that is not an id at all is as unknown as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String malformedId() {
        return "error/404";
    }

    /** Makes one change and reports it, or why it was refused, on the customer's page. */
    private String act(UUID id, RedirectAttributes redirect, Supplier<String> change) {
        requireWriter();
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (RejectedInput refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        } catch (StaleVersion stale) {
            redirect.addFlashAttribute("problem", stale.getMessage().replace("Reload it", "Check it"));
        }
        return "redirect:/customers/" + id;
    }

    /** The filter menus, each with the value of the address chosen. */
    private static List<FilterSelect> filterSelects(CustomerFilters filters, List<ServicePlan> plans,
            List<StorageRegion> regions) {
        return List.of(
                new FilterSelect("plan", "Plan", "Any plan", plans.stream()
                        .map(plan -> new Choice(plan.id().toString(),
                                plan.archived() ? plan.name() + " (archived)" : plan.name(),
                                plan.id().equals(filters.plan())))
                        .toList()),
                new FilterSelect("edition", "Edition", "Any edition", Arrays.stream(Edition.values())
                        .map(edition -> new Choice(edition.name(), edition.label(), edition == filters.edition()))
                        .toList()),
                new FilterSelect("type", "Tenant type", "Any type", Arrays.stream(TenantType.values())
                        .map(type -> new Choice(type.name(), label(type.name()), type == filters.type()))
                        .toList()),
                new FilterSelect("region", "Storage region", "Any region", regions.stream()
                        .map(region -> new Choice(region.id(), region.displayName() + " · " + region.id(),
                                region.id().equals(filters.region())))
                        .toList()),
                new FilterSelect("status", "Status", "Any status", Arrays.stream(CustomerStatus.values())
                        .map(status -> new Choice(status.name(), status == CustomerStatus.MIGRATION_IN_PROGRESS
                                ? "Being migrated" : label(status.name()), status == filters.status()))
                        .toList()),
                new FilterSelect("expiring", "Licence expiring", "Any time", filters.expiryChoices().stream()
                        .map(days -> new Choice(days.toString(), "Within " + days + (days == 1 ? " day" : " days"),
                                days.equals(filters.expiring())))
                        .toList()));
    }

    /** "EVALUATION" as a menu shows it: "Evaluation". */
    private static String label(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase(Locale.ROOT);
    }

    private String form(Model model, Customer customer, CustomerForm form, Map<String, String> errors) {
        List<StorageRegion> regions = customers.storageRegions();
        model.addAttribute("customer", customer);
        model.addAttribute("planName", customer == null || customer.servicePlanId() == null ? null
                : plans.get(customer.servicePlanId()).name());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        // Errors about something the form has no field for (the status, say) are shown at the top.
        model.addAttribute("formErrors", errors.entrySet().stream()
                .filter(error -> !CustomerForm.FIELDS.contains(error.getKey())).map(Map.Entry::getValue).toList());
        model.addAttribute("assignablePlans", plans.list(false));
        model.addAttribute("regions", regions);
        model.addAttribute("maxNameLength", AccountName.MAX_LENGTH);
        return "customers/customer-form";
    }

    private CustomerView view(Customer customer, Map<UUID, ServicePlan> plansById, Map<String, String> regionNames,
            LocalDate today) {
        ServicePlan plan = customer.servicePlanId() == null ? null : plansById.get(customer.servicePlanId());
        return new CustomerView(customer, plan, regionNames.getOrDefault(customer.storageRegion(),
                customer.storageRegion()), today);
    }

    private static PlanMove move(PlanChange change, Map<UUID, ServicePlan> plansById) {
        ServicePlan from = change.fromPlanId() == null ? null : plansById.get(change.fromPlanId());
        ServicePlan to = plansById.get(change.toPlanId());
        return new PlanMove(change.changedAt(), planName(change.fromPlanId(), from), from != null && from.archived(),
                planName(change.toPlanId(), to), to != null && to.archived(), change.changedBy());
    }

    private static String planName(UUID id, ServicePlan plan) {
        if (id == null) {
            return "No plan";
        }
        return plan == null ? "A deleted plan" : plan.name();
    }

    private static Map<UUID, ServicePlan> byId(List<ServicePlan> plans) {
        return plans.stream().collect(Collectors.toMap(ServicePlan::id, Function.identity()));
    }

    private static Map<String, String> regionNames(List<StorageRegion> regions) {
        return regions.stream().collect(Collectors.toMap(StorageRegion::id, StorageRegion::displayName));
    }

    private static UUID planId(String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new RejectedInput("servicePlanId", "Choose the plan to move the customer to.");
        }
    }

    private static int versionOf(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException missing) {
            return -1;
        }
    }

    /**
     * Read-only and tenant administrators may look but not change: refused before a form's values
     * are even checked, so they are never shown errors for a change they could not make anyway.
     */
    private static void requireWriter() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean writer = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> WRITER.equals(authority.getAuthority()));
        if (!writer) {
            throw new AccessDeniedException("Only MSP administrators change customers.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
