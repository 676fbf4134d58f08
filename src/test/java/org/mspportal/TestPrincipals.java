package org.mspportal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.PortalPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Signed-in people for MockMvc requests, until tests can sign in through the real flow. */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    public record Admin(UUID accountId, String email, Optional<UUID> providerId) implements PortalPrincipal {
    }

    public static Admin adminOf(UUID providerId) {
        UUID id = UUID.randomUUID();
        return new Admin(id, "admin-" + id + "@msp.example", Optional.of(providerId));
    }

    public static RequestPostProcessor signedInAs(PortalPrincipal principal) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_MSP_ADMIN"))));
    }
}
