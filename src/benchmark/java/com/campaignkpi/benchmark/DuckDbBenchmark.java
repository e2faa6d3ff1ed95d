package com.campaignkpi.benchmark;

import com.campaignkpi.benchmark.KpiFigures.Figure;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time DuckDB takes to compute the KPIs of {@link SnapshotBenchmark}'s day with SQL, the events loaded once before
 * the measurement. Before measuring, the setup checks that DuckDB's KPIs equal this project's and fails the run when
 * they do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// An iteration of the 1,000,000-event case runs one or two operations. On a 2-core machine DuckDB's first 2 or 3
// iterations took up to 1.4 times as long as the later ones.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// During the setup, the generated events and this project's sessions of them are in memory next to DuckDB's copy.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DuckDbBenchmark {

    /** Events of the day. */
    @Param({"10000", "100000", "1000000"})
    public int events;

    /** DuckDB worker threads ({@code SET threads}). This project's computation runs on one thread. */
    @Param({"1", "2"})
    public int threads;

    private DuckDbKpis duckDb;

    @Setup
    public void load() throws SQLException {
        SyntheticDay day = SyntheticDay.generate(events);
        duckDb = DuckDbKpis.load(day, threads);
        Map<String, Figure> ours = KpiFigures.of(OurKpis.compute(day));
        Map<String, Figure> theirs = duckDb.compute();
        List<String> differences = KpiFigures.differences(ours, theirs);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("DuckDB's KPIs differ from this project's for " + events
                    + " events:\n" + String.join("\n", differences) + "\n" + KpiFigures.table(ours, theirs));
        }
    }

    @Benchmark
    public Map<String, Figure> computeKpisWithSql() throws SQLException {
        return duckDb.compute();
    }

    @TearDown
    public void close() throws SQLException {
        duckDb.close();
    }
}
