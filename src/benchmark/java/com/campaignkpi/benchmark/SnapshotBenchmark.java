package com.campaignkpi.benchmark;

import com.campaignkpi.kpi.KpiValue;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to sessionize one day of events and compute every KPI of a snapshot from them, with the events already in
 * memory. That is the part of a snapshot request after the store has returned the events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// An iteration of the 1,000,000-event case runs one or two operations. On a 2-core machine the first 2 or 3
// iterations of this project's code took 2 to 4 times as long as the later ones.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// A million events take about 260 MB of heap and their sessions 75 MB more, measured after a GC on JDK 17.
// A fixed heap with room to spare keeps GC sizing out of the numbers.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class SnapshotBenchmark {

    /** Events of the day. */
    @Param({"10000", "100000", "1000000"})
    public int events;

    private SyntheticDay day;

    @Setup
    public void generate() {
        day = SyntheticDay.generate(events);
    }

    @Benchmark
    public Map<String, KpiValue> sessionizeAndComputeKpis() {
        return OurKpis.compute(day);
    }
}
