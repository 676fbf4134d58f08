package org.mspportal.identity;

import java.time.Instant;
import java.util.UUID;

/** An administrator as pages and other modules see them: no secrets. */
public record Administrator(UUID id, String email, String displayName, Role role, AccountStatus status,
        boolean locked, boolean authenticatorEnrolled, Instant createdAt) {

    static Administrator of(Account account) {
        return new Administrator(account.id(), account.email(), account.displayName(), account.role(),
                account.status(), account.locked(), account.authenticator().isPresent(), account.createdAt());
    }

    /**
     * The one word a person needs: a lock only matters while the account is active, so an active
     * but locked account reads "Locked".
     */
    public String statusLabel() {
        if (status == AccountStatus.ACTIVE) {
            return locked ? "Locked" : "Active";
        }
        return status == AccountStatus.INVITED ? "Invited" : "Deactivated";
    }
}
