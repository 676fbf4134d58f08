package org.mspportal.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.mspportal.shared.NavigationItem;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.PortalSection;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MSP's administrators: who they are, inviting new ones, and the changes an MSP administrator
 * makes to a colleague's account. The façade decides who may do what; these pages only hide the
 * buttons a role cannot use and turn refusals into messages.
 */
@Controller
class AdministratorPages {

    private static final String LIST = "identity/administrators";
    private static final String DETAIL = "identity/administrator";
    private static final String INVITE = "identity/administrator-invite";
    /** The roles an MSP administrator may give, in the order the invite form offers them. */
    private static final List<Role> MSP_ROLES = List.of(Role.MSP_ADMINISTRATOR, Role.READ_ONLY_ADMINISTRATOR,
            Role.TENANT_ADMINISTRATOR);

    private final AdministratorManagement administrators;
    private final SignInSettings settings;

    AdministratorPages(AdministratorManagement administrators, SignInSettings settings) {
        this.administrators = administrators;
        this.settings = settings;
    }

    @Bean
    static NavigationItem administratorsNavigation() {
        return NavigationItem.forAdministrators(PortalSection.ADMINISTRATORS, "/administrators");
    }

    /**
     * The invite form's fields. The façade checks them again, and more: that the address looks like
     * one and has no account yet. The role stays text here so that an unknown one is a field error.
     */
    record Invitation(
            @NotBlank(message = "Enter the email address of the person to invite.")
            @Size(max = AdministratorManagement.MAX_EMAIL_LENGTH, message = "An email address has at most 320 characters.")
            String email,
            @NotBlank(message = "Choose a role.")
            String role) {
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return MSP_ROLES;
    }

    /** How long an invitation's link works, as the invite form tells it. */
    @ModelAttribute("activationLinkValidity")
    String activationLinkValidity() {
        long hours = settings.activationLinkValidity().toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours")
                : settings.activationLinkValidity().toMinutes() + " minutes";
    }

    @GetMapping("/administrators")
    String list(Authentication authentication, Model model) {
        model.addAttribute("administrators", administrators.list());
        model.addAttribute("me", accountId(authentication));
        return LIST;
    }

    @GetMapping("/administrators/{id}")
    String detail(@PathVariable UUID id, Authentication authentication, Model model) {
        model.addAttribute("administrator", administrators.get(id));
        model.addAttribute("me", accountId(authentication));
        return DETAIL;
    }

    /** Where the "Deactivate" button leads when the confirmation dialog cannot open (no JavaScript). */
    @GetMapping("/administrators/{id}/deactivate")
    String confirmDeactivation(@PathVariable UUID id, Authentication authentication, Model model) {
        requireMspAdministrator(authentication);
        model.addAttribute("confirmDeactivation", true);
        return detail(id, authentication, model);
    }

    @GetMapping("/administrators/invite")
    String inviteForm(Authentication authentication, Model model) {
        requireMspAdministrator(authentication);
        model.addAttribute("invitation", new Invitation("", Role.MSP_ADMINISTRATOR.name()));
        model.addAttribute("fieldErrors", Map.of());
        return INVITE;
    }

    @PostMapping("/administrators/invite")
    String invite(@Valid @ModelAttribute("invitation") Invitation invitation, BindingResult binding,
            Authentication authentication, Model model, RedirectAttributes redirect) {
        requireMspAdministrator(authentication);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> fieldErrors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        if (fieldErrors.isEmpty()) {
            try {
                Administrator invited = administrators.invite(invitation.email(), offered(invitation.role()));
                redirect.addFlashAttribute("notice", "Invitation sent to " + invited.email() + ".");
                return "redirect:/administrators";
            } catch (RejectedInput rejected) {
                fieldErrors.put(rejected.field(), rejected.getMessage());
            }
        }
        model.addAttribute("fieldErrors", fieldErrors);
        return INVITE;
    }

    @PostMapping("/administrators/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(defaultValue = "") String back,
            Authentication authentication, HttpServletRequest request, RedirectAttributes redirect) {
        String next = change(id, back, redirect, () -> {
            administrators.deactivate(id);
            return administrators.get(id).email() + " is deactivated and signed out everywhere.";
        });
        return signedOutIfOwn(id, next, authentication, request, redirect);
    }

    @PostMapping("/administrators/{id}/reactivate")
    String reactivate(@PathVariable UUID id, @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        return change(id, back, redirect, () -> {
            administrators.reactivate(id);
            Administrator after = administrators.get(id);
            return after.status() == AccountStatus.INVITED
                    ? after.email() + " is reactivated. They never chose a password, so we sent a new activation link."
                    : after.email() + " is reactivated and can sign in again.";
        });
    }

    @PostMapping("/administrators/{id}/role")
    String changeRole(@PathVariable UUID id, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String back, Authentication authentication, HttpServletRequest request,
            RedirectAttributes redirect) {
        String next = change(id, back, redirect, () -> {
            Role chosen = offered(role);
            administrators.changeRole(id, chosen);
            return administrators.get(id).email() + " is now " + chosen.label() + ".";
        });
        return signedOutIfOwn(id, next, authentication, request, redirect);
    }

    @PostMapping("/administrators/{id}/resend-invitation")
    String resendInvitation(@PathVariable UUID id, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return change(id, back, redirect, () -> {
            administrators.resendInvitation(id);
            return "A new activation link is on its way to " + administrators.get(id).email()
                    + ". Earlier links no longer work.";
        });
    }

    @PostMapping("/administrators/{id}/unlock")
    String unlock(@PathVariable UUID id, @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        return change(id, back, redirect, () -> {
            administrators.unlockAndSendPasswordReset(id);
            return administrators.get(id).email() + " is unlocked and has been sent a link to choose a new password.";
        });
    }

    /** An address that is not an id at all is as unknown as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String malformedId() {
        return "error/404";
    }

    /** Makes a change to one administrator and reports it, or its refusal, on the page it was made from. */
    private static String change(UUID id, String back, RedirectAttributes redirect, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (RejectedInput rejected) {
            redirect.addFlashAttribute("problem", rejected.getMessage());
        }
        // Only two places to go back to, so a crafted value cannot send anyone elsewhere.
        return "detail".equals(back) ? "redirect:/administrators/" + id : "redirect:/administrators";
    }

    /**
     * Deactivating oneself, or changing one's own role, ends one's own sessions with everyone
     * else's: this request's session goes too, and the person lands on the sign-in page (to sign
     * in with the new role, if that was the change).
     */
    private static String signedOutIfOwn(UUID id, String next, Authentication authentication,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (!id.equals(accountId(authentication)) || redirect.getFlashAttributes().containsKey("problem")) {
            return next;
        }
        redirect.getFlashAttributes().clear();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/sign-in?signed-out";
    }

    /** One of the roles the pages offer, by its name. */
    private static Role offered(String role) {
        return MSP_ROLES.stream().filter(candidate -> candidate.name().equals(role)).findFirst()
                .orElseThrow(() -> new RejectedInput("role", "Choose one of the roles listed."));
    }

    /** The invite form is of no use to other roles; the façade refuses them in any case. */
    private static void requireMspAdministrator(Authentication authentication) {
        boolean allowed = authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.MSP_ADMINISTRATOR.authority().equals(authority.getAuthority()));
        if (!allowed) {
            throw new AccessDeniedException("Only MSP administrators manage administrators");
        }
    }

    private static UUID accountId(Authentication authentication) {
        if (authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return principal.accountId();
        }
        throw new NotFound("administrator");
    }
}
