package org.mspportal.providers;

import org.mspportal.shared.HttpSecurityContribution;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * The MSP pages are the platform operator's. The façade refuses everyone else already; this also
 * covers pages that call nothing, like the empty onboarding form, so MSP administrators get 403.
 */
@Component
class ProviderPagesAccess implements HttpSecurityContribution {

    @Override
    public void contributeTo(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(ProviderPages.PATH, ProviderPages.PATH + "/**").hasRole("OPERATOR"));
    }
}
