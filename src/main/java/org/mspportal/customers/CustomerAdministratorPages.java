package org.mspportal.customers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mspportal.identity.Administrator;
import org.mspportal.identity.Role;
import org.mspportal.shared.RejectedInput;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer's tenant administrators: who manages it, assigning another, removing one. The façade
 * decides who may do what (MSP administrators change, everyone who sees the customer reads); this
 * page only hides the controls a role cannot use and shows refusals at the field.
 */
@Controller
class CustomerAdministratorPages {

    private static final String PAGE = "customers/customer-administrators";

    private final CustomerManagement customers;
    private final CustomerAssignments assignments;

    CustomerAdministratorPages(CustomerManagement customers, CustomerAssignments assignments) {
        this.customers = customers;
        this.assignments = assignments;
    }

    @GetMapping("/customers/{id}/administrators")
    String show(@PathVariable UUID id, Authentication caller, Model model) {
        return page(id, caller, model, Map.of());
    }

    @PostMapping("/customers/{id}/administrators")
    String assign(@PathVariable UUID id, @RequestParam(required = false) UUID accountId, Authentication caller,
            Model model, RedirectAttributes redirect) {
        Administrator assigned;
        try {
            assigned = assignments.assign(id, accountId);
        } catch (RejectedInput refused) {
            return page(id, caller, model, Map.of(refused.field(), refused.getMessage()));
        }
        redirect.addFlashAttribute("notice", "Assigned " + assigned.email() + ". They can now see and manage "
                + "this customer.");
        return "redirect:/customers/" + id + "/administrators";
    }

    @PostMapping("/customers/{id}/administrators/{accountId}/remove")
    String remove(@PathVariable UUID id, @PathVariable UUID accountId, RedirectAttributes redirect) {
        try {
            assignments.unassign(id, accountId).ifPresent(removed -> redirect.addFlashAttribute("notice",
                    "Removed " + removed.email() + ". They no longer see this customer."));
        } catch (RejectedInput refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/customers/" + id + "/administrators";
    }

    private String page(UUID id, Authentication caller, Model model, Map<String, String> errors) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("assigned", assignments.administratorsOf(id));
        model.addAttribute("assignable", mayAssign(caller) ? assignments.assignableTo(id) : List.<Administrator>of());
        model.addAttribute("errors", errors);
        return PAGE;
    }

    private static boolean mayAssign(Authentication caller) {
        return caller.getAuthorities().stream()
                .anyMatch(authority -> Role.MSP_ADMINISTRATOR.authority().equals(authority.getAuthority()));
    }
}
