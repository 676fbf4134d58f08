package org.mspportal.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** An administrator or operator as stored. Password and authenticator secrets never leave this module. */
record Account(
        UUID id,
        Optional<UUID> providerId,
        String email,
        String displayName,
        Role role,
        AccountStatus status,
        Optional<String> passwordHash,
        int failedPasswords,
        Optional<Instant> firstFailedPasswordAt,
        Optional<Instant> lockedAt,
        Optional<AuthenticatorSecret> authenticator,
        OptionalLong authenticatorLastStep,
        Instant createdAt) {

    /** A new account waiting for its owner to choose a password. */
    static Account invited(Optional<UUID> providerId, String email, String displayName, Role role, Instant now) {
        return new Account(UUID.randomUUID(), providerId, Accounts.normalise(email), displayName, role,
                AccountStatus.INVITED, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), now);
    }

    boolean locked() {
        return lockedAt.isPresent();
    }

    boolean canSignIn() {
        return status == AccountStatus.ACTIVE && !locked() && passwordHash.isPresent();
    }

    SignedInAdministrator principal() {
        return new SignedInAdministrator(id, email, displayName, providerId.orElse(null), role);
    }
}
