package org.mspportal.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.mspportal.shared.RejectedInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind emailed links, and "forgot your password?". Mail scanners open every link, so a
 * GET only shows a form; the POST from that form is what uses the link.
 */
@Controller
class PasswordLinkPages {

    private static final String CHOOSE = "identity/choose-password";

    private final PasswordLinks passwordLinks;
    private final SignInThrottle throttle;

    PasswordLinkPages(PasswordLinks passwordLinks, SignInThrottle throttle) {
        this.passwordLinks = passwordLinks;
        this.throttle = throttle;
    }

    @GetMapping("/activate/{token}")
    String activation(@PathVariable String token, Model model) {
        return show(token, AccountLinks.Purpose.ACTIVATION, model);
    }

    @PostMapping("/activate/{token}")
    String activate(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model) {
        return choose(token, AccountLinks.Purpose.ACTIVATION, password, confirmation, request, model);
    }

    @PostMapping("/activate/{token}/resend")
    String resendActivation(@PathVariable String token, HttpServletRequest request, Model model) {
        model.addAttribute("purpose", AccountLinks.Purpose.ACTIVATION);
        if (!throttle.tryTake(SignInThrottle.Step.LINK, request.getRemoteAddr())) {
            model.addAttribute("state", PasswordLinks.LinkState.EXPIRED);
            model.addAttribute("throttled", true);
            return CHOOSE;
        }
        model.addAttribute("state", passwordLinks.resendActivation(token) ? "RESENT" : PasswordLinks.LinkState.UNKNOWN);
        return CHOOSE;
    }

    @GetMapping("/reset-password/{token}")
    String reset(@PathVariable String token, Model model) {
        return show(token, AccountLinks.Purpose.PASSWORD_RESET, model);
    }

    @PostMapping("/reset-password/{token}")
    String resetPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model) {
        return choose(token, AccountLinks.Purpose.PASSWORD_RESET, password, confirmation, request, model);
    }

    @GetMapping("/forgot-password")
    String forgotPassword() {
        return "identity/forgot-password";
    }

    @PostMapping("/forgot-password")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        model.addAttribute("email", email);
        if (!throttle.tryTake(SignInThrottle.Step.LINK, request.getRemoteAddr(), Accounts.normalise(email))) {
            model.addAttribute("throttled", true);
            return "identity/forgot-password";
        }
        passwordLinks.requestPasswordReset(email);
        model.addAttribute("requested", true);
        return "identity/forgot-password";
    }

    private String show(String token, AccountLinks.Purpose purpose, Model model) {
        model.addAttribute("purpose", purpose);
        model.addAttribute("state", passwordLinks.stateOf(token, purpose));
        passwordLinks.emailFor(token, purpose).ifPresent(email -> model.addAttribute("email", email));
        return CHOOSE;
    }

    private String choose(String token, AccountLinks.Purpose purpose, String password, String confirmation,
            HttpServletRequest request, Model model) {
        if (!throttle.tryTake(SignInThrottle.Step.LINK, request.getRemoteAddr())) {
            model.addAttribute("throttled", true);
            return show(token, purpose, model);
        }
        try {
            passwordLinks.choosePassword(token, purpose, password, confirmation);
            return "redirect:/sign-in?activated";
        } catch (RejectedInput rejected) {
            model.addAttribute(rejected.field() + "Error", rejected.getMessage());
            return show(token, purpose, model);
        } catch (IllegalStateException unusable) {
            return show(token, purpose, model);
        }
    }
}
