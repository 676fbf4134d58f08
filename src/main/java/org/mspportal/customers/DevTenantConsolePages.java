package org.mspportal.customers;

import java.time.Duration;

import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A development stand-in for the tenant console, there only while {@code portal.tenant-console.url}
 * is unset. It does what a real console must do with a handover: check the signature, audience and
 * expiry, and accept each token once. It shows who arrived for which tenant, and nothing else.
 */
@Controller
@ConditionalOnExpression("'${portal.tenant-console.url:}'.isBlank()")
class DevTenantConsolePages {

    static final String PATH = "/dev/tenant-console";

    private final TenantConsoleTokens tokens;
    /** Token ids already used; a token outlives its lifetime nowhere, so neither does its entry. */
    private final Cache<String, Boolean> used;

    DevTenantConsolePages(TenantConsoleTokens tokens, TenantConsoleSettings settings) {
        this.tokens = tokens;
        this.used = Caffeine.newBuilder().expireAfterWrite(settings.tokenLifetime().plus(Duration.ofMinutes(1)))
                .build();
    }

    @GetMapping(PATH)
    String arrive(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Jwt handover;
        try {
            handover = tokens.verify(token == null ? "" : token);
        } catch (JwtException invalid) {
            return refused(response);
        }
        if (used.asMap().putIfAbsent(handover.getId(), Boolean.TRUE) != null) {
            return refused(response);
        }
        model.addAttribute("handover", handover);
        return "customers/dev-tenant-console";
    }

    private static String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        return "customers/dev-tenant-console-refused";
    }

    /** The console is another system: the token, not a portal session, lets people in. */
    @Component
    @ConditionalOnExpression("'${portal.tenant-console.url:}'.isBlank()")
    static class Access implements HttpSecurityContribution {

        @Override
        public void contributeTo(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.requestMatchers(PATH).permitAll());
        }
    }
}
