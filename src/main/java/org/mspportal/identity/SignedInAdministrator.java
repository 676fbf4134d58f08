package org.mspportal.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.PortalPrincipal;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The person behind a browser session. It is stored in the session, so it is serializable, and
 * its name is the account id: Spring Session indexes sessions by it, which is how "sign out
 * everywhere" and deactivation find every session of one account.
 */
public record SignedInAdministrator(UUID accountId, String email, String displayName, UUID provider, Role role)
        implements PortalPrincipal, AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Optional<UUID> providerId() {
        return Optional.ofNullable(provider);
    }

    @Override
    public String getName() {
        return accountId.toString();
    }

    public boolean operator() {
        return role == Role.OPERATOR;
    }
}
