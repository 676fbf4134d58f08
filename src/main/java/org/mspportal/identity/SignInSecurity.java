package org.mspportal.identity;

import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** The sign-in form and sign-out, contributed to the browser filter chain. */
@Component
class SignInSecurity implements HttpSecurityContribution {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        http.formLogin(form -> form
                        .loginPage("/sign-in")
                        .usernameParameter("email")
                        .failureUrl("/sign-in?error")
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .permitAll());
    }
}
