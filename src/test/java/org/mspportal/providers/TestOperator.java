package org.mspportal.providers;

import java.util.List;
import java.util.UUID;

import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signed-in people for the MSP tests: a platform operator, and an MSP administrator to be refused.
 * They are principals only; the bootstrapped operator account is left alone for the browser journey.
 */
final class TestOperator {

    static final SignedInAdministrator OPERATOR = new SignedInAdministrator(UUID.randomUUID(),
            "test-operator@localhost", "Test operator", null, Role.OPERATOR);

    private TestOperator() {
    }

    static SignedInAdministrator mspAdministratorOf(UUID providerId) {
        UUID id = UUID.randomUUID();
        return new SignedInAdministrator(id, "admin-" + id + "@msp.example", "MSP administrator", providerId,
                Role.MSP_ADMINISTRATOR);
    }

    static Authentication authenticationOf(SignedInAdministrator principal) {
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(principal.role().authority())));
    }

    /** For MockMvc requests. */
    static RequestPostProcessor signedInAs(SignedInAdministrator principal) {
        return authentication(authenticationOf(principal));
    }

    /** Runs the façade calls that follow on this thread as the principal. */
    static void actAs(SignedInAdministrator principal) {
        SecurityContextHolder.getContext().setAuthentication(authenticationOf(principal));
    }

    static void actAsOperator() {
        actAs(OPERATOR);
    }

    static void actAsNobody() {
        SecurityContextHolder.clearContext();
    }
}
