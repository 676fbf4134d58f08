package org.mspportal.identity;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions in the database: what a request writes and reads (SessionStore around Spring Session JDBC). */
@DatabaseTest
class SessionStoreTests {

    @Autowired JdbcClient jdbc;
    private final SessionStore sessions;

    /** The application's session repository is the store (Spring Session's own, wrapped). */
    SessionStoreTests(@Autowired FindByIndexNameSessionRepository<? extends Session> repository) {
        this.sessions = (SessionStore) repository;
    }

    @Test
    void anAccessWithinAMinuteOfTheStoredOneIsNotWritten() {
        Session session = storedSession();
        Instant stored = storedLastAccess(session);

        accessAt(session.getId(), stored.plusSeconds(59));

        assertThat(storedLastAccess(session)).isEqualTo(stored);
    }

    @Test
    void anAccessAMinuteAfterTheStoredOneIsWritten() {
        Session session = storedSession();
        Instant later = storedLastAccess(session).plus(SessionStore.ACCESS_TIME_STEP);

        accessAt(session.getId(), later);

        assertThat(storedLastAccess(session)).isEqualTo(later);
    }

    @Test
    void attributesAreWrittenAtOnce() {
        Session session = storedSession();
        Session read = sessions.findById(session.getId());
        read.setLastAccessedTime(storedLastAccess(session).plusSeconds(1));
        read.setAttribute("step", "code");
        sessions.save(read);

        assertThat((String) sessions.findById(session.getId()).getAttribute("step")).isEqualTo("code");
    }

    @Test
    void withinOneRequestASessionIsReadFromTheDatabaseOnce() throws Exception {
        Session session = storedSession();
        AtomicReference<Session> first = new AtomicReference<>();
        AtomicReference<Session> second = new AtomicReference<>();

        inOneRequest(() -> {
            first.set(sessions.findById(session.getId()));
            sessions.save(first.get());
            second.set(sessions.findById(session.getId()));
        });

        assertThat(second.get()).isSameAs(first.get());
    }

    @Test
    void theNextRequestReadsTheSessionAfresh() throws Exception {
        Session session = storedSession();
        AtomicReference<Session> first = new AtomicReference<>();
        inOneRequest(() -> first.set(sessions.findById(session.getId())));

        assertThat(sessions.findById(session.getId())).isNotSameAs(first.get());
    }

    @Test
    void aSessionEndedDuringTheRequestIsNotFoundAgain() throws Exception {
        Session session = storedSession();
        AtomicReference<Session> afterSignOut = new AtomicReference<>();

        inOneRequest(() -> {
            sessions.findById(session.getId());
            sessions.deleteById(session.getId());
            afterSignOut.set(sessions.findById(session.getId()));
        });

        assertThat(afterSignOut.get()).isNull();
    }

    private Session storedSession() {
        Session session = sessions.createSession();
        sessions.save(session);
        return session;
    }

    /** What Spring Session's filter does with a session on each request: read, touch, save. */
    private void accessAt(String id, Instant time) {
        Session read = sessions.findById(id);
        read.setLastAccessedTime(time);
        sessions.save(read);
    }

    private Instant storedLastAccess(Session session) {
        long millis = jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", session.getId()).query(Long.class).single();
        return Instant.ofEpochMilli(millis);
    }

    private static void inOneRequest(Runnable work) throws ServletException, IOException {
        SessionStore.readOncePerRequest().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (request, response) -> work.run());
    }
}
