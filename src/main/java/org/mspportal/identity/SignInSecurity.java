package org.mspportal.identity;

import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;

/**
 * The pages reachable before signing in, where the unauthenticated are sent, sign-out, and the
 * absolute session lifetime.
 */
@Component
class SignInSecurity implements HttpSecurityContribution {

    private final SessionLifetimeFilter sessionLifetime;

    SignInSecurity(SessionLifetimeFilter sessionLifetime) {
        this.sessionLifetime = sessionLifetime;
    }

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/sign-in/**", "/activate/**", "/reset-password/**",
                                "/forgot-password")
                        .permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .addFilterBefore(sessionLifetime, SecurityContextHolderFilter.class)
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .permitAll());
    }
}
