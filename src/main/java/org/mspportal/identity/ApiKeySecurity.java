package org.mspportal.identity;

import java.util.function.Supplier;

import org.mspportal.shared.ApiSecurityContribution;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * API keys authenticate {@code /api/**}. The filter is made here rather than declared as a bean,
 * so the servlet container never runs it outside the API chain.
 *
 * <p>Reading anything through the API with a key needs the read scope, whichever module serves
 * it: façades let any signed-in caller read, so without this rule a usage-ingest key could read
 * too. Changes need no rule here, because façades allow them to MSP administrators only, unless a
 * method also names a scope, such as {@code hasAuthority('SCOPE_write')}.
 */
@Component
class ApiKeySecurity implements ApiSecurityContribution {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final ApiKeyCredentials credentials;

    ApiKeySecurity(ApiKeyCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void contributeTo(HttpSecurity http) {
        AuthorizationManager<RequestAuthorizationContext> reading = ApiKeySecurity::mayRead;
        http.addFilterBefore(new BearerKeyFilter(credentials), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").access(reading)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").access(reading));
    }

    /**
     * Authenticated, and for a key, with the read scope. Nobody unauthenticated passes: they get
     * the chain's 401, not this rule's 403.
     */
    private static AuthorizationDecision mayRead(Supplier<? extends Authentication> caller,
            RequestAuthorizationContext request) {
        Authentication authentication = caller.get();
        if (!TRUST.isAuthenticated(authentication)) {
            return new AuthorizationDecision(false);
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return new AuthorizationDecision(key.getPrincipal().scopes().contains(ApiKeyScope.READ));
        }
        return new AuthorizationDecision(true);
    }
}
