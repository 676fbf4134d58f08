package org.mspportal.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An API request authenticated by a key: its authorities are the key's scopes and nothing else. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyPrincipal principal;

    ApiKeyAuthentication(ApiKeyPrincipal principal) {
        super(principal.scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public ApiKeyPrincipal getPrincipal() {
        return principal;
    }

    /** The key itself is never kept once it has been checked. */
    @Override
    public Object getCredentials() {
        return null;
    }
}
