package com.campaignkpi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback HTTP proxy in front of dynalite that adds {@code "ReturnConsumedCapacity":"TOTAL"} to every DynamoDB
 * request whose operation accepts it and sums the {@code ConsumedCapacity} of the responses by operation and table.
 *
 * <p>Rewriting the body invalidates the SDK's SigV4 signature. That works only because dynalite 4.0.0 checks the
 * form of the {@code Authorization} header but not the signature itself, so this proxy cannot stand in front of
 * DynamoDB. Responses pass through unchanged, so the SDK's check of {@code x-amz-crc32} still holds.
 */
final class CapacityMeter implements AutoCloseable {

    /** DynamoDB operations that accept {@code ReturnConsumedCapacity} and that dynalite 4.0.0 implements. */
    private static final Set<String> METERED_OPERATIONS = Set.of("BatchGetItem", "BatchWriteItem", "DeleteItem",
            "GetItem", "PutItem", "Query", "Scan", "UpdateItem");
    /** Headers that {@link HttpClient} sets itself and rejects from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");

    /**
     * Totals of one operation on one table: calls, capacity units, calls that returned an error, and the time from
     * forwarding each call to dynalite until its response arrived, summed over calls (overlapping calls both count).
     */
    record Usage(long calls, double units, long errors, long storeNanos) {

        Usage(long calls, double units, long errors) {
            this(calls, units, errors, 0);
        }

        Usage minus(Usage earlier) {
            return new Usage(calls - earlier.calls, units - earlier.units, errors - earlier.errors,
                    storeNanos - earlier.storeNanos);
        }
    }

    private record Counters(LongAdder calls, DoubleAdder units, LongAdder errors, LongAdder storeNanos) {

        Counters() {
            this(new LongAdder(), new DoubleAdder(), new LongAdder(), new LongAdder());
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    /** Keyed by "operation table", where the table is "-" for a call without one, such as ListTables. */
    private final Map<String, Counters> usage = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorTypes = new ConcurrentHashMap<>();

    CapacityMeter(URI dynalite) throws IOException {
        this.target = dynalite;
        // The JDK's server writes a response's headers and body separately. Without TCP_NODELAY, Nagle's algorithm
        // can delay the body until the client's delayed ACK (up to 40 ms on Linux), in every call through the meter.
        // JDK 17 reads this property once, when its server classes load, so it must be set before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns a copy of the totals so far, keyed by "operation table". */
    Map<String, Usage> totals() {
        Map<String, Usage> copy = new TreeMap<>();
        usage.forEach((key, counters) -> copy.put(key, new Usage(counters.calls.sum(), counters.units.sum(),
                counters.errors.sum(), counters.storeNanos.sum())));
        return copy;
    }

    /** Returns how often each error type was returned, keyed by "operation table error type". */
    Map<String, Long> errorTypes() {
        Map<String, Long> copy = new TreeMap<>();
        errorTypes.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String operation = operation(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            JsonNode request = body.length == 0 ? null : json.readTree(body);
            if (request instanceof ObjectNode object && METERED_OPERATIONS.contains(operation)) {
                object.put("ReturnConsumedCapacity", "TOTAL");
                body = json.writeValueAsBytes(object);
            }

            HttpRequest.Builder forwarded = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(value -> forwarded.header(name, value));
                }
            });
            long sentNanos = System.nanoTime();
            HttpResponse<byte[]> response = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
            long storeNanos = System.nanoTime() - sentNanos;

            record(operation, request, response, storeNanos);

            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to dynalite", e);
        } catch (IOException | RuntimeException e) {
            System.err.println("capacity meter: forwarding to dynalite failed: " + e);
            throw e;
        }
    }

    private void record(String operation, JsonNode request, HttpResponse<byte[]> response, long storeNanos)
            throws IOException {
        String requestTable = request != null && request.hasNonNull("TableName")
                ? request.get("TableName").asText() : "-";
        JsonNode answer = response.body().length == 0 ? null : json.readTree(response.body());

        if (response.statusCode() != 200) {
            Counters counters = counters(operation, requestTable);
            counters.calls.increment();
            counters.errors.increment();
            counters.storeNanos.add(storeNanos);
            String type = answer != null && answer.has("__type") ? answer.get("__type").asText() : "HTTP "
                    + response.statusCode();
            errorTypes.computeIfAbsent(operation + " " + requestTable + " " + type.replaceAll(".*#", ""),
                    key -> new LongAdder()).increment();
            return;
        }

        JsonNode consumed = answer == null ? null : answer.get("ConsumedCapacity");
        if (consumed == null) {
            Counters counters = counters(operation, requestTable);
            counters.calls.increment();
            counters.storeNanos.add(storeNanos);
            return;
        }
        // Batch operations return one entry per table, the others a single object. The call's time goes to the
        // first table, so it is counted once.
        long unassignedNanos = storeNanos;
        for (JsonNode entry : consumed.isArray() ? consumed : List.of(consumed)) {
            Counters counters = counters(operation, entry.path("TableName").asText(requestTable));
            counters.calls.increment();
            counters.units.add(entry.path("CapacityUnits").asDouble());
            counters.storeNanos.add(unassignedNanos);
            unassignedNanos = 0;
        }
    }

    private Counters counters(String operation, String table) {
        return usage.computeIfAbsent(operation + " " + table, key -> new Counters());
    }

    private static String operation(String amzTarget) {
        if (amzTarget == null) {
            return "-";
        }
        int dot = amzTarget.lastIndexOf('.');
        return dot < 0 ? amzTarget : amzTarget.substring(dot + 1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
