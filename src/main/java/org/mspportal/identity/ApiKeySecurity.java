package org.mspportal.identity;

import org.mspportal.shared.ApiSecurityContribution;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * API keys authenticate {@code /api/**}. The filter is made here rather than declared as a bean,
 * so the servlet container never runs it outside the API chain.
 *
 * <p>Reading anything through the API needs the read scope, whichever module serves it: façades
 * let any signed-in caller read, so without this rule a usage-ingest key could read too. Changes
 * need no rule here, because façades allow them to MSP administrators only, unless a method also
 * names a scope, such as {@code hasAuthority('SCOPE_write')}.
 */
@Component
class ApiKeySecurity implements ApiSecurityContribution {

    private final ApiKeyCredentials credentials;

    ApiKeySecurity(ApiKeyCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void contributeTo(HttpSecurity http) {
        http.addFilterBefore(new BearerKeyFilter(credentials), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiKeyScope.READ.authority())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(ApiKeyScope.READ.authority()));
    }
}
