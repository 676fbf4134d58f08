package org.mspportal.platform;

import java.util.List;

import org.mspportal.shared.ApiSecurityContribution;
import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two filter chains: the JSON API under {@code /api/**} (stateless, problem+json errors) and the
 * browser UI (sessions, CSRF, sign-in). Which pages are public is contributed by the modules that
 * own them; authorisation of actions sits on the modules' façades with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No inline script or style anywhere, so the policy can stay strict. {@code form-action}
     * keeps forms posting to the portal only.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems,
            List<ApiSecurityContribution> contributions) throws Exception {
        http.securityMatcher("/api/**");
        for (ApiSecurityContribution contribution : contributions) {
            contribution.contributeTo(http);
        }
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The API authenticates each request by its own credentials, never by a cookie,
                // so a forged cross-site request carries nothing to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .headers(headers -> portalHeaders(headers, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, List<HttpSecurityContribution> contributions)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error")
                .permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll());
        for (HttpSecurityContribution contribution : contributions) {
            contribution.contributeTo(http);
        }
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .headers(headers -> portalHeaders(headers, CONTENT_SECURITY_POLICY));
        return http.build();
    }

    static void portalHeaders(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frames -> frames.deny())
                // Spring sends HSTS on HTTPS requests only, which is what we want.
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
    }
}
