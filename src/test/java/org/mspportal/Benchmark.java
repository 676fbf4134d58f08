package org.mspportal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the benchmarks under {@code bench/} share: timing requests end to end over loopback HTTP and
 * printing their percentiles, an administrator signed in through the real steps, API calls with a
 * key, the machine's load (the figures mean little without it) and the file the script prints.
 */
public final class Benchmark {

    private final int port;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final HttpClient http = HttpClient.newHttpClient();

    public Benchmark(int port, JdbcClient jdbc, Clock clock, PasswordEncoder passwords) {
        this.port = port;
        this.jdbc = jdbc;
        this.clock = clock;
        this.passwords = passwords;
    }

    /**
     * Runs the request {@code warmUp + measured} times, each expected to answer 200, and gives the
     * p50, p95 and p99 of the measured ones as a line of the report.
     */
    public static String measure(String name, int warmUp, int measured, IntFunction<Integer> request) {
        return measure(name, warmUp, measured, i -> { }, request);
    }

    /**
     * As {@link #measure(String, int, int, IntFunction)}, doing {@code before} ahead of each
     * request, untimed: what makes each request a first one, such as a change to the data.
     */
    public static String measure(String name, int warmUp, int measured, IntConsumer before,
            IntFunction<Integer> request) {
        for (int i = 0; i < warmUp; i++) {
            before.accept(i);
            assertThat(request.apply(i)).as(name).isEqualTo(200);
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            before.accept(warmUp + i);
            long start = System.nanoTime();
            int status = request.apply(i);
            nanos[i] = System.nanoTime() - start;
            assertThat(status).as(name).isEqualTo(200);
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%-42s p50 %6.2f  p95 %6.2f  p99 %6.2f ms", name,
                percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99));
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    /** The load average over 1, 5 and 15 minutes: other builds share the machine. */
    public static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + load[0] + ", " + load[1] + ", " + load[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException unknown) {
            return "load average unknown";
        }
    }

    /** Prints the report and keeps it in target/benchmarks/{@code name}, where the script prints it from. */
    public static void write(String name, List<String> report) throws IOException {
        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", name);
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    public static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A page as a signed-in browser gets it; the status. */
    public static int page(PortalClient browser, String path) {
        return browser.get(path).status();
    }

    /** A GET of the API with the key; the status. */
    public int api(String key, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** A new active MSP administrator of the provider, signed in through the real three steps. */
    public PortalClient signedInAdministrator(UUID provider) {
        String email = new BrowserSignIn(jdbc, clock, passwords, port).administratorOf(provider);
        PortalClient browser = new PortalClient(port);
        browser.get("/sign-in");
        browser.post("/sign-in", "email", email);
        browser.get("/sign-in/password");
        browser.post("/sign-in/password", "password", BrowserSignIn.PASSWORD);
        browser.get("/sign-in/code");
        assertThat(browser.post("/sign-in/code", "code", new Mailbox(jdbc).latestCodeTo(email)).status())
                .as("signed in").isEqualTo(302);
        return browser;
    }
}
