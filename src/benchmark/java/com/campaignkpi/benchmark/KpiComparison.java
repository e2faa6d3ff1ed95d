package com.campaignkpi.benchmark;

import com.campaignkpi.benchmark.KpiFigures.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Compares this project's KPI computation with DuckDB's on the same synthetic day. First it computes both for
 * {@value #CHECKED_EVENTS} events, prints them side by side and exits with status 1 when they differ. Then it runs
 * {@link SnapshotBenchmark} and {@link DuckDbBenchmark} with the JMH options given as arguments (such as
 * {@code -wi 1 -i 1 -p events=10000}) and prints this project's time divided by DuckDB's for each size.
 */
public final class KpiComparison {

    static final int CHECKED_EVENTS = 10_000;

    private KpiComparison() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions jmhOptions;
        try {
            jmhOptions = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Invalid JMH options: " + e.getMessage() + ". Run with -h to list them.");
            System.exit(2);
            return;
        }
        if (jmhOptions.shouldHelp()) {
            jmhOptions.showHelp();
            return;
        }
        if (!jmhOptions.getIncludes().isEmpty()) {
            System.err.println("KpiComparison runs SnapshotBenchmark and DuckDbBenchmark itself: pass JMH options "
                    + "without benchmark names, not " + jmhOptions.getIncludes());
            System.exit(2);
            return;
        }

        if (!checkEquality()) {
            System.exit(1);
            return;
        }

        Options options = new OptionsBuilder()
                .parent(jmhOptions)
                .include(Pattern.quote(SnapshotBenchmark.class.getName()) + "\\.")
                .include(Pattern.quote(DuckDbBenchmark.class.getName()) + "\\.")
                .build();
        printLoad("before the benchmarks");
        Collection<RunResult> results = new Runner(options).run();
        printLoad("after the benchmarks");
        printRatios(results);
    }

    /** Prints both computations of {@value #CHECKED_EVENTS} events and returns whether they agree. */
    private static boolean checkEquality() throws Exception {
        SyntheticDay day = SyntheticDay.generate(CHECKED_EVENTS);
        Map<String, Figure> ours = KpiFigures.of(OurKpis.compute(day));
        Map<String, Figure> duckDb;
        try (DuckDbKpis database = DuckDbKpis.load(day, 1)) {
            duckDb = database.compute();
        }
        System.out.println("KPIs of " + CHECKED_EVENTS + " synthetic events on " + SyntheticDay.DAY + " (UTC):");
        System.out.print(KpiFigures.table(ours, duckDb));
        List<String> differences = KpiFigures.differences(ours, duckDb);
        if (differences.isEmpty()) {
            System.out.println("Equal: DuckDB's KPIs match this project's ("
                    + "ratios and averages within half a unit of their last decimal).");
            return true;
        }
        System.err.println("DuckDB's KPIs differ from this project's:");
        differences.forEach(line -> System.err.println("  " + line));
        System.err.println("The SQL in DuckDbKpis has to follow Sessionizer, SessionBuilder and SessionTotals; "
                + "see its class comment for the definitions it simplifies.");
        return false;
    }

    /** Prints, per number of events, the mean time of both and this project's time divided by DuckDB's. */
    private static void printRatios(Collection<RunResult> results) {
        Map<Integer, Double> oursMillis = new TreeMap<>();
        Map<Integer, Map<Integer, Double>> duckDbMillis = new TreeMap<>();
        for (RunResult result : results) {
            int events = Integer.parseInt(result.getParams().getParam("events"));
            double millis = result.getPrimaryResult().getScore();
            if (result.getParams().getBenchmark().startsWith(SnapshotBenchmark.class.getName() + ".")) {
                oursMillis.put(events, millis);
            } else {
                int threads = Integer.parseInt(result.getParams().getParam("threads"));
                duckDbMillis.computeIfAbsent(events, key -> new TreeMap<>()).put(threads, millis);
            }
        }
        System.out.println();
        System.out.println("This project's time / DuckDB's time (ms per computation, mean of the measured"
                + " iterations):");
        System.out.printf("%10s %12s %16s %12s%n", "events", "ours ms", "DuckDB ms", "ratio");
        oursMillis.forEach((events, ours) -> duckDbMillis.getOrDefault(events, Map.of()).forEach((threads, duckDb) ->
                System.out.printf("%10d %12.2f %16s %12.2f%n", events, ours,
                        String.format("%.2f (%d thr)", duckDb, threads), ours / duckDb)));
    }

    /** Prints the 1, 5 and 15 minute load averages where Linux reports them, because other work skews timings. */
    private static void printLoad(String when) {
        Path loadAverage = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(loadAverage)) {
                String[] fields = Files.readString(loadAverage).trim().split("\\s+");
                System.out.println("Load average " + when + ": " + fields[0] + " " + fields[1] + " " + fields[2]
                        + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
            }
        } catch (IOException e) {
            System.out.println("Load average " + when + ": not readable (" + e.getMessage() + ")");
        }
    }
}
