package com.campaignkpi.lambda;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Invokes the exported function through Quarkus's mock Lambda event server, the way the Lambda service hands an
 * event to the runtime: the function reads the event from the runtime API and posts its response back.
 */
final class MockEventServer {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MockEventServer() {
    }

    /** Sends {@code eventJson} and returns the status and body of the function's response. */
    static HttpResponse<String> invoke(String eventJson) {
        String api = ConfigProvider.getConfig().getValue("quarkus-internal.aws-lambda.test-api", String.class);
        URI uri = URI.create("http://" + api + "/_lambda_");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The mock event server at " + uri + " did not respond", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while invoking the function", e);
        }
    }
}
