package org.mspportal.identity;

import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends an account's sessions wherever they are stored, e.g. on deactivation or "sign out everywhere". */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Ends them all; returns how many there were. */
    int endAllOf(UUID accountId) {
        var sessions = repository.findByPrincipalName(accountId.toString());
        sessions.keySet().forEach(repository::deleteById);
        return sessions.size();
    }
}
