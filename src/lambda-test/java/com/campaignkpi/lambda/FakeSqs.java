package com.campaignkpi.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for SQS. It accepts SendMessage in the SDK's JSON protocol and keeps each request, so a test
 * can pin the exact request the webhook function sends. It returns the MD5 of the body, which the SDK checks, and
 * implements nothing else of SQS.
 */
public class FakeSqs implements QuarkusTestResourceLifecycleManager {

    /** A request as received: the X-Amz-Target header and the JSON body. */
    public record Received(String target, JsonNode body) {
    }

    static final String QUEUE_PATH = "/000000000000/campaign-kpi-ingest";

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static volatile boolean failing;

    private HttpServer server;

    /** Makes every SendMessage fail with HTTP 500, as SQS does on an internal error, until turned off. */
    static void failing(boolean on) {
        failing = on;
    }

    static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    static void clear() {
        RECEIVED.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not open a loopback port for the fake SQS", e);
        }
        server.createContext("/", this::handle);
        server.start();
        // The SQS client takes region and credentials from the default chains, as on Lambda; these are dummies.
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "campaignkpi.queue.endpoint-override", endpoint,
                "campaignkpi.queue.url", endpoint + QUEUE_PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = MAPPER.readTree(exchange.getRequestBody());
        RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body));
        if (failing) {
            byte[] error = "{\"__type\":\"com.amazonaws.sqs#InternalError\",\"message\":\"injected\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(500, error.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(error);
            }
            return;
        }
        String answer = MAPPER.writeValueAsString(Map.of(
                "MessageId", UUID.randomUUID().toString(),
                "MD5OfMessageBody", md5(body.path("MessageBody").asText())));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
