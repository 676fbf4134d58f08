package org.mspportal.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application answers, read from Spring MVC's handler methods (patterns × HTTP
 * methods), split into the ones public on purpose and the ones the security probe calls. A route
 * added later lands in the probe by itself; to make one public, add it to {@link #PUBLIC} with
 * the reason.
 */
record ProbedRoutes(List<Route> probed, List<Route> publicOnPurpose) {

    /** A handler's pattern and method, e.g. {@code POST /customers/{id}/suspend}. */
    record Route(HttpMethod method, String pattern) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean changesSomething() {
            return !method.equals(HttpMethod.GET);
        }

        List<String> variables() {
            return VARIABLE.matcher(pattern).results().map(result -> result.group(1)).toList();
        }

        /** The pattern with each variable replaced by what {@code values} gives for it. */
        String path(Function<String, String> values) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(path, Matcher.quoteReplacement(values.apply(matcher.group(1))));
            }
            return matcher.appendTail(path).toString();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /**
     * Routes public on purpose, by pattern (any method), with why. Everything not listed here is
     * called anonymously and as another MSP's administrator by {@code RouteProbeTests}.
     */
    static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("/sign-in", "the first sign-in step"),
            Map.entry("/sign-in/password", "the password step of signing in"),
            Map.entry("/sign-in/code", "the authenticator/email code step of signing in"),
            Map.entry("/sign-in/code/resend", "resending the sign-in code, before anyone is signed in"),
            Map.entry("/sign-in/restart", "starting the sign-in over"),
            Map.entry("/forgot-password", "asking for a password link"),
            Map.entry("/reset-password/{token}", "a password reset link: the token is the credential"),
            Map.entry("/activate/{token}", "an invitation link: the token is the credential"),
            Map.entry("/activate/{token}/resend", "asking for a new invitation link from an expired one"),
            Map.entry("/migration-approval/{token}", "the cloud administrator's approval link: the token is the credential"),
            Map.entry("/migration-approval/{token}/approve", "approving through the link's token"),
            Map.entry("/migration-approval/{token}/decline", "declining through the link's token"),
            Map.entry("/dev/mailbox", "development mailbox, answered from loopback only (DevMailboxPagesTests)"),
            Map.entry("/dev/mailbox/{id}", "development mailbox, answered from loopback only"),
            Map.entry("/dev/mailbox/{id}/html", "development mailbox, answered from loopback only"),
            Map.entry("/dev/tenant-console", "the stand-in tenant console, reached by a signed hand-over link"),
            Map.entry("/error", "Spring Boot's error page"),
            Map.entry("/api/**", "the catch-all that turns an unknown API path into a problem document"),
            Map.entry("/v3/api-docs", "the OpenAPI description, published on purpose"),
            Map.entry("/v3/api-docs.yaml", "the OpenAPI description, published on purpose"),
            Map.entry("/v3/api-docs/swagger-config", "Swagger UI's configuration"),
            Map.entry("/swagger-ui.html", "the API documentation page"));

    List<Route> all() {
        return Stream.concat(probed.stream(), publicOnPurpose.stream()).toList();
    }

    static ProbedRoutes of(RequestMappingHandlerMapping mapping) {
        List<Route> all = mapping.getHandlerMethods().keySet().stream()
                .flatMap(ProbedRoutes::routes)
                .distinct()
                .sorted(Comparator.comparing(Route::pattern).thenComparing(route -> route.method().name()))
                .toList();
        return new ProbedRoutes(all.stream().filter(route -> !PUBLIC.containsKey(route.pattern())).toList(),
                all.stream().filter(route -> PUBLIC.containsKey(route.pattern())).toList());
    }

    private static Stream<Route> routes(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        // A mapping without methods answers every one; GET and POST stand for the rest.
        List<HttpMethod> probed = methods.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                : methods.stream().map(RequestMethod::asHttpMethod).toList();
        return info.getPatternValues().stream()
                .flatMap(pattern -> probed.stream().map(method -> new Route(method, pattern)));
    }
}
