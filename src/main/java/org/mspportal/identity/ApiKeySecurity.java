package org.mspportal.identity;

import org.mspportal.shared.ApiSecurityContribution;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * API keys authenticate {@code /api/**}. The filter is made here rather than declared as a bean,
 * so the servlet container never runs it outside the API chain.
 */
@Component
class ApiKeySecurity implements ApiSecurityContribution {

    private final ApiKeyCredentials credentials;

    ApiKeySecurity(ApiKeyCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void contributeTo(HttpSecurity http) {
        http.addFilterBefore(new BearerKeyFilter(credentials), AnonymousAuthenticationFilter.class);
    }
}
