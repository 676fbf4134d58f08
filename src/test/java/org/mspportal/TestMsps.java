package org.mspportal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.shared.StoredTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** MSPs made directly in the database, and administrators of them to act as, for any module's tests. */
public final class TestMsps {

    private final JdbcClient jdbc;
    private final Clock clock;

    public TestMsps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID provider() {
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

    /** An administrator with an account row, for what needs one, such as creating an API key. */
    public SignedInAdministrator stored(UUID provider, Role role) {
        UUID id = UUID.randomUUID();
        String email = "admin-" + id + "@msp.example";
        jdbc.sql("""
                INSERT INTO account (id, provider_id, email, display_name, role, status, created_at)
                VALUES (:id, :provider, :email, 'Test administrator', :role, 'INVITED', :now)""")
                .param("id", id)
                .param("provider", provider)
                .param("email", email)
                .param("role", role.name())
                .param("now", StoredTime.of(clock.instant()))
                .update();
        return new SignedInAdministrator(id, email, "Test administrator", provider, role);
    }

    public static void actAs(SignedInAdministrator administrator) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                administrator, null, List.of(new SimpleGrantedAuthority(administrator.role().authority()))));
    }

    public static Authentication of(UUID provider, Role role) {
        UUID account = UUID.randomUUID();
        SignedInAdministrator principal = new SignedInAdministrator(account, "admin-" + account + "@msp.example",
                "Test administrator", provider, role);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }

    /** Runs the façade calls that follow as an administrator of the MSP with this role. */
    public static void actAs(UUID provider, Role role) {
        SecurityContextHolder.getContext().setAuthentication(of(provider, role));
    }

    public static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }
}
