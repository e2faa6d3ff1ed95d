package com.campaignkpi.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 with a free port that records requests and responds through a handler. */
final class FakeServer implements AutoCloseable {

    /**
     * A received request.
     *
     * @param query       the raw query, still percent-encoded, or null
     * @param body        the body decoded as UTF-8
     * @param bodyBytes   the body as sent
     * @param contentType the Content-Type header, or null
     */
    record Request(String path, String query, String body, byte[] bodyBytes, String contentType) {
    }

    /** A scripted response: status and body. */
    record Answer(int status, String body) {
    }

    /** Computes the response to a request; the index counts requests from 0. */
    interface Handler {
        Answer answer(Request request, int index) throws Exception;
    }

    static {
        // Without TCP_NODELAY each small response waits for a delayed ACK, about 40 ms on Linux, which turns the
        // 1,843 requests of the sample replay into 20 s. The JDK server reads this property once, when first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> handle(exchange, handler));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                new String(bytes, StandardCharsets.UTF_8), bytes,
                exchange.getRequestHeaders().getFirst("Content-Type"));
        int index;
        synchronized (requests) {
            requests.add(request);
            index = requests.size() - 1;
        }
        Answer answer;
        try {
            answer = handler.answer(request, index);
        } catch (Exception e) {
            answer = new Answer(500, "{\"error\":\"" + e + "\"}");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Returns the answer of a server that accepts every event of the body. */
    static Answer acceptAll(Request request) throws IOException {
        int events = JsonValues.READER.readTree(request.body()).path("events").size();
        if (events == 0) {
            events = JsonValues.READER.readTree(request.body()).size();
        }
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < events; i++) {
            results.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"status\":\"accepted\"}");
        }
        return new Answer(200, "{\"accepted\":" + events + ",\"duplicates\":0,\"rejected\":0,\"results\":["
                + results + "]}");
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
