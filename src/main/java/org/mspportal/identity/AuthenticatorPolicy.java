package org.mspportal.identity;

import java.util.UUID;

import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an MSP requires an authenticator app of all its administrators. The flag itself lives
 * with the MSP (providers module); this adds what only identity knows: who has an app yet.
 */
@Service
class AuthenticatorPolicy {

    /** The MSP's policy and how many of its active administrators would still need an app. */
    record Overview(boolean required, long activeAdministratorsWithoutApp) {
    }

    private final Accounts accounts;
    private final ProviderManagement providers;

    AuthenticatorPolicy(Accounts accounts, ProviderManagement providers) {
        this.accounts = accounts;
        this.providers = providers;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Overview overview() {
        UUID own = ownProvider();
        long without = accounts.ofProvider(own).stream()
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .filter(account -> account.authenticator().isEmpty())
                .count();
        return new Overview(providers.get(own).authenticatorRequired(), without);
    }

    /**
     * Turns the requirement on or off. Administrators without an app are sent to set one up at
     * their next sign-in.
     *
     * @throws RejectedInput when turning it on while the caller has no app themselves: they would
     *     be the first one stopped by it, and should see the set-up work before asking it of others
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void require(boolean required) {
        if (required && accounts.find(currentAccountId()).flatMap(Account::authenticator).isEmpty()) {
            throw new RejectedInput("required", "Set up your own authenticator app first, then require one for "
                    + "everyone.");
        }
        providers.requireAuthenticator(required);
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }

    private static UUID currentAccountId() {
        return ((PortalPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).accountId();
    }
}
