package org.mspportal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: real HTTP to the running portal, cookies kept, redirects not
 * followed (tests look at them), and the CSRF token read from the last page like a form would.
 */
public final class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Optional<String> clientAddress;
    private String csrfToken = "";

    public PortalClient(int port) {
        this(port, Optional.empty());
    }

    /**
     * A browser at another address, as a reverse proxy in front of the portal reports it
     * ({@code X-Forwarded-For}); the portal honours that only with {@code server.forward-headers-strategy}
     * set. For tests of per-address limits, which would otherwise share 127.0.0.1.
     */
    public PortalClient(int port, String clientAddress) {
        this(port, Optional.of(clientAddress));
    }

    private PortalClient(int port, Optional<String> clientAddress) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.clientAddress = clientAddress;
    }

    public record Page(int status, String body, Optional<String> location) {

        public boolean redirectsTo(String path) {
            return location.map(target -> target.equals(path) || target.endsWith(path)).orElse(false);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public Page post(String path, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        form.putIfAbsent("_csrf", csrfToken);
        return postForm(path, form);
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    public Page postWithoutCsrf(String path, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return postForm(path, form);
    }

    /** Follows a redirect, as a browser would. */
    public Page follow(Page page) {
        return get(URI.create(baseUrl).resolve(page.location().orElseThrow()).getPath()
                + Optional.ofNullable(URI.create(baseUrl).resolve(page.location().orElseThrow()).getRawQuery())
                        .map(query -> "?" + query).orElse(""));
    }

    public Optional<String> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private Page postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        clientAddress.ifPresent(address -> request.header("X-Forwarded-For", address));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrfToken = token.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
