package org.mspportal.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

/**
 * How far this browser session has come in signing in. The email is remembered between the first
 * two steps; the attempt id binds the second factor to the session that passed the password, so a
 * code only ever completes the attempt it was sent for.
 */
record PendingSignIn(String email, UUID attempt, SecondFactor factor) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String ATTRIBUTE = PendingSignIn.class.getName();

    static Optional<PendingSignIn> in(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((PendingSignIn) session.getAttribute(ATTRIBUTE));
    }

    static void forEmail(HttpSession session, String email) {
        session.setAttribute(ATTRIBUTE, new PendingSignIn(email, null, null));
    }

    static void clear(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    void awaitSecondFactor(HttpSession session, UUID attemptId, SecondFactor secondFactor) {
        session.setAttribute(ATTRIBUTE, new PendingSignIn(email, attemptId, secondFactor));
    }

    Optional<UUID> attemptId() {
        return Optional.ofNullable(attempt);
    }
}
