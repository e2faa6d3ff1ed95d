package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API Gateway functions: {@code api-snapshot} through the mock event server as exported, and the other routes
 * through their adapter methods with the same HTTP API events.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
@TestProfile(FunctionProfile.SnapshotApi.class)
class SnapshotApiFunctionTest {

    private static final String PROPERTY = "G-APIREAD1";
    /** The admin token of the test profile in application.properties. */
    private static final String ADMIN_TOKEN = "test-admin-token";

    @Inject
    PropertyStore properties;

    @Inject
    ApiFunctions api;

    @Inject
    ObjectMapper mapper;

    @Test
    void snapshotRouteNeedsAdminToken() throws Exception {
        properties.save(new Property(PROPERTY, ZoneId.of("Asia/Tehran"), Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of()));
        String body = "{\"property\":\"" + PROPERTY + "\",\"from\":\"2026-03-20\",\"to\":\"2026-03-21\"}";

        JsonNode anonymous = invoke(event("POST", "/snapshot", Map.of(), null, body));
        assertEquals(401, anonymous.get("statusCode").asInt());
        assertEquals("Authorization", mapper.readTree(anonymous.get("body").asText()).get("field").asText());

        StoreCalls.clear();
        JsonNode posted = invoke(event("POST", "/snapshot", Map.of("authorization", "Bearer " + ADMIN_TOKEN), null,
                body));
        Set<String> calls = StoreCalls.recorded();
        assertEquals(200, posted.get("statusCode").asInt(), posted.toString());
        JsonNode snapshot = mapper.readTree(posted.get("body").asText());
        assertEquals("Asia/Tehran", snapshot.get("timeZone").asText());
        assertEquals(0, snapshot.at("/kpis/sessions/value").asInt());
        assertEquals(Set.of(), TemplatePolicies.outside("SnapshotApiFunction", calls));

        JsonNode got = invoke(event("GET", "/snapshot", Map.of("authorization", "Bearer " + ADMIN_TOKEN),
                Map.of("property", PROPERTY, "from", "2026-03-20", "to", "2026-03-21"), null));
        assertEquals(200, got.get("statusCode").asInt());
        assertEquals(snapshot.get("computedAt"), mapper.readTree(got.get("body").asText()).get("computedAt"),
                "the GET reads the snapshot the POST stored");

        JsonNode csv = invoke(event("GET", "/export/snapshot.csv", Map.of("authorization", "Bearer " + ADMIN_TOKEN),
                Map.of("property", PROPERTY, "from", "2026-03-20", "to", "2026-03-21"), null));
        assertEquals(200, csv.get("statusCode").asInt(), csv.toString());
        assertEquals("text/csv; charset=utf-8", csv.at("/headers/Content-Type").asText());
        assertTrue(csv.get("body").asText().startsWith("property,from,to,time_zone,group_by,group,kpi,value,"),
                csv.get("body").asText());
        assertTrue(csv.get("body").asText().contains("G-APIREAD1,2026-03-20,2026-03-21,Asia/Tehran,,,sessions,0,"),
                csv.get("body").asText());
        JsonNode csvAnonymous = invoke(event("GET", "/export/snapshot.csv", Map.of(),
                Map.of("property", PROPERTY, "from", "2026-03-20", "to", "2026-03-21"), null));
        assertEquals(401, csvAnonymous.get("statusCode").asInt());
        assertEquals("application/json", csvAnonymous.at("/headers/Content-Type").asText());

        properties.save(new Property("G-APIREAD2", ZoneId.of("UTC"), Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of(), List.of(), null,
                List.of(Secrets.sha256Hex("dashboard-read-key-2"))));
        Map<String, String> range = Map.of("property", "G-APIREAD2", "from", "2026-03-20", "to", "2026-03-21");
        assertEquals(200, invoke(event("GET", "/snapshot", Map.of("authorization", "Bearer dashboard-read-key-2"),
                range, null)).get("statusCode").asInt());
        assertEquals(401, invoke(event("GET", "/snapshot", Map.of("authorization", "Bearer dashboard-read-key-9"),
                range, null)).get("statusCode").asInt());
        assertEquals(401, invoke(event("GET", "/snapshot", Map.of("authorization", "Bearer dashboard-read-key-2"),
                Map.of("property", PROPERTY, "from", "2026-03-20", "to", "2026-03-21"), null))
                .get("statusCode").asInt(), "a key of one property does not read another");

        JsonNode broken = invoke(event("POST", "/snapshot", Map.of("authorization", "Bearer " + ADMIN_TOKEN), null,
                "{\"property\":"));
        assertEquals(400, broken.get("statusCode").asInt());
        JsonNode backwards = invoke(event("POST", "/snapshot", Map.of("authorization", "Bearer " + ADMIN_TOKEN),
                null, "{\"property\":\"" + PROPERTY + "\",\"from\":\"2026-03-21\",\"to\":\"2026-03-20\"}"));
        assertEquals("{\"status\":400,\"error\":\"to 2026-03-20 is before from 2026-03-21\",\"field\":\"to\"}",
                backwards.get("body").asText());
    }

    @Test
    void otherRoutesMatchHttpServer() throws Exception {
        HttpApiResponse kpis = api.kpis(request("GET", "/kpis", Map.of(), null, null));
        assertEquals(200, kpis.statusCode());
        assertTrue(kpis.body().contains("\"id\":\"engagement_rate\""), kpis.body());

        HttpApiResponse created = api.property(request("POST", "/property", Map.of(), null,
                "{\"property\":\"G-APIADMIN1\",\"timeZone\":\"Europe/Berlin\",\"apiSecret\":\"admin-made-secret\","
                        + "\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("Europe/Berlin", properties.find("G-APIADMIN1").orElseThrow().timeZone().getId());
        HttpApiResponse rejected = api.property(request("POST", "/property", Map.of(), null,
                "{\"property\":\"G-APIADMIN2\",\"apiSecret\":\"x\",\"adminToken\":\"guess\"}"));
        assertEquals(401, rejected.statusCode());

        HttpApiResponse imported = api.spend(request("POST", "/spend/import", Map.of(),
                Map.of("measurement_id", "G-APIADMIN1", "api_secret", "admin-made-secret", "format", "canonical"),
                "[{\"date\":\"2026-03-20\",\"platform\":\"google_ads\",\"campaign_name\":\"Spring\","
                        + "\"impressions\":1000,\"clicks\":25,\"cost\":\"12.50\",\"currency\":\"EUR\"}]"));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(1, mapper.readTree(imported.body()).get("rows").asInt(), imported.body());
        HttpApiResponse goalKpis = api.goalKpis(request("GET", "/goal-kpis", Map.of(), null, null));
        assertEquals(200, goalKpis.statusCode());
        assertTrue(goalKpis.body().contains("\"branded_searches\""), goalKpis.body());
        HttpApiResponse goals = api.goals(request("POST", "/goals", Map.of(), null, "{\"action\":\"list\","
                + "\"property\":\"G-APIADMIN1\",\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        assertEquals(200, goals.statusCode(), goals.body());
        assertEquals("[]", goals.body());
        HttpApiResponse alerts = api.alerts(request("GET", "/alerts", Map.of("authorization", "Bearer "
                + ADMIN_TOKEN), Map.of("property", "G-APIADMIN1", "limit", "5"), null));
        assertEquals(200, alerts.statusCode(), alerts.body());
        assertEquals("[]", alerts.body());
        assertEquals(400, api.alerts(request("GET", "/alerts", Map.of("authorization", "Bearer " + ADMIN_TOKEN),
                Map.of("property", "G-APIADMIN1", "limit", "ten"), null)).statusCode());

        HttpApiResponse unauthorised = api.spend(request("POST", "/spend/import", Map.of(),
                Map.of("measurement_id", "G-APIADMIN1", "api_secret", "wrong"), "[]"));
        assertEquals(401, unauthorised.statusCode());
    }

    @Test
    void alertsNeedReadKeyOrAdminToken() {
        HttpApiResponse created = api.property(request("POST", "/property", Map.of(), null,
                "{\"property\":\"G-APIALERTS1\",\"apiSecret\":\"alerts-api-secret\","
                        + "\"readKeys\":[\"apialerts1-read-key\"],\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        assertEquals(200, created.statusCode(), created.body());
        HttpApiResponse open = api.property(request("POST", "/property", Map.of(), null,
                "{\"property\":\"G-APIALERTS2\",\"apiSecret\":\"alerts-api-secret\","
                        + "\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        assertEquals(200, open.statusCode(), open.body());

        HttpApiResponse byKey = api.alerts(request("GET", "/alerts", Map.of("authorization",
                "Bearer apialerts1-read-key"), Map.of("property", "G-APIALERTS1"), null));
        assertEquals(200, byKey.statusCode(), byKey.body());
        HttpApiResponse inBody = api.alerts(request("POST", "/alerts", Map.of(), null,
                "{\"property\":\"G-APIALERTS1\",\"readKey\":\"apialerts1-read-key\"}"));
        assertEquals(200, inBody.statusCode(), inBody.body());
        HttpApiResponse otherProperty = api.alerts(request("GET", "/alerts", Map.of("authorization",
                "Bearer apialerts1-read-key"), Map.of("property", "G-APIALERTS2"), null));
        assertEquals(401, otherProperty.statusCode(), otherProperty.body());
        // On the internet a property without read keys is not open: only the admin token reads it.
        HttpApiResponse noKey = api.alerts(request("POST", "/alerts", Map.of(), null,
                "{\"property\":\"G-APIALERTS2\"}"));
        assertEquals(401, noKey.statusCode(), noKey.body());
        HttpApiResponse admin = api.alerts(request("GET", "/alerts", Map.of("authorization",
                "Bearer " + ADMIN_TOKEN), Map.of("property", "G-APIALERTS2"), null));
        assertEquals(200, admin.statusCode(), admin.body());
    }

    @Test
    void eraseRemovesPropertyWithinItsPolicy() throws Exception {
        HttpApiResponse created = api.property(request("POST", "/property", Map.of(), null,
                "{\"property\":\"G-APIERASE1\",\"apiSecret\":\"erase-api-secret\","
                        + "\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        assertEquals(200, created.statusCode(), created.body());
        HttpApiResponse visitor = api.erase(request("POST", "/erase", Map.of(), null,
                "{\"property\":\"G-APIERASE1\",\"clientIds\":[\"c1\"],\"userIds\":[\"u1\"],"
                        + "\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        assertEquals(200, visitor.statusCode(), visitor.body());

        HttpApiResponse erased = api.erase(request("POST", "/erase", Map.of(), null,
                "{\"property\":\"G-APIERASE1\",\"wholeProperty\":true,\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));

        assertEquals(200, erased.statusCode(), erased.body());
        assertEquals("property", mapper.readTree(erased.body()).get("scope").asText());
        assertTrue(properties.find("G-APIERASE1").isEmpty(), "the property is gone");
        assertEquals(401, api.erase(request("POST", "/erase", Map.of(), null,
                "{\"property\":\"G-APIERASE1\",\"wholeProperty\":true,\"adminToken\":\"guess\"}"))
                .statusCode());
    }

    private ObjectNode event(String method, String path, Map<String, String> headers, Map<String, String> query,
            String body) {
        return mapper.valueToTree(request(method, path, headers, query, body));
    }

    private static HttpApiRequest request(String method, String path, Map<String, String> headers,
            Map<String, String> query, String body) {
        return new HttpApiRequest(method + " " + path, path, headers, query, body, false,
                new HttpApiRequest.RequestContext("api-request-2", new HttpApiRequest.Http(method, path)));
    }

    private JsonNode invoke(ObjectNode event) throws Exception {
        HttpResponse<String> response = MockEventServer.invoke(mapper.writeValueAsString(event));
        assertEquals(200, response.statusCode(), response.body());
        return mapper.readTree(response.body());
    }
}
