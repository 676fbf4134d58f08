package org.mspportal.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when a request failed because the database is out of reach,
 * wherever it failed: in a controller, or before one, in the session lookup (sessions live in the
 * database) or the API key check. Outermost of all filters for that reason. The API gets
 * problem+json; pages get a plain page that needs neither the database nor the layout (whose
 * navigation reads from it). API controllers' own failures are turned into the same answer by
 * {@link ApiProblems} before they get here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageResponses extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResponses.class);

    private final ProblemResponses problems;
    private final byte[] page = page();

    DatabaseOutageResponses(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseUnavailable.explains(failure) || response.isCommitted()) {
                throw failure;
            }
            // One line, no stack trace: during an outage every request ends here.
            log.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(failure));
            respond(request, response);
        }
    }

    private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // reset() dropped the headers Spring Security had written; these are the ones that matter here.
        response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.unavailable(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(page);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static byte[] page() {
        try (InputStream html = DatabaseOutageResponses.class.getResourceAsStream("database-unavailable.html")) {
            return html.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
