package org.mspportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL cluster of a test's own, in a temporary directory on a free port, that the test may
 * stop and start: the machine's shared server must never be restarted. Made with the server's own
 * {@code initdb} and {@code pg_ctl} (from {@code /usr/lib/postgresql/<version>/bin}), run as the
 * {@code postgres} user when the tests run as root, since PostgreSQL refuses to run as root.
 *
 * <p>A test using it extends with {@link Available}.
 */
public final class PrivatePostgresql {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path directory;
    private final int port;

    private PrivatePostgresql(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** Initialises and starts a new cluster; it is stopped and deleted when the JVM exits at the latest. */
    public static PrivatePostgresql start() {
        try {
            Path directory = Files.createTempDirectory("portal-postgresql-");
            if (runningAsRoot()) {
                UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(directory, postgres);
            }
            PrivatePostgresql cluster = new PrivatePostgresql(binaries().orElseThrow(), directory, SmtpDelivery.freePort());
            cluster.run("initdb", "-D", cluster.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::delete));
            cluster.startAgain();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the stopped cluster and waits until it accepts connections. */
    public void startAgain() {
        // fsync off: the test kills the server, never the machine, so the OS keeps every write.
        run("pg_ctl", "-D", data(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Kills the server as a crash would: connections dropped, no checkpoint, recovery at the next start. */
    public void stopImmediately() {
        run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    private void delete() {
        if (Files.exists(directory.resolve("data/postmaster.pid"))) {
            stopImmediately();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up eventually
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed version's programs. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs a test in Maven's {@code postgresql} run only (where the server is installed, and once,
     * not again on H2), and fails it under {@code CI=true} when the programs are missing.
     */
    public static final class Available implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!TestDatabase.postgresqlRun()) {
                return ConditionEvaluationResult.disabled("runs in the postgresql run only");
            }
            if (binaries().isPresent()) {
                return ConditionEvaluationResult.enabled("PostgreSQL programs found under " + INSTALLATIONS);
            }
            if (CiEnvironment.isCi()) {
                throw new ExtensionConfigurationException("CI=true but no PostgreSQL server programs (initdb, "
                        + "pg_ctl) under " + INSTALLATIONS + ": the database outage tests must run in CI");
            }
            return CiEnvironment.skipped("Database outage tests skipped: no initdb/pg_ctl under " + INSTALLATIONS);
        }
    }
}
