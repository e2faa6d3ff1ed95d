package com.campaignkpi.benchmark;

import static com.campaignkpi.benchmark.LocalProcesses.HOST;
import static com.campaignkpi.benchmark.LocalProcesses.awaitResponse;
import static com.campaignkpi.benchmark.LocalProcesses.cpuTicks;
import static com.campaignkpi.benchmark.LocalProcesses.freePort;
import static com.campaignkpi.benchmark.LocalProcesses.randomHex;
import static com.campaignkpi.benchmark.LocalProcesses.startDynalite;
import static com.campaignkpi.benchmark.LocalProcesses.startServer;
import static com.campaignkpi.benchmark.LocalProcesses.stop;
import static com.campaignkpi.benchmark.LocalProcesses.ticksPerSecond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the DynamoDB capacity units that ingestion and snapshots consume, and the HTTP server's start-up time.
 *
 * <p>Starts dynalite 4.0.0 in memory on a free loopback port, {@link CapacityMeter} in front of it, and the packaged
 * server ({@code target/quarkus-app/quarkus-run.jar}, built by {@code ./mvnw -o -B package -DskipTests}) against
 * the meter. Then it registers a property in UTC, sends {@code events} events to {@code /mp/collect} with
 * {@code import=true}, 25 events of one client per request, spread over the 30 days from {@link #FIRST_DAY},
 * scans the stored items directly from dynalite for their size, requests a 1-day and a 30-day snapshot with
 * {@code refresh: true} and a 30-day one without, and prints the units of each step by operation and table. It
 * prints the server's CPU time (utime + stime from /proc) during the ingest, then again for the same events sent to
 * a second property once the server is warm. Last it times 5 starts of the server until its first response to
 * {@code GET /kpis}, which reads no table, and then until the response to a {@code POST /snapshot} of an unregistered
 * property, which reads the properties table. Arguments: the number of events (default 10,000) and of sending threads
 * (default 4), or {@code startup} alone to time the starts only. Run from the project directory.
 *
 * <p>The server starts as infra/local/demo starts it: from {@code target/quarkus-app} with
 * {@code -XX:SharedArchiveFile=app-cds.jsa} when the build wrote that AppCDS archive, else with {@code java -jar}
 * alone.
 */
public final class StorageUnits {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    private static final int DAYS = 30;
    private static final int EVENTS_PER_REQUEST = 25;
    private static final int START_RUNS = 5;
    private static final String PROPERTY = "G-UNITS" + System.currentTimeMillis() / 1000;
    /** A second property that takes the same events once the server is warm, for its CPU time only. */
    private static final String WARM_PROPERTY = PROPERTY + "W";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path project = Path.of("").toAbsolutePath();
    private final Path runDir = project.resolve("target/benchmark/storage-units");
    private final String adminToken = randomHex();
    private final String apiSecret = randomHex();

    /** Name of the AppCDS archive that the HTTP build writes next to quarkus-run.jar. */

    public static void main(String[] args) throws Exception {
        boolean startUpOnly = args.length > 0 && args[0].equals("startup");
        int events = args.length > 0 && !startUpOnly ? Integer.parseInt(args[0]) : 10_000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        new StorageUnits().run(events, senders, startUpOnly);
    }

    private void run(int events, int senders, boolean startUpOnly) throws Exception {
        Files.createDirectories(runDir);
        Path jar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -o -B package -DskipTests first");
        }
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println("server command: " + String.join(" ", serverCommand(jar)));

        int dynalitePort = freePort();
        Process dynalite = startDynalite(project, dynalitePort, null, null, runDir.resolve("dynalite.log"));
        URI dynaliteUri = URI.create("http://" + HOST + ":" + dynalitePort);

        try (CapacityMeter meter = new CapacityMeter(dynaliteUri)) {
            int port = freePort();
            Process server = startServer(jar, meter.uri(), port, adminToken, List.of(),
                    runDir.resolve("server.log"));
            URI base = URI.create("http://" + HOST + ":" + port);
            try {
                // The first start creates the tables, so every timed start finds them.
                awaitResponse(http, base.resolve("/kpis"), server, runDir);
                if (!startUpOnly) {
                    measureStorage(meter, server, base, dynaliteUri, events, senders);
                }
            } finally {
                stop(server);
            }
            measureStartUp(jar, meter.uri());
            System.out.println("\nerrors by operation, table and type: " + meter.errorTypes());
        } finally {
            stop(dynalite);
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private void measureStorage(CapacityMeter meter, Process server, URI base, URI dynalite, int events,
            int senders) throws Exception {
        Map<String, CapacityMeter.Usage> before = meter.totals();
        register(base, PROPERTY);
        before = printPhase("register property", meter, before, 1);

        ingest(server, base, PROPERTY, events, senders);
        before = printPhase("ingest " + events + " events", meter, before, events);

        scanSizes(dynalite);

        // The import wrote a late mark for each day; a rollup counts only once it was read a margin after them.
        Thread.sleep(Duration.parse("PT" + LocalProcesses.ROLLUP_MARGIN).toMillis() + 1000);
        LocalDate middle = FIRST_DAY.plusDays(DAYS / 2);
        LocalDate last = FIRST_DAY.plusDays(DAYS - 1);
        System.out.println("\n1 day from its events (stores its rollup), then 30 days: first 29 days from events and "
                + "1 rollup (stores 29 rollups), then all 30 from rollups, then the stored snapshot:");
        before = snapshot(meter, before, base, middle, middle, true);
        before = snapshot(meter, before, base, FIRST_DAY, last, true);
        before = snapshot(meter, before, base, FIRST_DAY, last, true);
        snapshot(meter, before, base, FIRST_DAY, last, false);

        register(base, WARM_PROPERTY);
        System.out.println("\nthe same events again, into " + WARM_PROPERTY + " on the warmed-up server:");
        ingest(server, base, WARM_PROPERTY, events, senders);
    }

    private void register(URI base, String property) throws Exception {
        post(base.resolve("/property"), """
                {"property":"%s","timeZone":"UTC","apiSecret":"%s","keyEvents":["purchase"],"adminToken":"%s"}"""
                .formatted(property, apiSecret, adminToken));
        System.out.println("registered property " + property + " in UTC");
    }

    /** Sends the events and prints the time taken and the CPU time of the server process meanwhile. */
    private void ingest(Process server, URI base, String property, int events, int senders) throws Exception {
        long cpuBefore = cpuTicks(server.pid());
        long start = System.nanoTime();
        long accepted = send(base, property, events, senders);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = cpuTicks(server.pid()) - cpuBefore;
        long ticksPerSecond = ticksPerSecond();
        double cpuSeconds = (double) cpuTicks / ticksPerSecond;
        System.out.printf(Locale.US, "sent %,d events in %.1f s, %,d accepted; server CPU time (utime + stime) "
                + "%.2f s = %.3f ms per event%n", events, seconds, accepted, cpuSeconds, cpuSeconds * 1000 / events);
    }

    private Map<String, CapacityMeter.Usage> snapshot(CapacityMeter meter, Map<String, CapacityMeter.Usage> before,
            URI base, LocalDate from, LocalDate to, boolean refresh) throws Exception {
        long start = System.nanoTime();
        JsonNode result = post(base.resolve("/snapshot"), """
                {"property":"%s","from":"%s","to":"%s","timeZone":"UTC","refresh":%s}"""
                .formatted(PROPERTY, from, to, refresh));
        double seconds = (System.nanoTime() - start) / 1e9;
        String label = "snapshot " + from + " to " + to + " refresh=" + refresh;
        System.out.printf(Locale.US, "%n%s: %.2f s, eventsRead %s, rollupDays %s, sessions %s%n", label, seconds,
                find(result, "eventsRead"), find(result, "rollupDays"), find(result, "sessions"));
        return printPhase(label, meter, before, 1);
    }

    /** Returns the first value of a field anywhere in the tree, or "?" when there is none. */
    private static String find(JsonNode node, String field) {
        JsonNode found = node.findValue(field);
        return found == null ? "?" : found.toString();
    }

    private Map<String, CapacityMeter.Usage> printPhase(String label, CapacityMeter meter,
            Map<String, CapacityMeter.Usage> before, int divisor) {
        Map<String, CapacityMeter.Usage> now = meter.totals();
        System.out.printf(Locale.US, "%n### %s%n%n| operation | table | calls | errors | capacity units | units per "
                + "%s |%n|---|---|---:|---:|---:|---:|%n", label, divisor == 1 ? "step" : "event");
        now.forEach((key, usage) -> {
            CapacityMeter.Usage delta = usage.minus(before.getOrDefault(key, new CapacityMeter.Usage(0, 0, 0)));
            if (delta.calls() > 0) {
                String[] parts = key.split(" ", 2);
                System.out.printf(Locale.US, "| %s | %s | %,d | %,d | %,.1f | %.4f |%n", parts[0], parts[1],
                        delta.calls(), delta.errors(), delta.units(), delta.units() / divisor);
            }
        });
        return now;
    }

    /** Sends the events from concurrent senders, one request in flight each, and returns the accepted count. */
    private long send(URI base, String property, int events, int senders) throws Exception {
        URI uri = base.resolve("/mp/collect?measurement_id=" + property + "&api_secret=" + apiSecret
                + "&import=true");
        int requests = (events + EVENTS_PER_REQUEST - 1) / EVENTS_PER_REQUEST;
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            futures.add(pool.submit(() -> {
                for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                    int count = Math.min(EVENTS_PER_REQUEST, events - r * EVENTS_PER_REQUEST);
                    JsonNode answer = post(uri, json.writeValueAsString(visit(property, r, count)));
                    accepted.addAndGet(answer.path("accepted").asLong());
                    rejected.addAndGet(answer.path("rejected").asLong());
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        if (rejected.get() > 0) {
            System.out.printf(Locale.US, "the server rejected %,d events%n", rejected.get());
        }
        return accepted.get();
    }

    /**
     * Builds a Measurement Protocol body of one client's visit: request {@code r} goes to day {@code r % 30}, and
     * 300 clients take turns, so a quarter of the requests come from a returning client. A quarter of the clients
     * are signed in (user_id), and every fifth visit ends with a purchase.
     */
    private ObjectNode visit(String property, int r, int count) {
        int client = r % 300;
        LocalDate day = FIRST_DAY.plusDays(r % DAYS);
        long startMicros = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() * 1000
                + (r * 7_919L % 80_000) * 1_000_000L;
        ObjectNode body = json.createObjectNode();
        body.put("client_id", (1_000_000_000L + client * 7_777L) + "." + (1_730_000_000L + client));
        if (client % 4 == 0) {
            body.put("user_id", "customer-" + client);
        }
        body.put("timestamp_micros", startMicros);

        body.putObject("consent").put("ad_user_data", "GRANTED").put("ad_personalization", "DENIED");
        body.putObject("device").put("category", client % 3 == 0 ? "desktop" : "mobile")
                .put("language", "en-us").put("operating_system", client % 3 == 0 ? "Windows" : "Android")
                .put("browser", "Chrome").put("browser_version", "131.0.6778.39");

        ArrayNode list = body.putArray("events");
        String sessionId = Long.toString(startMicros / 1_000_000);
        for (int i = 0; i < count; i++) {
            boolean purchase = i == count - 1 && r % 5 == 0;
            String name = purchase ? "purchase" : switch (i % 5) {
                case 0 -> "page_view";
                case 1 -> "scroll";
                case 2 -> "view_item";
                case 3 -> "view_item_list";
                default -> i % 10 == 4 ? "add_to_cart" : "page_view";
            };

            ObjectNode event = list.addObject();
            event.put("name", name);
            event.put("timestamp_micros", startMicros + i * 20_000_000L);
            ObjectNode params = event.putObject("params");
            params.put("ga_session_id", sessionId);
            params.put("ga_session_number", r / 300 + 1);
            params.put("engagement_time_msec", 1_000 + (r * 31 + i * 17) % 20_000);
            addParams(params, name, property, r, client, i);
        }
        return body;
    }

    /** Adds the parameters of one event type. The page of a page view or an item depends on {@code r} and {@code i}. */
    private static void addParams(ObjectNode params, String name, String property, int r, int client, int i) {
        int page = (r * 13 + i * 7) % 200;
        switch (name) {
            case "page_view" -> {
                String campaign = i == 0 && client % 5 == 0
                        ? "?utm_source=newsletter&utm_medium=email&utm_campaign=winter" : "";
                params.put("page_location", "https://shop.example/p/" + page + campaign);
                params.put("page_title", "Product " + page);
                params.put("page_referrer", i == 0 ? "https://www.google.com/" : "https://shop.example/");
            }
            case "view_item_list" -> {
                params.put("item_list_id", "category-" + page % 12);
                params.put("item_list_name", "Category " + page % 12);
            }
            case "view_item", "add_to_cart" -> {
                params.put("currency", "EUR");
                params.put("value", 12.5 + page % 40);
                params.putArray("items").addObject().put("item_id", "SKU-" + page)
                        .put("item_name", "Product " + page).put("price", 12.5 + page % 40).put("quantity", 1);
            }
            case "purchase" -> {
                params.put("transaction_id", property + "-T" + r);
                params.put("currency", client % 2 == 0 ? "USD" : "EUR");
                params.put("value", 25 + r % 150);
                params.putArray("items").addObject().put("item_id", "SKU-" + page)
                        .put("item_name", "Product " + page).put("price", 25 + r % 150).put("quantity", 1);
            }
            default -> params.put("percent_scrolled", 90);
        }
    }

    /** Scans the tables straight from dynalite and prints the DynamoDB item sizes of this property's items. */
    private void scanSizes(URI dynalite) throws Exception {
        JsonNode tables = dynamo(dynalite, "ListTables", json.createObjectNode());
        for (JsonNode name : tables.path("TableNames")) {
            List<Integer> sizes = new ArrayList<>();
            ObjectNode request = json.createObjectNode().put("TableName", name.asText());
            do {
                JsonNode page = dynamo(dynalite, "Scan", request);
                for (JsonNode item : page.path("Items")) {
                    if (item.path("pk").path("S").asText().startsWith(PROPERTY + "#")) {
                        sizes.add(ItemSize.of(item));
                    }
                }
                request.set("ExclusiveStartKey", page.get("LastEvaluatedKey"));
            } while (request.hasNonNull("ExclusiveStartKey"));
            if (sizes.isEmpty()) {
                continue;
            }
            Collections.sort(sizes);
            long total = sizes.stream().mapToLong(Integer::longValue).sum();
            System.out.printf(Locale.US, "%ntable %s: %,d items of this property, item size min / median / mean / "
                    + "max = %d / %d / %.0f / %d bytes, total %,d bytes%n", name.asText(), sizes.size(),
                    sizes.get(0), sizes.get(sizes.size() / 2), (double) total / sizes.size(),
                    sizes.get(sizes.size() - 1), total);
        }
    }

    /**
     * Calls dynalite directly. It checks that the Authorization header has its parts but not the signature, so a
     * fixed one is enough.
     */
    private JsonNode dynamo(URI dynalite, String operation, ObjectNode body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(dynalite)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20261205T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261205/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + " failed with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }

    /**
     * Times {@value #START_RUNS} starts of the server until its first response to {@code GET /kpis}, and until the
     * response to a snapshot request that reads the properties table, sent after the response to {@code /kpis}.
     */
    private void measureStartUp(Path jar, URI store) throws Exception {
        List<Double> firstResponse = new ArrayList<>();
        List<Double> firstStoreRead = new ArrayList<>();
        for (int run = 1; run <= START_RUNS; run++) {
            int port = freePort();
            URI base = URI.create("http://" + HOST + ":" + port);
            long start = System.nanoTime();
            Process server = startServer(jar, store, port, adminToken, List.of(),
                    runDir.resolve("start-" + run + ".log"));
            try {
                int status = awaitResponse(http, base.resolve("/kpis"), server, runDir);
                double kpisMillis = (System.nanoTime() - start) / 1e6;
                int snapshotStatus = postStatus(base.resolve("/snapshot"), """
                        {"property":"G-STARTUP0","from":"2026-11-01","to":"2026-11-01","timeZone":"UTC"}""");
                double snapshotMillis = (System.nanoTime() - start) / 1e6;
                firstResponse.add(kpisMillis);
                firstStoreRead.add(snapshotMillis);
                System.out.printf(Locale.US, "start-up run %d: %.0f ms to the first response to GET /kpis (HTTP %d), "
                        + "%.0f ms to the response to POST /snapshot (HTTP %d); load average %s%n", run, kpisMillis,
                        status, snapshotMillis, snapshotStatus, Files.readString(Path.of("/proc/loadavg")).strip());
            } finally {
                stop(server);
            }
        }
        System.out.println("start-up to GET /kpis: " + medianAndRange(firstResponse));
        System.out.println("start-up to POST /snapshot: " + medianAndRange(firstStoreRead));
    }

    /** Formats the median (the upper one for an even count) and the range in whole milliseconds. */
    private static String medianAndRange(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.US, "median %.0f ms, range %.0f to %.0f ms over %d runs",
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }

    /**
     * Returns the command that starts the packaged server, with the build's AppCDS archive when there is one. The
     * JVM finds the archive's class path only when it runs from the jar's directory, so the process starts there.
     */
    private static List<String> serverCommand(Path jar) {
        List<String> command = new ArrayList<>(List.of("java"));
        if (Files.isRegularFile(jar.resolveSibling(LocalProcesses.APPCDS_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + LocalProcesses.APPCDS_ARCHIVE);
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        return command;
    }

    /** Posts a JSON body and returns the HTTP status, whatever it is. */
    private int postStatus(URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode post(URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + uri.getPath() + " failed with HTTP " + response.statusCode()
                    + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
