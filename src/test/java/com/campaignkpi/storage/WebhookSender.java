package com.campaignkpi.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Posts canonical events to the running server's {@code /events} webhook with {@code import=true}, as a sender
 * that replays history does, and reads the outcome of each event from the response. Safe for concurrent use.
 */
final class WebhookSender {

    /** Prefix the server puts before an {@code event_id} chosen by the sender to make the stored event id. */
    static final String SENDER_ID_PREFIX = "id:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * One response.
     *
     * @param retryAfter the Retry-After header, or null
     * @param body the body parsed as JSON, or null when it is not JSON
     */
    record Reply(int status, String retryAfter, String text, JsonNode body) {

        /** Maps the stored event id of each event that the server accepted or found stored to that status. */
        Map<String, String> outcomes() {
            Map<String, String> outcomes = new LinkedHashMap<>();
            if (status != 200 || body == null) {
                return outcomes;
            }
            for (JsonNode result : body.path("results")) {
                String outcome = result.path("status").asText();
                if (outcome.equals("accepted") || outcome.equals("duplicate")) {
                    outcomes.put(result.path("eventId").asText(), outcome);
                }
            }
            return outcomes;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI eventsUri;

    WebhookSender(URI baseUri, String property, String secret) {
        this.eventsUri = baseUri.resolve("/events?measurement_id=" + encode(property) + "&api_secret="
                + encode(secret) + "&import=true");
    }

    /** Posts {@code body} once and returns the response. */
    Reply post(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(eventsUri)
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode parsed;
        try {
            parsed = JSON.readTree(response.body());
        } catch (IOException notJson) {
            parsed = null;
        }
        return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.body(), parsed);
    }

    /**
     * Builds a canonical body with one event per id, each at a time on {@code day} (UTC) derived from its id.
     * Every fifth event or so is a purchase, and the events share three clients and three customers, so a request also
     * makes up to six UpdateItem calls on the visitors table.
     */
    static String canonicalBody(List<String> eventIds, LocalDate day) {
        ArrayNode events = JSON.createArrayNode();
        long noon = ChronoUnit.MICROS.between(Instant.EPOCH, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        for (String eventId : eventIds) {
            int hash = Math.floorMod(eventId.hashCode(), 1_000_000);
            ObjectNode event = events.addObject();
            event.put("event_id", eventId);
            event.put("timestamp_micros", noon + hash * 1_000L);
            event.put("client_id", "client-" + (hash % 3));
            ObjectNode params = event.putObject("params");
            params.put("ga_session_id", Integer.toString(hash % 3));
            params.put("page_location", "https://shop.example/p/" + hash);
            if (hash % 5 == 0) {
                event.put("name", "purchase");
                event.put("user_id", "customer-" + (hash % 3));
                params.put("transaction_id", eventId);
                params.put("value", 10.5);
                params.put("currency", "EUR");
            } else {
                event.put("name", "page_view");
            }
        }
        return events.toString();
    }

    /**
     * Counts the stored items of each event id in {@code property}'s events partitions of {@code days}, so an
     * event stored under two keys counts twice.
     */
    static Map<String, Integer> storedCounts(DynamoDbClient dynamo,
            String eventsTable, String property, Set<LocalDate> days) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LocalDate day : days) {
            String partitionKey = property + "#" + day;
            for (Map<String, AttributeValue> item : DynamoQueries.partition(dynamo, eventsTable, partitionKey)) {
                counts.merge(item.get("sk").s(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
