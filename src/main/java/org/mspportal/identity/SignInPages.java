package org.mspportal.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The three sign-in steps: email, password, then the second factor. */
@Controller
class SignInPages {

    private static final String PAGE = "identity/sign-in";

    private final SignIn signIn;
    private final SignInThrottle throttle;
    private final SignInSettings settings;
    private final AuthenticatorEnrolment enrolment;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SignInPages(SignIn signIn, SignInThrottle throttle, SignInSettings settings, AuthenticatorEnrolment enrolment,
            Clock clock) {
        this.signIn = signIn;
        this.throttle = throttle;
        this.settings = settings;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    @GetMapping("/sign-in")
    String email(HttpSession session, Model model) {
        PendingSignIn.in(session).ifPresent(pending -> model.addAttribute("email", pending.email()));
        model.addAttribute("step", "email");
        return PAGE;
    }

    @PostMapping("/sign-in")
    String submitEmail(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
        model.addAttribute("step", "email");
        model.addAttribute("email", email);
        if (!throttle.tryTake(SignInThrottle.Step.EMAIL, request.getRemoteAddr())) {
            return tooMany(model);
        }
        String normalised = Accounts.normalise(email);
        if (!normalised.matches("[^@\\s]+@[^@\\s]+")) {
            model.addAttribute("emailError", "Enter the email address you were invited with, like name@example.com.");
            return PAGE;
        }
        PendingSignIn.forEmail(request.getSession(), normalised);
        return "redirect:/sign-in/password";
    }

    @GetMapping("/sign-in/password")
    String password(HttpSession session, Model model) {
        return PendingSignIn.in(session).map(pending -> {
            model.addAttribute("step", "password");
            model.addAttribute("email", pending.email());
            return PAGE;
        }).orElse("redirect:/sign-in");
    }

    @PostMapping("/sign-in/password")
    String submitPassword(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
            HttpSession session, Model model) {
        PendingSignIn pending = PendingSignIn.in(session).orElse(null);
        if (pending == null) {
            return "redirect:/sign-in";
        }
        model.addAttribute("step", "password");
        model.addAttribute("email", pending.email());
        if (!throttle.tryTake(SignInThrottle.Step.PASSWORD, request.getRemoteAddr(), pending.email())) {
            return tooMany(model);
        }
        SignIn.PasswordOutcome outcome = signIn.checkPassword(pending.email(), password);
        if (outcome instanceof SignIn.PasswordOutcome.SecondFactorNeeded needed) {
            pending.awaitSecondFactor(session, needed.attemptId(), needed.factor());
            return "redirect:/sign-in/code";
        }
        model.addAttribute("passwordError",
                "The email address or password is not right, or this account cannot sign in at the moment.");
        return PAGE;
    }

    @GetMapping("/sign-in/code")
    String code(HttpSession session, Model model) {
        return PendingSignIn.in(session).filter(pending -> pending.attemptId().isPresent()).map(pending -> {
            codeStep(model, pending);
            return PAGE;
        }).orElse("redirect:/sign-in");
    }

    @PostMapping("/sign-in/code")
    String submitCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, HttpSession session, Model model) {
        PendingSignIn pending = PendingSignIn.in(session).filter(p -> p.attemptId().isPresent()).orElse(null);
        Optional<String> refusal = refuseCodeStep(pending, request, model);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SignIn.CodeOutcome outcome = signIn.checkCode(pending.attemptId().orElseThrow(), code);
        if (outcome instanceof SignIn.CodeOutcome.Accepted accepted) {
            return signedIn(accepted.principal(), request, response);
        }
        if (outcome instanceof SignIn.CodeOutcome.Wrong wrong) {
            model.addAttribute("codeError", "That code is not right. " + wrong.triesLeft()
                    + (wrong.triesLeft() == 1 ? " try" : " tries") + " left.");
            return PAGE;
        }
        if (outcome instanceof SignIn.CodeOutcome.Expired) {
            model.addAttribute("codeError", "That code has expired. Send a new code and enter it.");
            return PAGE;
        }
        return startAgain(session);
    }

    @PostMapping("/sign-in/code/resend")
    String resendCode(HttpServletRequest request, HttpSession session, Model model) {
        PendingSignIn pending = PendingSignIn.in(session).filter(p -> p.attemptId().isPresent()).orElse(null);
        Optional<String> refusal = refuseCodeStep(pending, request, model);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SignIn.ResendOutcome outcome = signIn.resendCode(pending.attemptId().orElseThrow());
        if (outcome instanceof SignIn.ResendOutcome.Sent) {
            model.addAttribute("codeNotice", "We sent a new code. The previous one no longer works.");
            return PAGE;
        }
        if (outcome instanceof SignIn.ResendOutcome.TooSoon tooSoon) {
            model.addAttribute("codeError", "Please wait " + Math.max(1, tooSoon.remaining().toSeconds())
                    + " seconds before asking for another code.");
            return PAGE;
        }
        return startAgain(session);
    }

    /** "Not you?": forget the email and start over. */
    @PostMapping("/sign-in/restart")
    String restart(HttpSession session) {
        PendingSignIn.clear(session);
        return "redirect:/sign-in";
    }

    /** Why the code step cannot go on (no attempt to complete, or too many tries), as the view to show. */
    private Optional<String> refuseCodeStep(PendingSignIn pending, HttpServletRequest request, Model model) {
        if (pending == null) {
            return Optional.of("redirect:/sign-in");
        }
        codeStep(model, pending);
        if (!throttle.tryTake(SignInThrottle.Step.CODE, request.getRemoteAddr(), pending.email())) {
            return Optional.of(tooMany(model));
        }
        return Optional.empty();
    }

    private void codeStep(Model model, PendingSignIn pending) {
        model.addAttribute("step", "code");
        model.addAttribute("email", pending.email());
        model.addAttribute("factor", pending.factor());
        model.addAttribute("codeMinutes", settings.codeValidity().toMinutes());
    }

    private String startAgain(HttpSession session) {
        PendingSignIn.clear(session);
        return "redirect:/sign-in?start-again";
    }

    private static String tooMany(Model model) {
        model.addAttribute("throttled", true);
        return PAGE;
    }

    /**
     * Signs the person in: a new session id (so an id planted before sign-in is worthless), the
     * security context saved in the session, and on to the page they first asked for, unless their
     * MSP requires an authenticator app they have not set up yet: then to setting it up, and the
     * session is marked so that nothing else opens until they have.
     */
    private String signedIn(SignedInAdministrator principal, HttpServletRequest request,
            HttpServletResponse response) {
        PendingSignIn.clear(request.getSession(false));
        request.changeSessionId();
        SessionLifetimeFilter.signedIn(request.getSession(), clock.instant());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(principal.role().authority())));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (enrolment.mustEnrol(principal.accountId())) {
            AuthenticatorRequirement.mark(request.getSession());
            return "redirect:" + AuthenticatorRequirement.SETUP_PATH;
        }
        AuthenticatorRequirement.clear(request.getSession(false));
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }
}
