package org.mspportal.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.TestMsps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** MSPs and administrators for identity tests, made directly in the database ({@code @Import} it). */
class TestAccounts {

    static final String PASSWORD = "correct horse battery staple";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String passwordHash;

    TestAccounts(Accounts accounts, PasswordEncoder passwords, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
        this.passwordHash = passwords.encode(PASSWORD);
    }

    UUID provider() {
        return new TestMsps(jdbc, clock).provider();
    }

    /** An active account with {@link #PASSWORD}. */
    Account active(UUID providerId, Role role) {
        Account invited = Account.invited(Optional.ofNullable(providerId), "admin-" + UUID.randomUUID() + "@msp.example",
                "Test administrator", role, clock.instant());
        accounts.add(invited);
        accounts.activate(invited.id(), passwordHash, clock.instant());
        return accounts.find(invited.id()).orElseThrow();
    }

    Account reload(Account account) {
        return accounts.find(account.id()).orElseThrow();
    }

    /** Runs the façade calls that follow as this person. */
    static void actAs(Account account) {
        SignedInAdministrator principal = account.principal();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(principal.role().authority()))));
    }

    static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }
}
