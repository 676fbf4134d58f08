package org.mspportal.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.RejectedInput;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own "Profile &amp; security" page: who they are, their recent sign-ins, signing
 * out everywhere, their authenticator app, and (for an MSP) the authenticator policy.
 */
@Controller
class ProfilePages {

    private static final int RECENT_SIGN_INS = 10;

    /** The secret being set up is kept here, never in the database, until a code confirms it. */
    private static final String PENDING_SECRET = ProfilePages.class.getName() + ".pendingSecret";

    /** A sign-in record as the page lists it. */
    record RecentSignIn(Instant at, String address, String browser, String userAgent, String method) {
    }

    private final AdministratorManagement administrators;
    private final AuthenticatorEnrolment enrolment;
    private final AuthenticatorPolicy policy;
    private final ProviderManagement providers;

    ProfilePages(AdministratorManagement administrators, AuthenticatorEnrolment enrolment,
            AuthenticatorPolicy policy, ProviderManagement providers) {
        this.administrators = administrators;
        this.enrolment = enrolment;
        this.policy = policy;
        this.providers = providers;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal SignedInAdministrator me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("msp", me.providerId().map(providers::get).map(Provider::name).orElse(null));
        model.addAttribute("authenticator", enrolment.status());
        model.addAttribute("policy", me.providerId().isPresent() ? policy.overview() : null);
        model.addAttribute("canChangePolicy", me.role() == Role.MSP_ADMINISTRATOR);
        model.addAttribute("signIns", recentSignIns());
        return "identity/profile";
    }

    /** Ends every session of the account, this one included, and returns to the sign-in page. */
    @PostMapping("/profile/sign-out-everywhere")
    String signOutEverywhere(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        administrators.signOutEverywhere();
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/sign-in?signed-out-everywhere";
    }

    @GetMapping(AuthenticatorRequirement.SETUP_PATH)
    String setup(HttpSession session, Model model) {
        AuthenticatorEnrolment.Status status = enrolment.status();
        if (status.enrolled() && AuthenticatorRequirement.marked(session)) {
            // Set up meanwhile from another browser: nothing is left to require of this session.
            AuthenticatorRequirement.clear(session);
            return "redirect:/profile";
        }
        return setupPage(session, status, model);
    }

    @PostMapping(AuthenticatorRequirement.SETUP_PATH)
    String confirm(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
            RedirectAttributes redirect) {
        Optional<AuthenticatorSecret> pending = pendingSecret(session);
        if (pending.isEmpty()) {
            return "redirect:" + AuthenticatorRequirement.SETUP_PATH;
        }
        try {
            enrolment.confirm(pending.get(), code);
        }
        catch (RejectedInput refused) {
            model.addAttribute("codeError", refused.getMessage());
            return setupPage(session, enrolment.status(), model);
        }
        session.removeAttribute(PENDING_SECRET);
        AuthenticatorRequirement.clear(session);
        redirect.addFlashAttribute("notice",
                "Your authenticator app is set up. From now on you sign in with a code from it.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/authenticator/remove")
    String remove(RedirectAttributes redirect) {
        try {
            enrolment.remove();
            redirect.addFlashAttribute("notice",
                    "Your authenticator app is removed. You sign in with emailed codes again.");
        }
        catch (RejectedInput refused) {
            redirect.addFlashAttribute("authenticatorError", refused.getMessage());
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/authenticator-policy")
    String changePolicy(@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        try {
            policy.require(required);
            redirect.addFlashAttribute("notice", required
                    ? "An authenticator app is now required. Administrators without one set it up at their next sign-in."
                    : "An authenticator app is no longer required. Administrators may sign in with emailed codes.");
        }
        catch (RejectedInput refused) {
            redirect.addFlashAttribute("policyError", refused.getMessage());
        }
        return "redirect:/profile#security-policy";
    }

    private String setupPage(HttpSession session, AuthenticatorEnrolment.Status status, Model model) {
        AuthenticatorSecret secret = pendingSecret(session).orElseGet(() -> {
            AuthenticatorSecret generated = AuthenticatorSecret.generate();
            // Kept across reloads, so a code from an app that already scanned it still works.
            session.setAttribute(PENDING_SECRET, generated.base32());
            return generated;
        });
        model.addAttribute("setup", enrolment.setup(secret));
        model.addAttribute("replacing", status.enrolled());
        model.addAttribute("required", AuthenticatorRequirement.marked(session));
        return "identity/authenticator-setup";
    }

    private static Optional<AuthenticatorSecret> pendingSecret(HttpSession session) {
        return Optional.ofNullable((String) session.getAttribute(PENDING_SECRET)).map(AuthenticatorSecret::fromBase32);
    }

    private List<RecentSignIn> recentSignIns() {
        return administrators.recentSignIns(RECENT_SIGN_INS).stream()
                .map(record -> new RecentSignIn(record.occurredAt(), record.address().orElse("Unknown"),
                        BrowserName.of(record.userAgent()), record.userAgent().orElse(""), asColumnValue(record.method())))
                .toList();
    }

    /** "an emailed code" reads well in a sentence; a table column wants "Emailed code". */
    private static String asColumnValue(String method) {
        String bare = method.replaceFirst("^an? ", "");
        return bare.isEmpty() ? bare : Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
    }
}
