package org.mspportal.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session's JDBC repository, with fewer statements per page view. As it comes, every
 * request with a session commits an {@code UPDATE spring_session} for the new last access time (a
 * WAL flush per page view), and reads the session a second time after saving it when the response
 * was sent before the request ended (Spring Session clears its cache on the first save). Here:
 * <ul>
 * <li>the last access time is written only once it has moved by {@link #ACCESS_TIME_STEP}, so a
 * session's idle timeout runs from at most that long before its last request (30 minutes become
 * 29 to 30); attributes, id changes, timeouts and new sessions are written at once as before;
 * <li>a session read during a request ({@link #readOncePerRequest()}) is read from the database
 * once; a session deleted (sign-out) is forgotten at once.
 * </ul>
 */
final class SessionStore implements FindByIndexNameSessionRepository<Session>, DisposableBean {

    /** How far behind a session's stored last access time may lag. */
    static final Duration ACCESS_TIME_STEP = Duration.ofMinutes(1);

    /** The session read in the request this thread is serving, if the request is inside the filter. */
    private static final ThreadLocal<ReadInRequest> REQUEST = new ThreadLocal<>();

    private static final class ReadInRequest {
        private AccessedSession session;
    }

    private final FindByIndexNameSessionRepository<Session> stored;
    private final DisposableBean storage;

    /** Wraps Spring Session's repository, whose session type is private to it. */
    @SuppressWarnings("unchecked")
    <R extends FindByIndexNameSessionRepository<? extends Session> & DisposableBean> SessionStore(R repository) {
        this.stored = (FindByIndexNameSessionRepository<Session>) repository;
        this.storage = repository;
    }

    /** The filter, placed around Spring Session's, within which each session is read once. */
    static OncePerRequestFilter readOncePerRequest() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                REQUEST.set(new ReadInRequest());
                try {
                    chain.doFilter(request, response);
                } finally {
                    REQUEST.remove();
                }
            }
        };
    }

    @Override
    public Session createSession() {
        return new AccessedSession(stored.createSession());
    }

    @Override
    public void save(Session session) {
        stored.save(session instanceof AccessedSession accessed ? accessed.stored : session);
    }

    @Override
    public Session findById(String id) {
        ReadInRequest request = REQUEST.get();
        if (request != null && request.session != null && request.session.getId().equals(id)) {
            return request.session;
        }
        Session found = stored.findById(id);
        AccessedSession session = found == null ? null : new AccessedSession(found);
        if (request != null && session != null) {
            request.session = session;
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        ReadInRequest request = REQUEST.get();
        if (request != null && request.session != null && request.session.getId().equals(id)) {
            request.session = null;
        }
        stored.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return stored.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    @Override
    public void destroy() throws Exception {
        storage.destroy();
    }

    /** A stored session whose last access time moves only in steps of {@link #ACCESS_TIME_STEP}. */
    private static final class AccessedSession implements Session {

        private final Session stored;

        AccessedSession(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // Setting it at all marks the session changed, which costs an UPDATE when it is saved.
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(ACCESS_TIME_STEP))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
