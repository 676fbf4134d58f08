package org.mspportal.customers;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** MSPs made directly in the database, and administrators of them to act as, for customer tests. */
final class TestMsps {

    private final JdbcClient jdbc;
    private final Clock clock;

    TestMsps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID provider() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO provider (id, name, name_key, status, require_authenticator, created_at)
                VALUES (:id, :name, :name, 'ACTIVE', FALSE, :now)""")
                .param("id", id)
                .param("name", "msp-" + id)
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return id;
    }

    /** Runs the façade calls that follow as an administrator of the MSP with this role. */
    static void actAs(UUID provider, Role role) {
        UUID account = UUID.randomUUID();
        SignedInAdministrator principal = new SignedInAdministrator(account, "admin-" + account + "@msp.example",
                "Test administrator", provider, role);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }
}
