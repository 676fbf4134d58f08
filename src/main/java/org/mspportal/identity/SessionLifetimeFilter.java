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
 * Ends a session that has lived longer than {@code portal.sign-in.session-lifetime}, however active
 * it was: Spring Session only knows the idle timeout. Runs before the security context is read
 * from the session, so the request continues as a signed-out one.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

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
        Instant created = Instant.ofEpochMilli(session.getCreationTime());
        return !clock.instant().isBefore(created.plus(settings.sessionLifetime()));
    }
}
