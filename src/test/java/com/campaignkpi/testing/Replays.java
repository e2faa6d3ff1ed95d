package com.campaignkpi.testing;

import com.campaignkpi.replay.Batcher;
import com.campaignkpi.replay.ReadResult;
import com.campaignkpi.replay.ReplayClient;
import com.campaignkpi.replay.ReplayFormat;
import com.campaignkpi.replay.ReplaySummary;
import com.campaignkpi.replay.ReplayTarget;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Registers a property and replays an export through the running server's webhooks, as the demo does. */
public final class Replays {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private Replays() {
    }

    public static void registerProperty(String property, String timeZone, String secret) {
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("property", property, "timeZone", timeZone, "apiSecret", secret,
                        "adminToken", ADMIN_TOKEN))
                .post("/property")
                .then()
                .statusCode(200);
    }

    public static ReplaySummary replay(URI baseUrl, String property, String secret, Path file, ReplayFormat format)
            throws IOException {
        ReadResult read = format.reader().read(file);
        ReplayTarget target = new ReplayTarget(baseUrl, property, secret);
        ReplayClient client = new ReplayClient(target, 4, Duration.ofMillis(100), null, false);
        return client.replay(Batcher.batch(format.endpoint(), read.events()));
    }

    /** Fetches a snapshot as a parsed JSON map. */
    public static Map<String, Object> snapshot(Map<String, Object> request) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(request)
                .post("/snapshot")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> groups(Map<String, Object> snapshot) {
        return (List<Map<String, Object>>) snapshot.get("groups");
    }

    @SuppressWarnings("unchecked")
    public static Object kpiValue(Map<String, Object> kpiContainer, String id) {
        Map<String, Object> kpis = (Map<String, Object>) kpiContainer.get("kpis");
        return ((Map<String, Object>) kpis.get(id)).get("value");
    }
}
