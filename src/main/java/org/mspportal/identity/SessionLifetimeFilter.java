package org.mspportal.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session signed in longer than {@code portal.sign-in.session-lifetime} ago, however active
 * it was: Spring Session only knows the idle timeout. Runs before the security context is read
 * from the session, so the request continues as a signed-out one.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private static final String SIGNED_IN_AT = SessionLifetimeFilter.class.getName() + ".signedInAt";

    /** Starts the clock of a session that has just been signed in. */
    static void signedIn(HttpSession session, Instant now) {
        session.setAttribute(SIGNED_IN_AT, now);
    }

    private final SignInSettings settings;
    private final Clock clock;

    SessionLifetimeFilter(SignInSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && tooOld(session)) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    private boolean tooOld(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && !clock.instant().isBefore(signedInAt.plus(settings.sessionLifetime()));
    }
}
