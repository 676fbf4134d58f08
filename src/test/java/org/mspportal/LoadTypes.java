package org.mspportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request types of {@code bench/load.sh} as wrk and pgbench run them: one wrk process per type
 * (its own connections, {@code bench/load.lua} and a file of requests), and one pgbench process per
 * type running the SQL the portal runs for such a request ({@code bench/load/<type>.sql}), so each
 * type has its own throughput and percentiles in both.
 */
final class LoadTypes {

    /**
     * A request type: its name in the report, the file name of its pgbench script, how many
     * connections wrk and pgbench give it, and the pause before each request (0: as fast as
     * answers come back).
     */
    record Type(String name, String script, int connections, int pauseMillis) {
    }

    /** What one process measured: requests, seconds, percentiles in ms, failures. */
    record Measured(long requests, double seconds, double p50, double p95, double p99, long failures,
            String firstFailure) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private static final Pattern WRK = Pattern.compile("LOAD requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+)"
            + " p95_us=(\\d+) p99_us=(\\d+) max_us=\\d+ not_ok=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+)"
            + " timeout=(\\d+) refusal=(.*)");

    private LoadTypes() {
    }

    /** Starts wrk for the type against the portal, for {@code seconds}, with requests from {@code requests}. */
    static Process wrk(Type type, int port, Path requests, int seconds, String run) throws IOException {
        ProcessBuilder wrk = new ProcessBuilder("wrk", "-t1", "-c" + type.connections(), "-d" + seconds + "s",
                "--timeout", "10s", "-s", "bench/load.lua", "http://127.0.0.1:" + port, "--",
                requests.toString(), run).redirectErrorStream(true);
        wrk.environment().put("LOAD_DELAY_MS", Integer.toString(type.pauseMillis()));
        return wrk.start();
    }

    static Measured wrkResult(Type type, Process wrk) throws IOException, InterruptedException {
        String output = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor(1, TimeUnit.MINUTES);
        Matcher line = WRK.matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("wrk for " + type.name() + " printed no figures:\n" + output);
        }
        long failures = 0;
        for (int group = 6; group <= 10; group++) {
            failures += Long.parseLong(line.group(group));
        }
        return new Measured(Long.parseLong(line.group(1)), Long.parseLong(line.group(2)) / 1e6,
                micros(line.group(3)), micros(line.group(4)), micros(line.group(5)), failures, line.group(11).strip());
    }

    /**
     * Starts pgbench running the type's script with as many clients as wrk has connections, the
     * same pause, prepared statements (as the JDBC driver ends up using), logging each transaction
     * so percentiles can be read.
     */
    static Process pgbench(Type type, String database, int seconds, Path logs, int rows) throws IOException {
        Files.createDirectories(logs);
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n",
                "-M", "prepared", "-c", Integer.toString(type.connections()), "-j", "1", "-T",
                Integer.toString(seconds), "-D", "pause=" + type.pauseMillis(), "-D", "rows=" + rows, "-l", "--log-prefix",
                logs.resolve(type.script()).toString(), "-f", "bench/load/" + type.script() + ".sql", database)
                .redirectErrorStream(true);
        return pgbench.start();
    }

    static Measured pgbenchResult(Type type, Process pgbench, Path logs) throws IOException, InterruptedException {
        String output = new String(pgbench.getInputStream().readAllBytes());
        if (!pgbench.waitFor(1, TimeUnit.MINUTES) || pgbench.exitValue() != 0) {
            throw new IllegalStateException("pgbench for " + type.name() + " failed:\n" + output);
        }
        List<Long> micros = new ArrayList<>();
        long failed = 0;
        double first = Double.MAX_VALUE;
        double last = 0;
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith(type.script() + ".")).toList()) {
                for (String entry : Files.readAllLines(log)) {
                    // client_id transaction_no time script_no time_epoch time_us [schedule_lag]
                    String[] fields = entry.split(" ");
                    if (fields[2].equals("failed") || fields[2].equals("skipped")) {
                        failed++;
                        continue;
                    }
                    // the pause (\sleep) is inside pgbench's transaction, but before wrk's request
                    micros.add(Long.parseLong(fields[2]) - type.pauseMillis() * 1000L);
                    double end = Long.parseLong(fields[4]) + Long.parseLong(fields[5]) / 1e6;
                    first = Math.min(first, end);
                    last = Math.max(last, end);
                }
            }
        }
        Matcher tps = Pattern.compile("duration: (\\d+) s").matcher(output);
        double seconds = tps.find() ? Double.parseDouble(tps.group(1)) : last - first;
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Measured(sorted.length, seconds, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), failed, "");
    }

    /** The percentile of sorted microseconds, in ms. */
    static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static double micros(String text) {
        return Long.parseLong(text) / 1000.0;
    }

    /** A line of the report: a type's figures, with the baseline's and the ratio when there is one. */
    /** A type measured alone: its rate, p50, and the JVM's CPU per request (the sign-in client's included). */
    static String aloneLine(String name, Measured alone, long cpuNanos) {
        return String.format(Locale.ROOT, "%-38s %8.1f/s  p50 %7.2f ms  errors %d  CPU %6.2f ms each", name,
                alone.perSecond(), alone.p50(), alone.failures(), cpuNanos / 1e6 / Math.max(1, alone.requests()));
    }

    static String line(String name, Measured portal, Measured baseline) {
        String figures = String.format(Locale.ROOT, "%-38s %8.1f/s  p50 %7.2f  p95 %7.2f  p99 %7.2f ms  errors %d",
                name, portal.perSecond(), portal.p50(), portal.p95(), portal.p99(), portal.failures());
        if (baseline == null) {
            return figures;
        }
        return figures + String.format(Locale.ROOT, "  | SQL alone %8.1f/s  p50 %6.2f  p99 %6.2f ms"
                + " | portal ÷ SQL: rate %.2f, p50 %.1f×", baseline.perSecond(), baseline.p50(), baseline.p99(),
                portal.perSecond() / baseline.perSecond(), portal.p50() / baseline.p50());
    }
}
