package com.campaignkpi.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.LateMarks;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.testing.Replays;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Sends thousands of generated and mutated bodies to the two ingest webhooks, the {@code collect} function and the
 * spend import, and checks every response. No response may be a 5xx. A 4xx must have a JSON error body with
 * {@code status}, {@code error} and {@code field}, and a 200 a result that accounts for every event or spend row the
 * body carried.
 * Valid requests are mixed in. After the run, a valid request must still be accepted, the events table must hold
 * exactly the events reported as accepted, the rejections table one item per rejected result, and the heap in use
 * after a full GC must not have grown by more than {@link #MAX_HEAP_GROWTH_BYTES}.
 *
 * <p>Every input comes from one {@link Random} seeded with {@value #DEFAULT_SEED}, or with the system property
 * {@value #SEED_PROPERTY} when set ({@code ./mvnw -o test -Dtest=GeneratedInputTest -DgeneratedInput.seed=42}),
 * except event times, which are relative to the start of the run. The seed is printed first. A failure lists a curl
 * command line per offending request, whose body is saved under {@code target/generated-input}.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class GeneratedInputTest {

    static final long DEFAULT_SEED = 20_260_605L;
    static final String SEED_PROPERTY = "generatedInput.seed";

    private static final String PROPERTY = "G-GENINPUT";
    private static final String SECRET = "generated-input-secret-1";

    /** The webhooks' body limit, EventLimits.MAX_BODY_BYTES, which the README states too. */
    private static final int MAX_WEBHOOK_BODY_BYTES = 130_000;
    /** quarkus.http.limits.max-body-size, which application.properties leaves at Quarkus' default of 10 MB. */
    private static final int MAX_HTTP_BODY_BYTES = 10 * 1024 * 1024;

    /** Mutated requests per target and family, on top of the wrong-type sweep and the valid requests. */
    private static final int REQUESTS_PER_TARGET_AND_FAMILY = 60;
    /** Every this many requests, one valid request goes out. */
    private static final int VALID_REQUEST_INTERVAL = 10;
    /** Requests sent before the heap baseline is taken, so classes, caches and pools exist on both sides. */
    private static final int WARM_UP_REQUESTS = 300;

    /**
     * Largest growth of the heap in use after a full GC, in bytes, over the requests after the warm-up. The server
     * runs in this JVM. This test itself keeps under 1 MB: counters and the ids of the events of valid requests
     * (about 1,000). A server that kept 3 KB per request, about half of the mean generated body of 5 KB, would grow
     * the heap by 17 MiB over the 5,900 requests after the warm-up. Runs of the default seed grew by 1 to 2 MiB.
     */
    static final long MAX_HEAP_GROWTH_BYTES = 16L * 1024 * 1024;

    /** Request-level fields of a Measurement Protocol body, whose problems reject each of its events. */
    private static final List<String> MEASUREMENT_PROTOCOL_ENVELOPE = List.of("client_id", "app_instance_id",
            "user_id", "timestamp_micros", "user_properties", "consent", "device");

    private static final int SHOWN_FAILURES = 25;
    private static final int SHOWN_BODY_CHARS = 300;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reads a body as the server does, except that content after the first JSON value is an error. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Sends bodies and content types exactly as given, without a charset added. */
    private static final RestAssuredConfig EXACT = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static boolean registered;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @BeforeEach
    void register() {
        if (!registered) {
            Replays.registerProperty(PROPERTY, "UTC", SECRET);
            registered = true;
        }
    }

    /** Where a generated body goes. */
    enum Target {
        MEASUREMENT_PROTOCOL("/mp/collect"),
        CANONICAL_EVENTS("/events"),
        COLLECT_FUNCTION("/collect"),
        SPEND_CANONICAL("/spend/import"),
        SPEND_DETECTED("/spend/import");

        final String path;

        Target(String path) {
            this.path = path;
        }

        boolean isSpend() {
            return this == SPEND_CANONICAL || this == SPEND_DETECTED;
        }
    }

    /** A kind of damage done to a valid body. */
    enum Family {
        VALID,
        WRONG_TYPE,
        HUGE_STRING,
        DEEP_NESTING,
        INVALID_UTF8,
        UNICODE_TEXT,
        SPECIAL_NUMBER,
        NEGATIVE_MONEY,
        EXTREME_TIME,
        DUPLICATE_KEY,
        EMPTY_OR_MISSING,
        EMPTY_BODY,
        NOT_JSON,
        TRUNCATED,
        ARRAY_FOR_OBJECT,
        TOO_MANY_EVENTS
    }

    /** One request of the run, with what was done to its body. */
    record GeneratedRequest(int number, Target target, Family family, String mutation, Map<String, String> query,
            String contentType, byte[] body) {
    }

    @Test
    void mutatedBodiesNeverFail() {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        System.out.println("GeneratedInputTest seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")");
        Bodies bodies = new Bodies(new Random(seed));
        Run run = new Run(seed);

        List<Slot> plan = plan(bodies);
        long started = System.nanoTime();
        long heapBefore = 0;
        int number = 0;
        for (Slot slot : plan) {
            if (number == WARM_UP_REQUESTS) {
                heapBefore = usedHeapAfterGc();
            }
            number++;
            GeneratedRequest request = bodies.request(number, slot);
            run.record(request, send(request));
        }
        long heapAfter = usedHeapAfterGc();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        run.checkServerStillAccepts(this::send, bodies);
        run.checkStoredItems(countItems(tables.events()), countItems(tables.rejections()),
                storedEventIds(run.validEventIds));
        run.checkSnapshotsStillWork();
        System.out.println(run.summary(elapsedMillis, heapBefore, heapAfter));

        assertTrue(run.failures.isEmpty(), run.failureReport());
        assertTrue(heapAfter - heapBefore <= MAX_HEAP_GROWTH_BYTES, "heap in use after GC grew from "
                + mib(heapBefore) + " to " + mib(heapAfter) + " MiB over " + (number - WARM_UP_REQUESTS)
                + " requests; the bound is " + mib(MAX_HEAP_GROWTH_BYTES) + " MiB");
    }

    @Test
    void oversizeWebhookBodyIs413WithoutParsing() {
        // Not JSON and not UTF-8, so a server that parsed it would return 400.
        byte[] body = new byte[MAX_WEBHOOK_BODY_BYTES + 1];
        Arrays.fill(body, (byte) 0xFF);
        body[0] = '{';

        for (String path : List.of("/mp/collect", "/events")) {
            Response response = given().config(EXACT).contentType(ContentType.JSON).body(body)
                    .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                    .post(path);

            assertEquals(413, response.statusCode(), path + ": " + describe(response));
            assertEquals("$", response.jsonPath().getString("field"), path);
            assertEquals(413, response.jsonPath().getInt("status"), path);
            assertEquals("The body has 130001 bytes; the limit is 130000 bytes per request, so split the events "
                    + "over several requests", response.jsonPath().getString("error"), path);
        }
    }

    @Test
    void bodyOverServerLimitIs413() {
        byte[] body = new byte[MAX_HTTP_BODY_BYTES + 1];
        Arrays.fill(body, (byte) ' ');

        for (String path : List.of("/mp/collect", "/spend/import")) {
            Response response = given().config(EXACT).contentType(ContentType.JSON).body(body)
                    .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                    .post(path);

            assertEquals(413, response.statusCode(), path + ": " + describe(response));
            assertEquals(413, response.jsonPath().getInt("status"), path);
            assertEquals("$", response.jsonPath().getString("field"), path);
            assertEquals("The body is larger than this server's limit of 10485760 bytes, so it was not read; send "
                    + "less per request", response.jsonPath().getString("error"), path);
        }
    }

    // The plan of the run

    /** A target and family to generate a request for. {@code sweepIndex} picks a wrong-type sweep case, or is -1. */
    record Slot(Target target, Family family, int sweepIndex) {
    }

    /**
     * Builds the run: {@link #REQUESTS_PER_TARGET_AND_FAMILY} random mutations per target and family, every field of
     * a full body set to every kind of JSON value, shuffled, with a valid request every
     * {@link #VALID_REQUEST_INTERVAL} requests.
     */
    private static List<Slot> plan(Bodies bodies) {
        List<Slot> mutated = new ArrayList<>();
        for (Target target : Target.values()) {
            for (Family family : Family.values()) {
                if (family == Family.VALID) {
                    continue;
                }
                for (int i = 0; i < REQUESTS_PER_TARGET_AND_FAMILY; i++) {
                    mutated.add(new Slot(target, family, -1));
                }
            }
            int sweepSize = bodies.sweepPaths(target).size() * Bodies.WRONG_VALUES.size();
            for (int i = 0; i < sweepSize; i++) {
                mutated.add(new Slot(target, Family.WRONG_TYPE, i));
            }
        }
        Collections.shuffle(mutated, bodies.random);

        List<Slot> plan = new ArrayList<>();
        Target[] targets = Target.values();
        for (Slot slot : mutated) {
            if (plan.size() % VALID_REQUEST_INTERVAL == 0) {
                plan.add(new Slot(targets[(plan.size() / VALID_REQUEST_INTERVAL) % targets.length], Family.VALID,
                        -1));
            }
            plan.add(slot);
        }
        return plan;
    }

    // Sending and checking

    /**
     * Sends a generated request with the JDK's HTTP client, which sends any bytes under any Content-Type. RestAssured
     * encodes a body by its Content-Type and cannot send raw bytes labelled as a form.
     */
    private Reply send(GeneratedRequest request) {
        StringBuilder url = new StringBuilder(baseUrl.toString().replaceAll("/$", "") + request.target().path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : request.query().entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), url.toString());
        } catch (IOException e) {
            return new Reply(-1, null, e.toString().getBytes(StandardCharsets.UTF_8), url.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending request " + request.number(), e);
        }
    }

    /**
     * A response as received, or status -1 with the exception's text when the connection failed.
     *
     * @param url the URL the request went to, with its query string
     */
    record Reply(int status, String contentType, byte[] body, String url) {

        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            String start = text.length() <= SHOWN_BODY_CHARS ? text
                    : text.substring(0, SHOWN_BODY_CHARS) + "... (" + text.length() + " chars)";
            return status + " " + start;
        }
    }

    /** The outcome of the run: counts, the ids reported as accepted, and every failed check. */
    static final class Run {
        final long seed;
        final Map<Target, Map<Family, Integer>> requests = new EnumMap<>(Target.class);
        final Map<Family, Map<Integer, Integer>> statuses = new EnumMap<>(Family.class);
        final List<String> failures = new ArrayList<>();
        final Set<String> validEventIds = new HashSet<>();
        long acceptedEvents;
        long rejectedResults;
        long rejectedEvents;
        long duplicateEvents;
        long spendRows;
        long trailingContentIgnored;
        long bytesSent;

        Run(long seed) {
            this.seed = seed;
        }

        /** Counts the request, checks its response and returns whether every check passed. */
        boolean record(GeneratedRequest request, Reply response) {
            requests.computeIfAbsent(request.target(), target -> new EnumMap<>(Family.class))
                    .merge(request.family(), 1, Integer::sum);
            statuses.computeIfAbsent(request.family(), family -> new TreeMap<>())
                    .merge(response.status(), 1, Integer::sum);
            bytesSent += request.body().length;
            List<String> problems = check(request, response);
            if (!problems.isEmpty()) {
                failures.add("#" + request.number() + " " + request.target() + " " + request.family() + " ("
                        + request.mutation() + "): " + String.join("; ", problems) + "\n    response "
                        + response.describe() + "\n    " + curl(request, response.url()));
            }
            return problems.isEmpty();
        }

        private List<String> check(GeneratedRequest request, Reply response) {
            List<String> problems = new ArrayList<>();
            int status = response.status();
            JsonNode json = readJson(response.body());
            if (status >= 500 || status < 0) {
                problems.add("status " + status);
            }
            if (json == null) {
                problems.add("the response body is not JSON");
                return problems;
            }
            String contentType = response.contentType();
            if (contentType == null || !contentType.startsWith("application/json")) {
                problems.add("Content-Type is " + contentType);
            }
            if (status >= 400 && status < 500) {
                checkError(status, json, problems);
            } else if (status == 200 && request.target().isSpend()) {
                checkSpendResult(request, json, problems);
            } else if (status == 200) {
                checkCollectResult(request, json, problems);
            } else if (status < 500) {
                problems.add("unexpected status " + status);
            }
            if (request.family() == Family.VALID) {
                checkValid(request, status, json, problems);
            }
            return problems;
        }

        private static void checkError(int status, JsonNode json, List<String> problems) {
            if (json.path("status").asInt(-1) != status) {
                problems.add("the error body's status is not " + status);
            }
            if (!json.path("error").isTextual() || json.path("error").asText().isBlank()) {
                problems.add("the error body has no error message");
            }
            if (!json.path("field").isTextual() || json.path("field").asText().isBlank()) {
                problems.add("the error body names no field");
            }
        }

        private void checkCollectResult(GeneratedRequest request, JsonNode json, List<String> problems) {
            JsonNode first = readJson(request.body());
            if (first == null) {
                problems.add("200 for a body that is not JSON");
                return;
            }
            if (readStrict(request.body()) == null) {
                // Content after the JSON value would leave its events neither stored nor rejected.
                problems.add("200 for a body with content after its JSON value");
                trailingContentIgnored++;
            }
            Carried carried = carriedEvents(request.target(), first);
            if (carried.count() < 0) {
                problems.add("200 for a body without events");
                return;
            }
            int accepted = json.path("accepted").asInt(-1);
            int duplicates = json.path("duplicates").asInt(-1);
            int rejected = json.path("rejected").asInt(-1);
            int queued = json.path("queued").asInt(0);
            if (accepted < 0 || duplicates < 0 || rejected < 0 || !json.path("results").isArray()) {
                problems.add("the result lacks accepted, duplicates, rejected or results");
                return;
            }
            if (accepted + duplicates + rejected + queued != carried.count()) {
                problems.add("accepted " + accepted + " + duplicates " + duplicates + " + rejected " + rejected
                        + " + queued " + queued + " is not the " + carried.count() + " events sent");
            }

            int nextIndex = 0;
            Map<String, Integer> counted = new TreeMap<>();
            for (JsonNode result : json.path("results")) {
                String status = result.path("status").asText("");
                int index = result.path("index").asInt(-1);
                int last = result.hasNonNull("lastIndex") ? result.path("lastIndex").asInt(-1) : index;
                if (index != nextIndex || last < index) {
                    problems.add("result indexes skip or repeat at " + index + " (expected " + nextIndex + ")");
                }
                nextIndex = last + 1;
                counted.merge(status, last - index + 1, Integer::sum);
                if (status.equals("rejected")) {
                    rejectedResults++;
                    if (result.path("reason").asText("").isBlank()) {
                        problems.add("rejected result " + index + " has no reason");
                    }
                    String field = result.path("field").asText("");
                    if (field.isBlank()) {
                        problems.add("rejected result " + index + " has no field");
                    } else if (!carried.mayName(index, field)) {
                        problems.add("rejected result " + index + " names field '" + field + "', which is not in "
                                + "its event or the request's envelope");
                    }
                } else if (List.of("accepted", "duplicate", "queued").contains(status)) {
                    if (result.path("eventId").asText("").isBlank()) {
                        problems.add(status + " result " + index + " has no eventId");
                    }
                } else {
                    problems.add("result " + index + " has the unknown status '" + status + "'");
                }
            }
            if (nextIndex != carried.count()) {
                problems.add("the results cover " + nextIndex + " of " + carried.count() + " events");
            }
            if (counted.getOrDefault("accepted", 0) != accepted
                    || counted.getOrDefault("duplicate", 0) != duplicates
                    || counted.getOrDefault("rejected", 0) != rejected) {
                problems.add("the counts do not match the results " + counted);
            }
            acceptedEvents += accepted;
            duplicateEvents += duplicates;
            rejectedEvents += rejected;
        }

        private void checkSpendResult(GeneratedRequest request, JsonNode json, List<String> problems) {
            if (!PROPERTY.equals(json.path("property").asText())) {
                problems.add("the spend result names property '" + json.path("property").asText() + "'");
            }
            int rows = json.path("rows").asInt(-1);
            if (rows < 0 || !json.path("totals").isArray()) {
                problems.add("the spend result lacks rows or totals");
                return;
            }
            long totalRows = 0;
            for (JsonNode total : json.path("totals")) {
                totalRows += total.path("rows").asLong();
                for (String count : List.of("impressions", "reach", "clicks")) {
                    if (total.path(count).asLong(0) < 0) {
                        problems.add("the total " + count + " is negative: " + total.path(count));
                    }
                }
            }
            if (totalRows != rows) {
                problems.add("the totals add up to " + totalRows + " rows, not " + rows);
            }
            if (json.path("format").asText().equals("canonical")) {
                int carried = carriedSpendRows(request.body());
                if (carried < 0) {
                    problems.add("200 for canonical spend rows that are not a JSON array or objects one by one");
                } else if (carried != rows) {
                    problems.add(rows + " spend rows imported of the " + carried + " sent");
                }
            }
            spendRows += Math.max(rows, 0);
        }

        private void checkValid(GeneratedRequest request, int status, JsonNode json, List<String> problems) {
            if (status != 200) {
                problems.add("a valid request got " + status);
                return;
            }
            if (request.target().isSpend()) {
                return;
            }
            if (json.path("rejected").asInt() != 0) {
                problems.add("a valid request had rejected events");
            }
            for (JsonNode result : json.path("results")) {
                if (result.path("status").asText().equals("accepted")) {
                    validEventIds.add(result.path("eventId").asText());
                }
            }
        }

        /** Checks that a valid request is still accepted once the run is over. */
        void checkServerStillAccepts(Function<GeneratedRequest, Reply> sender, Bodies bodies) {
            for (Target target : Target.values()) {
                GeneratedRequest request = bodies.request(0, new Slot(target, Family.VALID, -1));
                if (!record(request, sender.apply(request))) {
                    failures.add("the server no longer accepts a valid request on " + target);
                }
            }
        }

        /** Compares the stored items of the property with what the responses reported. */
        void checkStoredItems(long storedEvents, long storedRejections, Set<String> storedValidIds) {
            if (storedEvents != acceptedEvents) {
                failures.add("the events table holds " + storedEvents + " events of " + PROPERTY + ", but "
                        + acceptedEvents + " were reported as accepted");
            }
            if (storedRejections != rejectedResults) {
                failures.add("the rejections table holds " + storedRejections + " items of " + PROPERTY + ", but "
                        + rejectedResults + " rejected results were reported");
            }
            Set<String> missing = new HashSet<>(validEventIds);
            missing.removeAll(storedValidIds);
            if (!missing.isEmpty()) {
                failures.add(missing.size() + " of the " + validEventIds.size() + " events of valid requests are "
                        + "not stored, such as " + missing.iterator().next());
            }
        }

        /** Checks that snapshots over the days the run wrote to are still computed. */
        void checkSnapshotsStillWork() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<String[]> ranges = List.of(new String[] {today.minusDays(3).toString(), today.toString()},
                    new String[] {Bodies.HISTORY_START.toString(), Bodies.HISTORY_START.plusDays(30).toString()});
            for (String[] range : ranges) {
                Response response = given().contentType(ContentType.JSON)
                        .body(Map.of("property", PROPERTY, "from", range[0], "to", range[1]))
                        .post("/snapshot");
                if (response.statusCode() != 200) {
                    failures.add("the snapshot from " + range[0] + " to " + range[1] + " failed after the run: "
                            + describe(response));
                }
            }
        }

        String summary(long elapsedMillis, long heapBefore, long heapAfter) {
            StringBuilder out = new StringBuilder("GeneratedInputTest seed " + seed + ": ");
            int total = requests.values().stream().flatMap(counts -> counts.values().stream())
                    .mapToInt(Integer::intValue).sum();
            out.append(total).append(" requests of ").append(bytesSent / Math.max(total, 1))
                    .append(" bytes on average in ").append(elapsedMillis).append(" ms; heap in use after GC ")
                    .append(mib(heapBefore)).append(" MiB after the warm-up, ").append(mib(heapAfter))
                    .append(" MiB at the end\n");
            out.append(String.format(Locale.ROOT, "%-18s", "family"));
            for (Target target : Target.values()) {
                out.append(String.format(Locale.ROOT, "%22s", target));
            }
            out.append("  statuses\n");
            for (Family family : Family.values()) {
                out.append(String.format(Locale.ROOT, "%-18s", family));
                for (Target target : Target.values()) {
                    out.append(String.format(Locale.ROOT, "%22d",
                            requests.getOrDefault(target, Map.of()).getOrDefault(family, 0)));
                }
                out.append("  ").append(statuses.getOrDefault(family, Map.of())).append('\n');
            }
            out.append("events accepted ").append(acceptedEvents).append(", duplicates ").append(duplicateEvents)
                    .append(", rejected ").append(rejectedEvents).append(" in ").append(rejectedResults)
                    .append(" results; spend rows imported ").append(spendRows)
                    .append("; 200 responses that ignored content after the first JSON value ")
                    .append(trailingContentIgnored).append("; failures ").append(failures.size());
            return out.toString();
        }

        /**
         * Lists the first failures, each with a curl command line that replays its request, and writes all of them to
         * target/generated-input.
         */
        String failureReport() {
            Path file = Path.of("target", "generated-input", "seed-" + seed + "-failures.txt");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, failures, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StringBuilder out = new StringBuilder(failures.size() + " checks failed (seed " + seed
                    + "), all listed in " + file + ":\n");
            failures.stream().limit(SHOWN_FAILURES).forEach(failure -> out.append(failure).append('\n'));
            if (failures.size() > SHOWN_FAILURES) {
                out.append("... and ").append(failures.size() - SHOWN_FAILURES).append(" more\n");
            }
            return out.toString();
        }

        /** Saves the request's body under target/generated-input and returns a curl command line that sends it. */
        private String curl(GeneratedRequest request, String url) {
            Path file = Path.of("target", "generated-input", "seed-" + seed + "-request-" + request.number() + ".bin");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, request.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "curl -sS -i -X POST '" + url + "'"
                    + (request.contentType() == null ? "" : " -H 'Content-Type: " + request.contentType() + "'")
                    + " --data-binary @" + file;
        }
    }

    // Counting what a body carries, as the server reads it

    /**
     * Where the events of a webhook or collect body are, as the server reads it: the first JSON value of the body.
     *
     * @param events the event array, or the one canonical event, or null when the body has no events to count
     * @param measurementProtocol whether rejected fields are Measurement Protocol paths such as events[0].name
     * @param single whether the body is one canonical event object, whose paths start with $
     */
    record Carried(JsonNode events, boolean measurementProtocol, boolean single) {

        int count() {
            if (events == null) {
                return -1;
            }
            return single ? 1 : events.size();
        }

        /** Returns whether a rejected result of the event at {@code index} may name {@code field}. */
        boolean mayName(int index, String field) {
            String own = "[" + index + "]";
            if (measurementProtocol) {
                own = "events[" + index + "]";
            } else if (single) {
                own = "$";
            }
            if (field.equals(own) || field.startsWith(own + ".") || field.startsWith(own + "[")) {
                return true;
            }
            return measurementProtocol && MEASUREMENT_PROTOCOL_ENVELOPE.stream()
                    .anyMatch(envelope -> field.equals(envelope) || field.startsWith(envelope + "."));
        }
    }

    /** Returns the events a webhook or collect body's first JSON value carries. */
    static Carried carriedEvents(Target target, JsonNode node) {
        boolean measurementProtocol = target == Target.MEASUREMENT_PROTOCOL;
        if (target == Target.COLLECT_FUNCTION) {
            JsonNode format = node.path("format");
            measurementProtocol = format.isMissingNode() || format.isNull() || format.asText().equals("mp");
            node = node.path("body");
        }
        if (measurementProtocol) {
            return new Carried(node.isObject() && node.path("events").isArray() ? node.path("events") : null, true,
                    false);
        }
        return new Carried(node.isArray() || node.isObject() ? node : null, false, node.isObject());
    }

    /**
     * Returns the spend rows a canonical spend body carries: the objects of one JSON array, or JSON objects one
     * after another, decoded as the server decodes a report. Returns -1 for anything else.
     */
    static int carriedSpendRows(byte[] body) {
        String text = decodeReport(body);
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                JsonNode array = MAPPER.readTree(parser);
                for (JsonNode row : array) {
                    if (!row.isObject()) {
                        return -1;
                    }
                }
                return parser.nextToken() == null ? array.size() : -1;
            }
            int rows = 0;
            for (; token != null; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    return -1;
                }
                MAPPER.readTree(parser);
                rows++;
            }
            return rows;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Decodes a report as DecodedText does for the bodies generated here: UTF-8, with or without a BOM, else 1252. */
    private static String decodeReport(byte[] body) {
        int offset = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    private static JsonNode readStrict(byte[] body) {
        try {
            JsonNode node = STRICT.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    // The store after the run

    private long countItems(String table) {
        return dynamo.scanPaginator(propertyScan(table)).stream().mapToLong(page -> page.count()).sum();
    }

    private Set<String> storedEventIds(Set<String> ids) {
        Set<String> found = new HashSet<>();
        dynamo.scanPaginator(propertyScan(tables.events())).items().forEach(item -> {
            String id = item.get("sk").s();
            if (ids.contains(id)) {
                found.add(id);
            }
        });
        return found;
    }

    /** The property's items, without the late marks and daily rollups that share the events table. */
    private static ScanRequest propertyScan(String table) {
        return ScanRequest.builder()
                .tableName(table)
                .filterExpression("begins_with(pk, :property) AND pk <> :rollups")
                .expressionAttributeValues(Map.of(":property", AttributeValue.fromS(PROPERTY + "#"),
                        ":rollups", AttributeValue.fromS(LateMarks.partitionKey(PROPERTY))))
                .projectionExpression("pk, sk")
                .build();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the GC", e);
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Returns the status and the start of the body, for failure messages. */
    static String describe(Response response) {
        String body = response.asString();
        String start = body.length() <= SHOWN_BODY_CHARS ? body
                : body.substring(0, SHOWN_BODY_CHARS) + "... (" + body.length() + " chars)";
        return response.statusCode() + " " + start;
    }

    // Generating bodies

    /** Valid bodies for each target and the mutations of each family, all drawn from one seeded Random. */
    static final class Bodies {

        /** First day of the history that canonical events and spend rows are dated in. */
        static final LocalDate HISTORY_START = LocalDate.parse("2025-01-01");

        /** Values a field is set to by the wrong-type mutations: every JSON type, plus look-alikes. */
        static final List<JsonNode> WRONG_VALUES = List.of(
                TextNode.valueOf("text"), NODES.numberNode(42), NODES.numberNode(-3.5), NODES.booleanNode(true),
                NODES.nullNode(), json("{\"nested\":{\"x\":1}}"), json("[1,\"two\",null]"));

        private static final List<String> EVENT_NAMES = List.of("page_view", "purchase", "view_item",
                "add_to_cart", "sign_up", "generate_lead", "begin_checkout", "select_promotion");
        private static final List<String> CURRENCIES = List.of("USD", "EUR", "IRR", "GBP");
        private static final List<String> PLATFORMS = List.of("google_ads", "meta_ads", "other");
        private static final Set<String> MONEY_FIELDS = Set.of("value", "price", "tax", "shipping", "cost",
                "conversion_value", "conversions");
        private static final Set<String> TIME_FIELDS = Set.of("timestamp_micros", "timestamp", "date",
                "range_start", "range_end");

        static final List<String> TRICKY_TEXT = List.of(
                "خرید چای", "صفحه\u200Cی اصلی", "۱۲۳۴۵", "٣٤٥", "🚀", "👩\u200D👩\u200D👧\u200D👦", "🇮🇷",
                "a\u200Cb", "a\u200Db", "\u202Eevil\u202C", "\u200F\u200E", "\u2066x\u2069", "\uFEFFbom",
                "\u0000nul", "tab\tline\nbreak", "\u2028\u2029", "e\u0301", "Ｆｕｌｌ", "\uD83D", "\uDE00",
                "\uDE00\uD83D", "'; DROP TABLE events; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
                "%00%ff", "\\", "\"", PROPERTY + "#2026-01-01", "#", "fp:abc", "id:x", " ", "");

        static final List<String> SPECIAL_NUMBERS = List.of(
                "NaN", "Infinity", "-Infinity", "+1", "-0", "-0.0", "0.0", "1e400", "-1e400", "1e-400", "1E+126",
                "1E125", "9.99E125", "1e-130", "1e-131", "123456789012345678901234567890123456789",
                "12345678901234567890123456789012345678", "1e999999999", "1e-999999999", "9223372036854775807",
                "9223372036854775808", "-9223372036854775809", "0x10", "01", ".5", "5.", "1_000",
                "0.1000000000000000055511151231257827", "\"1e400\"", "\"NaN\"", "\"Infinity\"", "\"-0\"",
                "\"۱۲۳\"", "\"1,5\"", "\" 12 \"", "\"12abc\"", "1".repeat(999), "1".repeat(1001),
                "0." + "0".repeat(998) + "1", "1e" + "9".repeat(20));

        static final List<String> NEGATIVE_MONEY = List.of("-1", "-0.01", "\"-5\"", "\"-0\"", "-0.0", "-1e3",
                "-1e-10", "\"\u22125\"", "-99999999999999999999999", "\"-12.50\"", "\"(12.50)\"", "-1E125",
                "\"- 3\"", "\"-\"");

        static final List<String> EXTREME_MICROS = List.of("0", "-1", "1", "9223372036854775807",
                "-9223372036854775808", "253402300799999999", "253402300800000000", "32503680000000000",
                "-62135596800000000", "\"1700000000000000\"", "1.7e15", "1700000000000000.5", "\"abc\"", "1e400",
                "\"۱۷۰۰۰۰۰۰۰۰۰۰۰۰۰۰\"", "17000000000000000000", "\"\"", "true");

        static final List<String> EXTREME_ISO_TIMES = List.of("0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999-18:00", "2024-02-30T10:00:00Z",
                "2024-03-28T14:05:00", "2024-03-28", "2024-03-28T24:00:00Z", "2024-03-28T23:59:60Z",
                "2024-03-28T14:05:00+25:00", "2024-03-28T14:05:00.123456789123Z", "", " ", "now",
                "2024-03-28T14:05:00+03:30 ", "۲۰۲۴-۰۳-۲۸T14:05:00Z", "9999-12-31T23:59:59.9999999Z");

        static final List<String> EXTREME_DATES = List.of("0000-01-01", "-0001-01-01", "+999999999-12-31",
                "-999999999-01-01", "9999-12-31", "10000-01-01", "+10000-01-01", "2024-02-30", "2024-13-01",
                "1900-01-01", "1970-01-01", "20240301", "2024-03-01T00:00:00Z", "۲۰۲۴-۰۳-۰۱", "", "2024-3-1");

        static final List<String> EMPTY_BODIES = List.of("", " ", "\n\r\t", "\uFEFF", "null", "{}", "[]", "0",
                "\"\"", "[{}]", "[[]]", "{\"events\":[]}", "{\"events\":null}", "true");

        static final List<String> NOT_JSON = List.of("<events><event name=\"page_view\"/></events>",
                "client_id=1&events=page_view", "name,client_id\npage_view,1", "undefined", "{'name':'page_view'}",
                "{\"name\":\"page_view\",}", "[1,2,]", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "/* c */ {}",
                "{\"a\":1 // c\n}", "{name:\"page_view\"}", "\u0000\u0000\u0000", "%PDF-1.4", "GET / HTTP/1.1",
                "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "[\"\\uD800\"]", "}{", "][",
                "{\"a\" 1}", "Campaign,Cost\nSpring,12.50", "\uFFFE", "{\"a\":1,\"a\"}");

        static final byte[][] INVALID_UTF8 = {
            {(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
            {(byte) 0xE2, (byte) 0x82, 0x28}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
            {(byte) 0xF0, (byte) 0x90, 0x28, (byte) 0xBC}, {(byte) 0xF8, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1,
                (byte) 0xA1}, {(byte) 0xFC, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1},
            {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xD8}, {(byte) 0xE2,
                (byte) 0x82}};

        private static final int[] HUGE_LENGTHS = {41, 101, 257, 301, 421, 1_001, 5_000, 40_000, 60_000,
            129_000, 140_000};
        private static final String[] HUGE_UNITS = {"x", "ش", "🚀", "a\u200C", "۹"};
        private static final int[] NESTING_DEPTHS = {10, 100, 999, 1_000, 1_001, 2_000, 20_000};
        private static final int[] EVENT_COUNTS = {26, 27, 30, 60, 200, 1_000, 3_000};
        /** Content-Type headers of mutated requests: JSON half the time, else the labels senders use by mistake. */
        private static final String[] CONTENT_TYPES = {"application/json", "application/json",
            "application/json", "application/json", "application/json", "application/json", "text/plain",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "multipart/form-data",
            "application/octet-stream", null};

        /** Marks a spot in a body's JSON text that raw text replaces after serialisation. */
        private static final String RAW = "@@raw@@";
        private static final String DUPLICATE = "@@duplicate@@";

        final Random random;
        private final long startMicros = Instant.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond() * 1_000_000L;
        private int serial;
        private final Map<Target, List<JsonPointer>> sweepPaths = new EnumMap<>(Target.class);

        Bodies(Random random) {
            this.random = random;
        }

        /** Paths of every field and element of the full body of {@code target}, including the body itself. */
        List<JsonPointer> sweepPaths(Target target) {
            return sweepPaths.computeIfAbsent(target, t -> paths(fullBody(t), node -> true));
        }

        GeneratedRequest request(int number, Slot slot) {
            Target target = slot.target();
            Family family = slot.family();
            Map<String, String> query = new LinkedHashMap<>();
            if (target != Target.COLLECT_FUNCTION) {
                query.put("measurement_id", PROPERTY);
                query.put("api_secret", SECRET);
            }
            boolean importMode = target == Target.CANONICAL_EVENTS || (target == Target.MEASUREMENT_PROTOCOL
                    && family != Family.VALID && random.nextInt(4) == 0);
            if (importMode) {
                query.put("import", "true");
            }
            if (target == Target.SPEND_CANONICAL) {
                query.put("format", "canonical");
            }

            Mutated mutated;
            if (slot.sweepIndex() >= 0) {
                mutated = sweep(target, slot.sweepIndex());
            } else {
                JsonNode base = family == Family.TOO_MANY_EVENTS ? manyEvents(target) : body(target, importMode);
                mutated = mutate(family, target, base);
            }
            String contentType = family == Family.VALID || target.isSpend() && random.nextBoolean()
                    ? "application/json" : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            return new GeneratedRequest(number, target, family, mutated.note(), query, contentType, mutated.body());
        }

        /** A body and a note on what was done to it. */
        record Mutated(String note, byte[] body) {
        }

        // Valid bodies

        JsonNode body(Target target, boolean importMode) {
            return switch (target) {
                case MEASUREMENT_PROTOCOL -> measurementProtocolBody(importMode, 1 + random.nextInt(4));
                case CANONICAL_EVENTS -> canonicalBody();
                case COLLECT_FUNCTION -> collectRequest();
                case SPEND_CANONICAL, SPEND_DETECTED -> spendRows(1 + random.nextInt(4));
            };
        }

        /** Builds a body of {@code target} with every optional field, for the wrong-type sweep. */
        JsonNode fullBody(Target target) {
            return switch (target) {
                case MEASUREMENT_PROTOCOL -> fullMeasurementProtocolBody();
                case CANONICAL_EVENTS -> fullCanonicalEvents();
                case COLLECT_FUNCTION -> {
                    ObjectNode request = collectEnvelope("mp", false);
                    request.set("body", fullMeasurementProtocolBody());
                    yield request;
                }
                case SPEND_CANONICAL, SPEND_DETECTED -> {
                    ArrayNode rows = NODES.arrayNode();
                    rows.add(fullSpendRow());
                    yield rows;
                }
            };
        }

        private ObjectNode measurementProtocolBody(boolean importMode, int events) {
            ObjectNode body = NODES.objectNode();
            body.put("client_id", random.nextInt(1_000_000_000) + "." + (1_700_000_000 + random.nextInt(1_000_000)));
            if (random.nextBoolean()) {
                body.put("user_id", "customer-" + random.nextInt(500));
            }
            body.put("timestamp_micros", importMode ? historyMicros() : recentMicros());
            if (random.nextInt(3) == 0) {
                body.set("user_properties", json("{\"tier\":{\"value\":\"gold\"},\"زبان\":{\"value\":\"fa\"}}"));
            }
            if (random.nextInt(3) == 0) {
                body.set("consent", json("{\"ad_user_data\":\"GRANTED\",\"ad_personalization\":\"DENIED\"}"));
            }
            if (random.nextInt(3) == 0) {
                body.set("device", json("{\"category\":\"mobile\"}"));
            }
            ArrayNode list = body.putArray("events");
            for (int i = 0; i < events; i++) {
                list.add(event(EVENT_NAMES.get(random.nextInt(EVENT_NAMES.size()))));
            }
            return body;
        }

        private ObjectNode fullMeasurementProtocolBody() {
            ObjectNode body = NODES.objectNode();
            body.put("client_id", "1864723491." + (1_733_313_600 + serial++));
            body.put("user_id", "customer-42");
            body.put("timestamp_micros", recentMicros());
            body.set("user_properties", json("{\"tier\":{\"value\":\"gold\"}}"));
            body.set("consent", json("{\"ad_user_data\":\"GRANTED\",\"ad_personalization\":\"DENIED\"}"));
            body.set("device", json("{\"category\":\"mobile\"}"));
            ArrayNode events = body.putArray("events");
            events.add(fullPageView());
            events.add(fullPurchase());
            return body;
        }

        private ObjectNode fullPageView() {
            ObjectNode event = NODES.objectNode();
            event.put("name", "page_view");
            ObjectNode params = event.putObject("params");
            params.put("event_id", "gen-" + serial++);
            params.put("ga_session_id", "1733313600");
            params.put("ga_session_number", 2);
            params.put("page_location", "https://shop.example/tea?utm_source=news&utm_medium=email");
            params.put("page_title", "چای");
            params.put("engagement_time_msec", 1200);
            params.put("session_engaged", "1");
            return event;
        }

        private ObjectNode fullPurchase() {
            ObjectNode event = NODES.objectNode();
            event.put("name", "purchase");
            ObjectNode params = event.putObject("params");
            params.put("transaction_id", "T-" + serial++);
            params.put("value", 1250000);
            params.put("currency", "IRR");
            params.put("tax", 1.5);
            params.put("shipping", "2.00");
            params.set("items", json("[{\"item_id\":\"SKU-1\",\"item_name\":\"Tea\",\"price\":625000,"
                    + "\"quantity\":2}]"));
            return event;
        }

        private JsonNode fullCanonicalEvents() {
            ArrayNode events = NODES.arrayNode();
            for (ObjectNode event : List.of(fullPageView(), fullPurchase())) {
                event.put("event_id", "gen-" + serial++);
                event.put("timestamp", historyTime());
                event.put("client_id", "1234." + serial++);
                event.put("user_id", "customer-7");
                event.put("device_category", "desktop");
                events.add(event);
            }
            return events;
        }

        private JsonNode canonicalBody() {
            int count = 1 + random.nextInt(4);
            if (count == 1 && random.nextBoolean()) {
                return canonicalEvent();
            }
            ArrayNode events = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                events.add(canonicalEvent());
            }
            return events;
        }

        private ObjectNode canonicalEvent() {
            ObjectNode event = event(EVENT_NAMES.get(random.nextInt(EVENT_NAMES.size())));
            if (random.nextBoolean()) {
                event.put("event_id", "gen-" + serial++);
            }
            if (random.nextInt(4) == 0) {
                event.put("timestamp_micros", historyMicros());
            } else {
                event.put("timestamp", historyTime());
            }
            event.put("client_id", "c-" + random.nextInt(2_000));
            if (random.nextBoolean()) {
                event.put("user_id", "u-" + random.nextInt(300));
            }
            if (random.nextBoolean()) {
                event.put("device_category", List.of("desktop", "mobile", "tablet").get(random.nextInt(3)));
            }
            return event;
        }

        private ObjectNode collectRequest() {
            boolean canonical = random.nextBoolean();
            ObjectNode request = collectEnvelope(canonical ? "canonical" : "mp", canonical);
            request.set("body", canonical ? canonicalBody() : measurementProtocolBody(false, 1 + random.nextInt(4)));
            return request;
        }

        private ObjectNode collectEnvelope(String format, boolean importMode) {
            ObjectNode request = NODES.objectNode();
            request.put("measurementId", PROPERTY);
            request.put("apiSecret", SECRET);
            request.put("format", format);
            request.put("importMode", importMode);
            return request;
        }

        private ObjectNode event(String name) {
            ObjectNode event = NODES.objectNode();
            event.put("name", name);
            ObjectNode params = event.putObject("params");
            if (random.nextBoolean()) {
                params.put("event_id", "gen-" + serial++);
            }
            params.put("ga_session_id", Integer.toString(1_700_000_000 + random.nextInt(100_000)));
            switch (name) {
                case "page_view" -> {
                    params.put("page_location", "https://shop.example/p/" + random.nextInt(100)
                            + "?utm_source=news&utm_medium=email&utm_campaign=yalda");
                    params.put("page_title", random.nextBoolean() ? "Tea" : "چای سبز");
                    params.put("ga_session_number", 1 + random.nextInt(5));
                    params.put("engagement_time_msec", random.nextInt(60_000));
                }
                case "purchase" -> {
                    params.put("transaction_id", "T-" + serial++);
                    params.put("value", random.nextInt(100_000) / 100.0);
                    params.put("currency", CURRENCIES.get(random.nextInt(CURRENCIES.size())));
                    ArrayNode items = params.putArray("items");
                    items.addObject().put("item_id", "SKU-" + random.nextInt(50)).put("price", 12.5)
                            .put("quantity", 1 + random.nextInt(3));
                }
                default -> {
                    params.put("method", "email");
                    params.put("label", random.nextBoolean() ? "pro" : "ویژه");
                }
            }
            return event;
        }

        private ArrayNode spendRows(int count) {
            ArrayNode rows = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                ObjectNode row = rows.addObject();
                row.put("date", HISTORY_START.plusDays(random.nextInt(28)).toString());
                row.put("platform", PLATFORMS.get(random.nextInt(PLATFORMS.size())));
                row.put("account", "acc-" + random.nextInt(3));
                row.put("campaign_id", Integer.toString(100 + random.nextInt(20)));
                row.put("campaign_name", random.nextBoolean() ? "Spring" : "یلدا");
                int impressions = random.nextInt(10_000);
                row.put("impressions", impressions);
                row.put("clicks", impressions == 0 ? 0 : random.nextInt(impressions));
                if (random.nextBoolean()) {
                    row.put("cost", random.nextInt(100_000) / 100.0);
                } else {
                    row.put("cost", String.format(Locale.ROOT, "%.2f", random.nextInt(100_000) / 100.0));
                }
                row.put("currency", CURRENCIES.get(random.nextInt(CURRENCIES.size())));
                row.put("conversions", random.nextInt(10));
            }
            return rows;
        }

        private ObjectNode fullSpendRow() {
            ObjectNode row = NODES.objectNode();
            row.put("date", HISTORY_START.toString());
            row.put("platform", "google_ads");
            row.put("account", "acc-1");
            row.put("campaign_id", "111");
            row.put("campaign_name", "Spring");
            row.put("ad_group", "Tea");
            row.put("ad", "Ad 1");
            row.put("keyword", "green tea");
            row.put("impressions", 1204);
            row.put("reach", 900);
            row.put("clicks", 38);
            row.put("interactions", 40);
            row.put("cost", "21.07");
            row.put("currency", "USD");
            row.put("conversions", 1.0);
            row.put("conversion_value", "30.00");
            row.put("leads", 2);
            row.set("extra", json("{\"campaign_type\":\"Search\"}"));
            return row;
        }

        /** Builds a body with more events (or spend rows) than one request may carry. */
        private JsonNode manyEvents(Target target) {
            int count = EVENT_COUNTS[random.nextInt(EVENT_COUNTS.length)];
            if (target.isSpend()) {
                return spendRows(Math.min(count, 300));
            }
            ArrayNode events = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                if (i < 30 && random.nextBoolean()) {
                    events.add(event(EVENT_NAMES.get(random.nextInt(EVENT_NAMES.size()))));
                } else {
                    events.add(json("{\"name\":\"view_item\",\"params\":{\"i\":" + i + "}}"));
                }
            }
            ObjectNode measurementProtocol = measurementProtocolBody(false, 0);
            measurementProtocol.set("events", events);
            return switch (target) {
                case MEASUREMENT_PROTOCOL -> measurementProtocol;
                case CANONICAL_EVENTS -> {
                    events.forEach(event -> ((ObjectNode) event).put("client_id", "many-" + random.nextInt(9)));
                    yield events;
                }
                default -> {
                    ObjectNode request = collectEnvelope("mp", false);
                    request.set("body", measurementProtocol);
                    yield request;
                }
            };
        }

        private long recentMicros() {
            return startMicros - random.nextInt(3_600) * 1_000_000L;
        }

        private long historyMicros() {
            return HISTORY_START.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L
                    + (long) random.nextInt(28 * 86_400) * 1_000_000L;
        }

        private String historyTime() {
            Instant time = Instant.ofEpochSecond(historyMicros() / 1_000_000L);
            return random.nextBoolean() ? time.toString()
                    : time.atOffset(ZoneOffset.ofHoursMinutes(3, 30)).toString();
        }

        // Mutations

        private Mutated sweep(Target target, int index) {
            List<JsonPointer> paths = sweepPaths(target);
            JsonPointer path = paths.get(index / WRONG_VALUES.size());
            JsonNode value = WRONG_VALUES.get(index % WRONG_VALUES.size());
            JsonNode body = replace(fullBody(target), path, value.deepCopy());
            return new Mutated("sweep " + pathText(path) + " = " + value, render(target, body, Map.of()));
        }

        Mutated mutate(Family family, Target target, JsonNode body) {
            return switch (family) {
                case VALID -> new Mutated("valid", render(target, body, Map.of()));
                case WRONG_TYPE -> {
                    JsonPointer path = pick(paths(body, node -> true));
                    JsonNode value = WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
                    yield new Mutated(pathText(path) + " = " + value,
                            render(target, replace(body, path, value.deepCopy()), Map.of()));
                }
                case HUGE_STRING -> hugeString(target, body);
                case DEEP_NESTING -> deepNesting(target, body);
                case INVALID_UTF8 -> invalidUtf8(target, body);
                case UNICODE_TEXT -> unicodeText(target, body);
                case SPECIAL_NUMBER -> rawValue(target, body, pickNumberPath(body), SPECIAL_NUMBERS);
                case NEGATIVE_MONEY -> rawValue(target, body, fieldPath(body, MONEY_FIELDS, "value"),
                        NEGATIVE_MONEY);
                case EXTREME_TIME -> extremeTime(target, body);
                case DUPLICATE_KEY -> duplicateKey(target, body);
                case EMPTY_OR_MISSING -> emptyOrMissing(target, body);
                case EMPTY_BODY -> {
                    String text = EMPTY_BODIES.get(random.nextInt(EMPTY_BODIES.size()));
                    yield new Mutated("body " + quote(text), utf8(text));
                }
                case NOT_JSON -> notJson();
                case TRUNCATED -> {
                    byte[] whole = render(target, body, Map.of());
                    int length = random.nextInt(whole.length);
                    yield new Mutated("cut at byte " + length + " of " + whole.length,
                            Arrays.copyOf(whole, length));
                }
                case ARRAY_FOR_OBJECT -> arrayForObject(target, body);
                case TOO_MANY_EVENTS -> new Mutated("many events", render(target, body, Map.of()));
            };
        }

        private Mutated hugeString(Target target, JsonNode body) {
            int length = HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)];
            String unit = HUGE_UNITS[random.nextInt(HUGE_UNITS.length)];
            String huge = unit.repeat(Math.max(1, length / unit.length()));
            if (random.nextInt(4) == 0) {
                ObjectNode object = (ObjectNode) body.at(pick(paths(body, JsonNode::isObject)));
                object.put(huge, "v");
                return new Mutated("key of " + huge.length() + " chars of '" + unit + "'",
                        render(target, body, Map.of()));
            }
            JsonPointer path = pick(paths(body, JsonNode::isTextual));
            return new Mutated(pathText(path) + " = " + huge.length() + " chars of '" + unit + "'",
                    render(target, replace(body, path, TextNode.valueOf(huge)), Map.of()));
        }

        private Mutated deepNesting(Target target, JsonNode body) {
            int depth = NESTING_DEPTHS[random.nextInt(NESTING_DEPTHS.length)];
            boolean arrays = random.nextBoolean();
            String nested = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            if (random.nextInt(5) == 0) {
                String whole = new String(render(target, body, Map.of()), StandardCharsets.UTF_8);
                String wrapped = "[".repeat(depth) + whole + "]".repeat(depth);
                return new Mutated("body inside " + depth + " arrays", utf8(wrapped));
            }
            JsonPointer path = pick(paths(body, node -> true));
            return new Mutated(pathText(path) + " = " + depth + " nested " + (arrays ? "arrays" : "objects"),
                    render(target, replace(body, path, TextNode.valueOf(RAW)), Map.of(RAW, nested)));
        }

        private Mutated invalidUtf8(Target target, JsonNode body) {
            byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
            String where;
            byte[] text;
            int choice = random.nextInt(4);
            if (choice == 0) {
                ObjectNode object = (ObjectNode) body.at(pick(paths(body, JsonNode::isObject)));
                object.put(RAW, "v");
                where = "in a key";
            } else if (choice <= 2) {
                JsonPointer path = pick(paths(body, JsonNode::isTextual));
                replace(body, path, TextNode.valueOf("ab" + RAW + "cd"));
                where = "in " + pathText(path);
            } else {
                where = "at the end";
            }
            text = render(target, body, Map.of());
            if (choice == 3) {
                return new Mutated(hex(bad) + " " + where, concat(text, bad));
            }
            return new Mutated(hex(bad) + " " + where, replaceBytes(text, utf8(RAW), bad));
        }

        private Mutated unicodeText(Target target, JsonNode body) {
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                String text = TRICKY_TEXT.get(random.nextInt(TRICKY_TEXT.size()));
                if (random.nextInt(4) == 0) {
                    JsonPointer path = pick(paths(body, JsonNode::isObject));
                    ((ObjectNode) body.at(path)).put(text, "v");
                    notes.add("key " + quote(text) + " in " + pathText(path));
                } else {
                    JsonPointer path = pick(paths(body, node -> node.isTextual() || node.isNumber()));
                    replace(body, path, TextNode.valueOf(random.nextBoolean() ? text : text + "-" + serial++));
                    notes.add(pathText(path) + " = " + quote(text));
                }
            }
            return new Mutated(String.join(", ", notes), render(target, body, Map.of()));
        }

        private Mutated rawValue(Target target, JsonNode body, JsonPointer path, List<String> tokens) {
            String token = tokens.get(random.nextInt(tokens.size()));
            return new Mutated(pathText(path) + " = " + abbreviate(token),
                    render(target, replace(body, path, TextNode.valueOf(RAW)), Map.of(RAW, token)));
        }

        private Mutated extremeTime(Target target, JsonNode body) {
            JsonPointer path = fieldPath(body, TIME_FIELDS, target.isSpend() ? "date" : "timestamp_micros");
            String field = path.last().getMatchingProperty();
            List<String> tokens = switch (field) {
                case "timestamp_micros" -> EXTREME_MICROS;
                case "timestamp" -> EXTREME_ISO_TIMES.stream().map(Bodies::jsonString).toList();
                default -> EXTREME_DATES.stream().map(Bodies::jsonString).toList();
            };
            return rawValue(target, body, path, tokens);
        }

        private Mutated duplicateKey(Target target, JsonNode body) {
            List<JsonPointer> fields = paths(body, node -> true).stream()
                    .filter(path -> path.last() != null && body.at(path.head()).isObject())
                    .toList();
            JsonPointer path = pick(fields);
            String key = path.last().getMatchingProperty();
            ObjectNode parent = (ObjectNode) body.at(path.head());
            JsonNode second;
            if (key.equals("events") && parent.get(key).isArray()) {
                second = NODES.arrayNode().add(json("{\"name\":\"sign_up\"}")).add(json("{\"name\":\"bad-name\"}"))
                        .add(json("{\"name\":\"login\"}"));
            } else {
                second = random.nextBoolean() ? WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())).deepCopy()
                        : parent.get(key).deepCopy();
            }
            // Jackson, like most parsers, keeps the last of two equal keys.
            JsonNode original = parent.remove(key);
            boolean originalFirst = random.nextBoolean();
            parent.set(DUPLICATE, originalFirst ? original : second);
            parent.set(key, originalFirst ? second : original);
            return new Mutated(pathText(path) + " twice, the last " + abbreviate(parent.get(key).toString()),
                    render(target, body, Map.of("\"" + DUPLICATE + "\"", jsonString(key))));
        }

        private Mutated emptyOrMissing(Target target, JsonNode body) {
            int choice = random.nextInt(4);
            if (choice == 0) {
                JsonPointer path = pick(paths(body, node -> true).stream().filter(p -> p.last() != null).toList());
                JsonNode parent = body.at(path.head());
                if (parent instanceof ObjectNode object) {
                    object.remove(path.last().getMatchingProperty());
                } else {
                    ((ArrayNode) parent).remove(path.last().getMatchingIndex());
                }
                return new Mutated("removed " + pathText(path), render(target, body, Map.of()));
            }
            Predicate<JsonNode> kind = choice == 1 ? JsonNode::isTextual : choice == 2 ? JsonNode::isObject
                    : JsonNode::isArray;
            List<JsonNode> empties = List.of(TextNode.valueOf(""), NODES.objectNode(), NODES.arrayNode());
            List<JsonPointer> candidates = paths(body, kind);
            JsonPointer path = candidates.isEmpty() ? JsonPointer.empty() : pick(candidates);
            JsonNode empty = empties.get(choice - 1);
            return new Mutated(pathText(path) + " = " + empty, render(target, replace(body, path, empty), Map.of()));
        }

        private Mutated notJson() {
            int choice = random.nextInt(3);
            if (choice == 0) {
                byte[] bytes = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(bytes);
                return new Mutated(bytes.length + " random bytes", bytes);
            }
            if (choice == 1) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 1 + random.nextInt(500); i++) {
                    text.append((char) (32 + random.nextInt(95)));
                }
                return new Mutated("random printable text", utf8(text.toString()));
            }
            String text = NOT_JSON.get(random.nextInt(NOT_JSON.size()));
            return new Mutated("body " + quote(text), utf8(text));
        }

        private Mutated arrayForObject(Target target, JsonNode body) {
            if (random.nextInt(4) == 0) {
                List<JsonPointer> arrays = paths(body, JsonNode::isArray);
                if (!arrays.isEmpty()) {
                    JsonPointer path = pick(arrays);
                    ObjectNode object = NODES.objectNode();
                    JsonNode array = body.at(path);
                    for (int i = 0; i < array.size(); i++) {
                        object.set(Integer.toString(i), array.get(i));
                    }
                    return new Mutated(pathText(path) + " as an object",
                            render(target, replace(body, path, object), Map.of()));
                }
            }
            JsonPointer path = pick(paths(body, JsonNode::isObject));
            JsonNode object = body.at(path);
            ArrayNode array = NODES.arrayNode().add(object.deepCopy());
            if (random.nextBoolean()) {
                array.add(object.deepCopy());
            }
            return new Mutated(pathText(path) + " in an array of " + array.size(),
                    render(target, replace(body, path, array), Map.of()));
        }

        // Helpers

        /** Writes the body as the target takes it: spend rows as an array or one object per line. */
        private byte[] render(Target target, JsonNode body, Map<String, String> raw) {
            String text;
            if (target.isSpend() && body.isArray() && random.nextInt(3) == 0) {
                StringBuilder lines = new StringBuilder();
                body.forEach(row -> lines.append(write(row)).append('\n'));
                text = lines.toString();
            } else {
                text = write(body);
            }
            for (Map.Entry<String, String> replacement : raw.entrySet()) {
                String marker = replacement.getKey().startsWith("\"") ? replacement.getKey()
                        : "\"" + replacement.getKey() + "\"";
                text = text.replace(marker, replacement.getValue());
            }
            return utf8(text);
        }

        private static String write(JsonNode node) {
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not write a generated body", e);
            }
        }

        /** Encodes JSON text as UTF-8, writing an unpaired surrogate as a JSON escape so that it survives. */
        static byte[] utf8(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    escaped.append(c).append(text.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    escaped.append(c);
                }
            }
            return escaped.toString().getBytes(StandardCharsets.UTF_8);
        }

        private JsonPointer pickNumberPath(JsonNode body) {
            List<JsonPointer> numbers = paths(body, JsonNode::isNumber);
            return numbers.isEmpty() || random.nextInt(4) == 0 ? pick(paths(body, node -> true)) : pick(numbers);
        }

        /**
         * Returns the path of a field named in {@code names}. When the body has none, and in one call of five anyway, adds
         * {@code fallback} to a random event's params (or spend row) and returns its path.
         */
        private JsonPointer fieldPath(JsonNode body, Set<String> names, String fallback) {
            List<JsonPointer> found = paths(body, node -> true).stream()
                    .filter(path -> path.last() != null && names.contains(path.last().getMatchingProperty()))
                    .toList();
            if (!found.isEmpty() && random.nextInt(5) != 0) {
                return pick(found);
            }
            List<JsonPointer> owners = paths(body, node -> node.isObject()
                    && (node.has("name") || node.has("platform")));
            if (owners.isEmpty()) {
                owners = paths(body, JsonNode::isObject);
            }
            JsonPointer owner = pick(owners);
            ObjectNode target = (ObjectNode) body.at(owner);
            if (target.has("name") && !fallback.startsWith("timestamp")) {
                target = target.withObjectProperty("params");
                owner = owner.append(JsonPointer.compile("/params"));
            }
            target.put(fallback, 0);
            return owner.append(JsonPointer.compile("/" + fallback));
        }

        /** Returns the paths of all nodes under {@code root} that {@code accept} takes, the root as the empty path. */
        static List<JsonPointer> paths(JsonNode root, Predicate<JsonNode> accept) {
            List<JsonPointer> paths = new ArrayList<>();
            collect(root, JsonPointer.empty(), accept, paths);
            return paths;
        }

        private static void collect(JsonNode node, JsonPointer path, Predicate<JsonNode> accept,
                List<JsonPointer> paths) {
            if (accept.test(node)) {
                paths.add(path);
            }
            if (node.isObject()) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    collect(node.get(name), path.appendProperty(name), accept, paths);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(node.get(i), path.appendIndex(i), accept, paths);
                }
            }
        }

        /** Sets the node at {@code path} and returns the body, which is {@code value} itself for the empty path. */
        static JsonNode replace(JsonNode body, JsonPointer path, JsonNode value) {
            if (path.matches()) {
                return value;
            }
            JsonNode parent = body.at(path.head());
            if (parent instanceof ObjectNode object) {
                object.set(path.last().getMatchingProperty(), value);
            } else if (parent instanceof ArrayNode array) {
                array.set(path.last().getMatchingIndex(), value);
            }
            return body;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private static String pathText(JsonPointer path) {
            return path.matches() ? "the body" : abbreviate(path.toString());
        }

        private static String jsonString(String text) {
            return write(TextNode.valueOf(text));
        }

        private static String quote(String text) {
            return abbreviate(jsonString(text));
        }

        private static String abbreviate(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }

        private static String hex(byte[] bytes) {
            StringBuilder out = new StringBuilder();
            for (byte b : bytes) {
                out.append(out.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
            return out.toString();
        }

        private static byte[] concat(byte[] first, byte[] second) {
            byte[] joined = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, joined, first.length, second.length);
            return joined;
        }

        /** Replaces every occurrence of {@code marker} in {@code text}. */
        private static byte[] replaceBytes(byte[] text, byte[] marker, byte[] replacement) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
            int i = 0;
            while (i < text.length) {
                if (i + marker.length <= text.length
                        && Arrays.equals(text, i, i + marker.length, marker, 0, marker.length)) {
                    out.writeBytes(replacement);
                    i += marker.length;
                } else {
                    out.write(text[i++]);
                }
            }
            return out.toByteArray();
        }

        private static JsonNode json(String text) {
            try {
                return MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Invalid JSON in the generator: " + text, e);
            }
        }
    }
}
