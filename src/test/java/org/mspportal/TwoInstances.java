package org.mspportal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/two-instances.sh} run as a person would run it: two portal processes on one fresh
 * PostgreSQL database behind nginx, instance 1 in demo mode (so there is an MSP, customers and an
 * API key), mail through the SMTP server the test runs. {@link #close()} stops the script, which
 * stops everything it started.
 */
final class TwoInstances implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    final int proxyPort = SmtpDelivery.freePort();
    final int port1 = SmtpDelivery.freePort();
    final int port2 = SmtpDelivery.freePort();
    final String databaseUrl;
    private final Path runDir = Path.of("target", "two-instances-test").toAbsolutePath();
    private final Process script;

    private TwoInstances(String databaseUrl, int smtpPort) throws IOException {
        this.databaseUrl = databaseUrl;
        Files.createDirectories(runDir);
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/two-instances.sh", "--demo")
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("script.log").toFile());
        builder.environment().putAll(Map.of(
                "PORTAL_DATABASE_URL", databaseUrl,
                "PROXY_PORT", Integer.toString(proxyPort),
                "INSTANCE_PORTS", port1 + " " + port2,
                "RUN_DIR", runDir.toString(),
                "STARTUP_TIMEOUT", Long.toString(STARTUP.toSeconds()),
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(smtpPort),
                // Quick turns, so the surviving instance's sender is seen within the test's minutes.
                "PORTAL_MAIL_POLL_INTERVAL", "PT1S",
                "PORTAL_MAIL_CLAIM_LEASE", "PT20S"));
        builder.environment().put("PORTAL_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
        this.script = builder.start();
    }

    /** Starts both instances on a new database beside the one {@code serverUrl} names, and waits for them. */
    static TwoInstances start(String serverUrl, int smtpPort) throws Exception {
        TwoInstances instances = new TwoInstances(freshDatabase(serverUrl), smtpPort);
        try {
            instances.awaitLine(instances.runDir.resolve("script.log"), Pattern.compile("\\[two-instances\\] ready:"));
            return instances;
        } catch (Exception | AssertionError failure) {
            instances.close();
            throw failure;
        }
    }

    /** The demo administrator's password and API key, printed once by instance 1. */
    record DemoSignIn(String email, String password, String apiKey) {
    }

    DemoSignIn demoSignIn() throws Exception {
        Path log = runDir.resolve("instance-1.log");
        String banner = awaitLine(log, Pattern.compile("msp_[A-Za-z0-9_-]{20,}"));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return new DemoSignIn(find(text, "Sign in as\\s+(\\S+)"), find(text, "Password\\s+(\\S+)"),
                find(banner, "(msp_[A-Za-z0-9_-]+)"));
    }

    long pidOfInstance(int number) throws IOException {
        return Long.parseLong(Files.readString(runDir.resolve("instance-" + number + ".pid")).trim());
    }

    /** Requests nginx passed to a second server after the first failed (its log lists both). */
    long retriedRequests() throws IOException {
        try (var lines = Files.lines(runDir.resolve("nginx-access.log"))) {
            return lines.filter(line -> line.matches(".*upstream=\\S+, .*")).count();
        }
    }

    <T> T withDatabase(SqlWork<T> work) throws SQLException {
        try (var connection = DriverManager.getConnection(databaseUrl)) {
            return work.run(connection);
        }
    }

    interface SqlWork<T> {
        T run(java.sql.Connection connection) throws SQLException;
    }

    @Override
    public void close() throws Exception {
        if (script.isAlive()) {
            script.destroy();   // TERM: the script stops nginx and the instances before it exits
            if (!script.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        }
    }

    private String awaitLine(Path file, Pattern pattern) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> line = Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> pattern.matcher(l).find()).findFirst()
                    : Optional.empty();
            if (line.isPresent()) {
                return line.get();
            }
            if (!script.isAlive()) {
                throw new AssertionError("scripts/two-instances.sh exited (" + script.exitValue() + "):\n"
                        + Files.readString(runDir.resolve("script.log")));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Nothing like " + pattern + " in " + file + " within " + STARTUP);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("Nothing like " + regex + " in:\n" + text);
        }
        return matcher.group(1);
    }

    /** {@code …/mspportal_test?user=postgres} becomes a new, empty {@code …/mspportal_test_instances?user=postgres}. */
    private static String freshDatabase(String serverUrl) throws SQLException {
        Matcher url = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(.*)$").matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host/database URL: " + serverUrl);
        }
        String name = url.group(2) + "_instances";
        try (var connection = DriverManager.getConnection(serverUrl); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return url.group(1) + name + url.group(3);
    }
}
