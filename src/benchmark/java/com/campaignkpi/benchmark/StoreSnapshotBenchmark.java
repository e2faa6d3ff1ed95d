package com.campaignkpi.benchmark;

import static com.campaignkpi.benchmark.LocalProcesses.HOST;
import static com.campaignkpi.benchmark.LocalProcesses.awaitResponse;
import static com.campaignkpi.benchmark.LocalProcesses.cpuTicks;
import static com.campaignkpi.benchmark.LocalProcesses.freePort;
import static com.campaignkpi.benchmark.LocalProcesses.randomHex;
import static com.campaignkpi.benchmark.LocalProcesses.resetPeakResidentSet;
import static com.campaignkpi.benchmark.LocalProcesses.startDynalite;
import static com.campaignkpi.benchmark.LocalProcesses.startServer;
import static com.campaignkpi.benchmark.LocalProcesses.statusKib;
import static com.campaignkpi.benchmark.LocalProcesses.stop;
import static com.campaignkpi.benchmark.LocalProcesses.ticksPerSecond;

import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.StoredEventItems;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.storage.TableTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Times a one-day snapshot with {@code refresh: true} of a large stored day, once per event shard count.
 *
 * <p>For each shard count it starts a fresh dynalite 4.0.0, {@link CapacityMeter} in front of it and the packaged
 * server ({@code target/quarkus-app/quarkus-run.jar}, built by {@code ./mvnw -o -B package -DskipTests}) with
 * {@value #SERVER_HEAP}. It registers a property in UTC with that {@code ingest.eventShards}, and writes the events of
 * one {@link SyntheticDay} straight into dynalite's events table with BatchWriteItem, as the webhook's items
 * ({@link StoredEventItems}). Then it requests {@code POST /snapshot} of that day {@value #SNAPSHOT_RUNS} times and
 * prints, for each request, its time, HTTP status, {@code eventsRead}, sessions, the capacity units by operation and
 * table, and the server's CPU time and peak resident set. It also prints each response's top-level fields other than
 * {@code kpis} and {@code groups}, which show how the server computed the snapshot.
 *
 * <p>Arguments: {@code [--on-disk] [EVENTS [SHARDS...]]}, by default 1,000,000 events and the shard counts 1 and
 * 4. {@code --on-disk} keeps dynalite's data in LevelDB under {@code target/benchmark/store-snapshot} instead of in
 * memory. Exits with status 1 when a snapshot request fails. Run from the project directory.
 *
 * <p>NOTE: only the events table is loaded, not the visitors table that the webhook also fills. The snapshot still
 * requests the first-seen time of every client without a session number (BatchGetItem, 0.5 read units per key), but
 * finds none, so KPIs that depend on returning visitors differ from those of a day stored through the webhook.
 */
public final class StoreSnapshotBenchmark {

    private static final int DEFAULT_EVENTS = 1_000_000;
    private static final List<Integer> DEFAULT_SHARD_COUNTS = List.of(1, 4);
    private static final int SNAPSHOT_RUNS = 3;
    /** BatchWriteItem's maximum. */
    private static final int BATCH_SIZE = 25;
    /** Concurrent BatchWriteItem calls. dynalite is one Node.js process, so more than a few only queue. */
    private static final int WRITERS = 4;
    private static final int MAX_BATCH_TRIES = 10;
    private static final String SERVER_HEAP = "-Xmx4g";
    /**
     * dynalite keeps an in-memory store in the Node.js heap, whose default limit V8 sizes from the machine's memory
     * (4,345 MB on a 24 GiB machine with Node.js 20), so the limit is raised to leave room for a million events.
     */
    private static final String DYNALITE_NODE_OPTIONS = "--max-old-space-size=8192";
    /** {@code campaignkpi.storage.table-prefix}'s default, which the server started here keeps. */
    private static final String TABLE_PREFIX = "campaign-kpi-";
    /** {@code campaignkpi.ingest.retention-days}'s default. dynalite does not expire items, so it only fills items. */
    private static final int RETENTION_DAYS = 425;
    private static final Set<String> WRITE_OPERATIONS = Set.of("BatchWriteItem", "DeleteItem", "PutItem",
            "UpdateItem");
    private static final Pattern COMPUTED_MILLIS = Pattern.compile("Computed snapshot of .* in (\\d+) ms");
    private static final double TARGET_SECONDS = 10;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path project = Path.of("").toAbsolutePath();
    private final Path runRoot = project.resolve("target/benchmark/store-snapshot");
    private final String adminToken = randomHex();
    private final String apiSecret = randomHex();
    private final String eventsTable = new TableNames(TableTemplate.fromClasspath(), TABLE_PREFIX).events();
    private final long ticksPerSecond;

    /** Totals of one snapshot request. */
    private record SnapshotRun(int run, double seconds, int status, long eventsRead, String sessions,
            long serverMillis, Map<String, CapacityMeter.Usage> units, double serverCpuSeconds, long serverPeakKib,
            boolean peakReset, double dynaliteCpuSeconds, double meterCpuSeconds, String otherFields) {

        double units(boolean write) {
            return units.entrySet().stream()
                    .filter(entry -> WRITE_OPERATIONS.contains(entry.getKey().split(" ", 2)[0]) == write)
                    .mapToDouble(entry -> entry.getValue().units())
                    .sum();
        }
    }

    /** The loading and the snapshots of one shard count. */
    private record ShardResult(int shards, int events, double loadSeconds, long retriedItems,
            long dynaliteResidentKib, List<SnapshotRun> runs) {
    }

    private StoreSnapshotBenchmark() throws Exception {
        ticksPerSecond = ticksPerSecond();
    }

    public static void main(String[] args) throws Exception {
        boolean onDisk = false;
        List<String> positional = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--on-disk")) {
                onDisk = true;
            } else {
                positional.add(arg);
            }
        }
        int events = positional.isEmpty() ? DEFAULT_EVENTS : Integer.parseInt(positional.get(0));
        List<Integer> shardCounts = positional.size() > 1
                ? positional.subList(1, positional.size()).stream().map(Integer::valueOf).toList()
                : DEFAULT_SHARD_COUNTS;
        boolean allSucceeded = new StoreSnapshotBenchmark().run(events, shardCounts, onDisk);
        System.exit(allSucceeded ? 0 : 1);
    }

    private boolean run(int events, List<Integer> shardCounts, boolean onDisk) throws Exception {
        Path jar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -o -B package -DskipTests first");
        }
        Files.createDirectories(runRoot);
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(Locale.US, "%d processors; server JVM option %s; dynalite %s with NODE_OPTIONS=%s; "
                + "%d writers of %d items per BatchWriteItem; events table %s%n",
                Runtime.getRuntime().availableProcessors(), SERVER_HEAP,
                onDisk ? "on disk (LevelDB)" : "in memory", DYNALITE_NODE_OPTIONS, WRITERS, BATCH_SIZE, eventsTable);

        long started = System.nanoTime();
        SyntheticDay day = SyntheticDay.generate(events);
        long inDay = day.events().stream().filter(event -> event.timestampMicros() >= day.startMicros()
                && event.timestampMicros() < day.endMicros()).count();
        System.out.printf(Locale.US, "generated %,d events of %s (%,d of them in that UTC day) in %.1f s%n",
                day.events().size(), SyntheticDay.DAY, inDay, (System.nanoTime() - started) / 1e9);

        List<ShardResult> results = new ArrayList<>();
        for (int shards : shardCounts) {
            results.add(measure(jar, day, shards, onDisk));
        }
        printSummary(results);
        System.out.println("\nload average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
        return results.stream().flatMap(result -> result.runs().stream()).allMatch(run -> run.status() == 200);
    }

    /** Loads the day into a fresh dynalite with {@code shards} partitions per day, and times the snapshots. */
    private ShardResult measure(Path jar, SyntheticDay day, int shards, boolean onDisk) throws Exception {
        System.out.printf(Locale.US, "%n## %d shard%s per day%n%n", shards, shards == 1 ? "" : "s");
        Path runDir = runRoot.resolve("shards-" + shards);
        Files.createDirectories(runDir);
        Path dataDir = onDisk ? runDir.resolve("dynalite-data") : null;
        if (dataDir != null) {
            deleteTree(dataDir);
        }

        int dynalitePort = freePort();
        Process dynalite = startDynalite(project, dynalitePort, dataDir, DYNALITE_NODE_OPTIONS,
                runDir.resolve("dynalite.log"));
        URI dynaliteUri = URI.create("http://" + HOST + ":" + dynalitePort);
        try (CapacityMeter meter = new CapacityMeter(dynaliteUri)) {
            int port = freePort();
            Path serverLog = runDir.resolve("server.log");
            Process server = startServer(jar, meter.uri(), port, adminToken, List.of(SERVER_HEAP), serverLog);
            URI base = URI.create("http://" + HOST + ":" + port);
            try {
                awaitResponse(http, base.resolve("/kpis"), server, runDir);
                String property = "G-STORE" + System.currentTimeMillis() / 1000 + "S" + shards;
                register(base, property, shards);

                EventPartitions partitions = new EventPartitions(property, shards);
                long started = System.nanoTime();
                long retried = load(dynaliteUri, partitions, day.events());
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                long dynaliteKib = statusKib(dynalite.pid(), "VmRSS");
                System.out.printf(Locale.US, "loaded %,d events in %.1f s (%,.0f events/s), %,d items retried; "
                        + "dynalite resident set %,d MiB%n", day.events().size(), loadSeconds,
                        day.events().size() / loadSeconds, retried, dynaliteKib / 1024);

                List<SnapshotRun> runs = new ArrayList<>();
                for (int run = 1; run <= SNAPSHOT_RUNS; run++) {
                    runs.add(snapshot(meter, server, dynalite, base, property, run, runDir, serverLog));
                }
                printRuns(runs, day.events().size());
                return new ShardResult(shards, day.events().size(), loadSeconds, retried, dynaliteKib, runs);
            } finally {
                stop(server);
            }
        } finally {
            stop(dynalite);
            if (dataDir != null) {
                deleteTree(dataDir);
            }
        }
    }

    private void register(URI base, String property, int shards) throws Exception {
        HttpResponse<String> response = post(base.resolve("/property"), """
                {"property":"%s","timeZone":"UTC","apiSecret":"%s","ingest":{"eventShards":%d},"adminToken":"%s"}"""
                .formatted(property, apiSecret, shards, adminToken));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /property failed with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode stored = json.readTree(response.body()).path("ingest").path("eventShards");
        if (stored.asInt(-1) != shards) {
            throw new IllegalStateException("POST /property stored ingest.eventShards " + stored + ", not " + shards
                    + ": " + response.body());
        }
        System.out.printf("registered property %s in UTC with ingest.eventShards %d%n", property, shards);
    }

    /**
     * Writes the events with parallel BatchWriteItem calls straight to dynalite, retrying unprocessed items, and
     * prints the progress every 10 %. Returns how many items were retried.
     */
    private long load(URI dynalite, EventPartitions partitions, List<TrackedEvent> events) throws Exception {
        long expiresAt = SyntheticDay.DAY.plusDays(RETENTION_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int batches = (events.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicLong written = new AtomicLong();
        AtomicLong retried = new AtomicLong();
        AtomicInteger reportedTenths = new AtomicInteger();
        long started = System.nanoTime();

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (DynamoDbClient dynamo = storeClient(dynalite)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                futures.add(writers.submit(() -> {
                    for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        List<TrackedEvent> batch = events.subList(b * BATCH_SIZE,
                                Math.min(events.size(), (b + 1) * BATCH_SIZE));
                        List<WriteRequest> writes = new ArrayList<>(batch.size());
                        for (TrackedEvent event : batch) {
                            Map<String, AttributeValue> item = StoredEventItems.toItem(partitions, event, expiresAt);
                            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
                                    .build());
                        }
                        retried.addAndGet(writeBatch(dynamo, writes));
                        reportProgress(written.addAndGet(batch.size()), events.size(), reportedTenths, started);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            writers.shutdownNow();
        }
        return retried.get();
    }

    /** Builds an SDK client of dynalite on loopback, with dummy credentials that dynalite accepts. */
    private static DynamoDbClient storeClient(URI dynalite) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Writes one batch and retries its unprocessed items with a growing pause. Returns the items retried. */
    private long writeBatch(DynamoDbClient dynamo, List<WriteRequest> writes) throws InterruptedException {
        Map<String, List<WriteRequest>> pending = Map.of(eventsTable, writes);
        long retried = 0;
        for (int attempt = 1; attempt <= MAX_BATCH_TRIES; attempt++) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return retried;
            }
            pending = response.unprocessedItems();
            retried += pending.values().stream().mapToLong(List::size).sum();
            Thread.sleep(20L * attempt);
        }
        throw new IllegalStateException("BatchWriteItem left items unprocessed after " + MAX_BATCH_TRIES
                + " tries: " + pending.values().stream().mapToLong(List::size).sum() + " items");
    }

    private static void reportProgress(long written, int total, AtomicInteger reportedTenths, long startedNanos) {
        int tenths = (int) (written * 10 / total);
        int reported = reportedTenths.get();
        while (tenths > reported) {
            if (reportedTenths.compareAndSet(reported, tenths)) {
                double seconds = (System.nanoTime() - startedNanos) / 1e9;
                System.out.printf(Locale.US, "loading: %d %% (%,d of %,d events) after %.1f s, %,.0f events/s%n",
                        tenths * 10, written, total, seconds, written / seconds);
                return;
            }
            reported = reportedTenths.get();
        }
    }

    /** Requests one snapshot with {@code refresh: true} and measures it. */
    private SnapshotRun snapshot(CapacityMeter meter, Process server, Process dynalite, URI base, String property,
            int run, Path runDir, Path serverLog) throws Exception {
        String date = SyntheticDay.DAY.toString();
        Map<String, CapacityMeter.Usage> before = meter.totals();
        long serverTicks = cpuTicks(server.pid());
        long dynaliteTicks = cpuTicks(dynalite.pid());
        long meterTicks = cpuTicks(ProcessHandle.current().pid());
        boolean peakReset = resetPeakResidentSet(server.pid());

        long started = System.nanoTime();
        HttpResponse<String> response = post(base.resolve("/snapshot"), """
                {"property":"%s","from":"%s","to":"%s","refresh":true}""".formatted(property, date, date));
        double seconds = (System.nanoTime() - started) / 1e9;

        double serverCpu = (double) (cpuTicks(server.pid()) - serverTicks) / ticksPerSecond;
        double dynaliteCpu = (double) (cpuTicks(dynalite.pid()) - dynaliteTicks) / ticksPerSecond;
        double meterCpu = (double) (cpuTicks(ProcessHandle.current().pid()) - meterTicks) / ticksPerSecond;
        long peakKib = statusKib(server.pid(), "VmHWM");
        Map<String, CapacityMeter.Usage> units = difference(meter.totals(), before);
        Files.writeString(runDir.resolve("snapshot-" + run + ".json"), response.body());

        long eventsRead = -1;
        String sessions = "?";
        String otherFields = response.body();
        if (response.statusCode() == 200) {
            JsonNode body = json.readTree(response.body());
            eventsRead = body.path("eventsRead").asLong(-1);
            sessions = body.path("kpis").path("sessions").path("value").asText("?");
            ObjectNode others = ((ObjectNode) body).deepCopy();
            others.remove(List.of("kpis", "groups"));
            otherFields = json.writeValueAsString(others);
        }
        SnapshotRun result = new SnapshotRun(run, seconds, response.statusCode(), eventsRead, sessions,
                lastComputedMillis(serverLog), units, serverCpu, peakKib, peakReset, dynaliteCpu, meterCpu,
                otherFields);
        System.out.printf(Locale.US, "snapshot %d: %.2f s, HTTP %d, eventsRead %,d, sessions %s%n", run, seconds,
                result.status(), eventsRead, sessions);
        return result;
    }

    private static Map<String, CapacityMeter.Usage> difference(Map<String, CapacityMeter.Usage> after,
            Map<String, CapacityMeter.Usage> before) {
        Map<String, CapacityMeter.Usage> delta = new TreeMap<>();
        after.forEach((key, usage) -> {
            CapacityMeter.Usage change = usage.minus(before.getOrDefault(key, new CapacityMeter.Usage(0, 0, 0, 0)));
            if (change.calls() > 0) {
                delta.put(key, change);
            }
        });
        return delta;
    }

    /** Returns the time of the server's last "Computed snapshot" log line, or -1 when there is none. */
    private static long lastComputedMillis(Path serverLog) throws IOException {
        long millis = -1;
        for (String line : Files.readAllLines(serverLog)) {
            Matcher matcher = COMPUTED_MILLIS.matcher(line);
            if (matcher.find()) {
                millis = Long.parseLong(matcher.group(1));
            }
        }
        return millis;
    }

    private static void printRuns(List<SnapshotRun> runs, int events) {
        System.out.printf("%n| run | seconds | HTTP status | eventsRead | sessions | server log, ms | read units "
                + "| write units | server CPU, s | server peak resident set, MiB | dynalite CPU, s | meter CPU, s |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        for (SnapshotRun run : runs) {
            System.out.printf(Locale.US, "| %d | %.2f | %d | %,d | %s | %,d | %,.1f | %,.1f | %.2f | %,d%s | %.2f "
                    + "| %.2f |%n",
                    run.run(), run.seconds(), run.status(), run.eventsRead(), run.sessions(), run.serverMillis(),
                    run.units(false), run.units(true), run.serverCpuSeconds(), run.serverPeakKib() / 1024,
                    run.peakReset() ? "" : " (since start)", run.dynaliteCpuSeconds(), run.meterCpuSeconds());
        }

        System.out.printf("%n| run | operation | table | calls | errors | capacity units | seconds waiting for "
                + "dynalite, summed over calls |%n|---:|---|---|---:|---:|---:|---:|%n");
        for (SnapshotRun run : runs) {
            run.units().forEach((key, usage) -> {
                String[] parts = key.split(" ", 2);
                System.out.printf(Locale.US, "| %d | %s | %s | %,d | %,d | %,.1f | %.2f |%n", run.run(), parts[0],
                        parts[1], usage.calls(), usage.errors(), usage.units(), usage.storeNanos() / 1e9);
            });
        }

        System.out.println("\nTop-level fields of each response other than kpis and groups:\n\n```");
        runs.forEach(run -> System.out.println(run.run() + ": " + run.otherFields()));
        System.out.println("```");
        runs.stream().filter(run -> run.status() == 200 && run.eventsRead() != events).forEach(run ->
                System.out.printf(Locale.US, "NOTE: snapshot %d read %,d events, not the %,d loaded%n", run.run(),
                        run.eventsRead(), events));
    }

    private static void printSummary(List<ShardResult> results) {
        System.out.printf(Locale.US, "%n## Summary%n%n| shards | events | load, s | snapshot 1, s | snapshot 2, s "
                + "| snapshot 3, s | fastest, s | within %.0f s |%n|---:|---:|---:|---:|---:|---:|---:|---|%n",
                TARGET_SECONDS);
        for (ShardResult result : results) {
            StringBuilder row = new StringBuilder();
            row.append(String.format(Locale.US, "| %d | %,d | %.1f |", result.shards(), result.events(),
                    result.loadSeconds()));
            for (SnapshotRun run : result.runs()) {
                row.append(String.format(Locale.US, " %.2f%s |", run.seconds(),
                        run.status() == 200 ? "" : " (HTTP " + run.status() + ")"));
            }
            double fastest = result.runs().stream().filter(run -> run.status() == 200)
                    .mapToDouble(SnapshotRun::seconds).min().orElse(Double.NaN);
            row.append(String.format(Locale.US, " %.2f | %s |", fastest,
                    fastest <= TARGET_SECONDS ? "yes" : "no"));
            System.out.println(row);
        }
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Deletes a folder this benchmark created for dynalite's data, with everything in it. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
