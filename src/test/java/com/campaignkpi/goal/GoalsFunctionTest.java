package com.campaignkpi.goal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code goals} function over HTTP on purchases the test stores. Product SKU-X sold 4 × 100 EUR from 2 April to
 * 1 May 2026, 5 × 100 EUR from 2 to 31 May (the baseline), and 3 × 100 EUR from 1 to 15 June. A goal of 20 % more
 * sales in June therefore aims at 600 EUR and is at 300 EUR on 15 June: exactly on the straight-line pace.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class GoalsFunctionTest {

    private static final String PROPERTY = "G-GOALS1";
    private static final String SECRET = "goals-secret-1";
    private static final String ADMIN_TOKEN = "test-admin-token";

    private static boolean stored;

    @Inject
    PropertyStore properties;

    @Inject
    CollectService collector;

    @BeforeEach
    void storePurchases() {
        if (stored) {
            return;
        }
        properties.save(new Property(PROPERTY, ZoneOffset.UTC, Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET))));
        int client = 0;
        for (String day : List.of("2026-04-05", "2026-04-12", "2026-04-19", "2026-04-26",
                "2026-05-03", "2026-05-10", "2026-05-17", "2026-05-24", "2026-05-31",
                "2026-06-02", "2026-06-08", "2026-06-14")) {
            purchase("c" + client++, day, "SKU-X", "100.00");
        }
        purchase("c" + client, "2026-06-10", "SKU-Y", "999.00");
        stored = true;
    }

    @Test
    void productGoalProgressAndFindings() {
        ValidatableResponse created = goals("create", Map.of("goal", skuGoal(), "today", "2026-06-15"))
                .statusCode(200)
                .body("", hasSize(1));

        created.body("[0].goal.kpi", equalTo("item_revenue"))
                .body("[0].goal.scope.kind", equalTo("product"))
                .body("[0].progress.asOf", equalTo("2026-06-15"))
                .body("[0].progress.daysElapsed", equalTo(15))
                .body("[0].progress.daysTotal", equalTo(30))
                .body("[0].progress.baseline", equalTo(500.0f))
                .body("[0].progress.current", equalTo(300.0f))
                .body("[0].progress.target", equalTo(600.0f))
                .body("[0].progress.expectedByToday", equalTo(300.0f))
                .body("[0].progress.projectedAtDeadline", equalTo(600.0f))
                .body("[0].progress.shareDone", equalTo(0.5f))
                .body("[0].progress.status", equalTo("on_track"))
                .body("[0].findings", hasSize(1))
                .body("[0].findings[0].criterion", equalTo("achievable"))
                .body("[0].findings[0].message", equalTo("The goal needs +20.0 %; the largest change between "
                        + "consecutive 30-day periods in the 4 before it was +25.0 %, so the history has seen a "
                        + "change this large"));
        String id = created.extract().path("[0].goal.id");

        goals("get", Map.of("goalId", id, "today", "2026-07-01")).statusCode(200)
                .body("[0].progress.status", equalTo("missed"))
                .body("[0].progress.asOf", equalTo("2026-06-30"))
                .body("[0].progress.current", equalTo(300.0f));
        goals("get", Map.of("goalId", id, "today", "2026-05-20")).statusCode(200)
                .body("[0].progress.status", equalTo("not_started"));
        goals("list", Map.of("today", "2026-06-15")).statusCode(200)
                .body("goal.id", org.hamcrest.Matchers.hasItem(id));

        goals("delete", Map.of("goalId", id)).statusCode(200).body("[0].goal.id", equalTo(id));
        goals("get", Map.of("goalId", id)).statusCode(404).body("field", equalTo("goalId"));
    }

    @Test
    void sessionsGoalAchievedEarly() {
        Map<String, Object> goal = new LinkedHashMap<>(skuGoal());
        goal.put("name", "Three June visits");
        goal.put("type", "traffic");
        goal.put("kpi", "sessions");
        goal.put("scope", Map.of("kind", "property"));
        goal.put("target", Map.of("kind", "absolute", "value", 3));

        goals("create", Map.of("goal", goal, "today", "2026-06-15")).statusCode(200)
                .body("[0].progress.current", equalTo(4))
                .body("[0].progress.status", equalTo("achieved"))
                .body("[0].findings", hasSize(1))
                .body("[0].findings[0].criterion", equalTo("achievable"));
    }

    @Test
    void offListKpiIsRelevanceWarning() {
        Map<String, Object> goal = new LinkedHashMap<>(skuGoal());
        goal.put("name", "Page views for a sales goal");
        goal.put("kpi", "page_views");
        goal.put("scope", Map.of("kind", "property"));

        goals("create", Map.of("goal", goal, "today", "2026-06-15")).statusCode(200)
                .body("[0].findings[0].criterion", equalTo("relevant"))
                .body("[0].findings[0].level", equalTo("warning"))
                .body("[0].findings[0].message", equalTo("page_views is not among the KPIs to watch for a sales "
                        + "goal (revenue, session_conversion_rate, roas, cpa); 'Page views for a sales goal' may be "
                        + "better measured by one of them"));
    }

    @Test
    void relativeGoalOnEmptyBaselineHasReason() {
        Map<String, Object> goal = new LinkedHashMap<>(skuGoal());
        goal.put("scope", Map.of("kind", "product", "value", "SKU-Y"));

        goals("create", Map.of("goal", goal, "today", "2026-06-15")).statusCode(200)
                .body("[0].progress.status", equalTo(null))
                .body("[0].progress.reason", equalTo("no target: the baseline is zero, so a relative target has "
                        + "no value; give an absolute target"));
    }

    @Test
    void smartFailuresNameTheField() {
        Map<String, Object> noDeadline = new LinkedHashMap<>(skuGoal());
        noDeadline.remove("deadline");
        Map<String, Object> unknownKpi = new LinkedHashMap<>(skuGoal());
        unknownKpi.put("scope", Map.of("kind", "property"));
        unknownKpi.put("kpi", "happiness");
        Map<String, Object> noScope = new LinkedHashMap<>(skuGoal());
        noScope.remove("scope");

        goals("create", Map.of("goal", noDeadline)).statusCode(400).body("field", equalTo("goal.deadline"))
                .body("error", equalTo("goal.deadline is missing: a goal needs a last day (time-bound)"));
        goals("create", Map.of("goal", unknownKpi)).statusCode(400).body("field", equalTo("goal.kpi"));
        goals("create", Map.of("goal", noScope)).statusCode(400).body("field", equalTo("goal.scope"));
        goals("fly", Map.of()).statusCode(400).body("field", equalTo("action"));
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "list", "property", PROPERTY, "adminToken", "guess"))
                .post("/goals").then().statusCode(401);
    }

    @Test
    void snapshotCarriesGoalProgress() {
        Map<String, Object> goal = new LinkedHashMap<>(skuGoal());
        goal.put("name", "Snapshot goal");
        goals("create", Map.of("goal", goal, "today", "2026-06-15")).statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "2026-06-01", "to", "2026-06-15"))
                .post("/snapshot")
                .then().statusCode(200)
                .body("goals.find { it.goal.name == 'Snapshot goal' }.progress.asOf", equalTo("2026-06-15"))
                .body("goals.find { it.goal.name == 'Snapshot goal' }.progress.current", equalTo(300.0f))
                .body("goals.find { it.goal.name == 'Snapshot goal' }.progress.status", equalTo("on_track"))
                .body("goalKpis.sales", equalTo(List.of("revenue", "session_conversion_rate", "roas", "cpa")));
    }

    @Test
    void kpisToWatchPerType() {
        given().get("/goal-kpis").then().statusCode(200)
                .body("type", equalTo(List.of("traffic", "sales", "awareness", "leads", "retention")))
                .body("[0].kpis.id", equalTo(List.of("sessions", "bounce_rate", "traffic_sources")))
                .body("[1].kpis.id", equalTo(List.of("revenue", "session_conversion_rate", "roas", "cpa")))
                .body("[2].kpis.id", equalTo(List.of("reach", "engagement_rate", "branded_searches")))
                .body("[3].kpis.id", equalTo(List.of("session_conversion_rate", "cpa", "cac")))
                .body("[4].kpis.id", equalTo(List.of("return_rate", "clv")));
    }

    private static Map<String, Object> skuGoal() {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("name", "SKU-X sales up 20 % in June");
        goal.put("type", "sales");
        goal.put("kpi", "item_revenue");
        goal.put("target", Map.of("kind", "relative", "value", 0.20));
        goal.put("scope", Map.of("kind", "product", "value", "SKU-X"));
        goal.put("start", "2026-06-01");
        goal.put("deadline", "2026-06-30");
        return goal;
    }

    private static ValidatableResponse goals(String action, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("action", action);
        body.put("property", PROPERTY);
        body.put("adminToken", ADMIN_TOKEN);
        return given().contentType(ContentType.JSON).body(body).post("/goals").then();
    }

    private void purchase(String clientId, String day, String item, String price) {
        long micros = EpochMicros.of(LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC));
        String body = "{\"client_id\":\"" + clientId + "\",\"events\":[{\"name\":\"purchase\",\"timestamp_micros\":"
                + micros + ",\"params\":{\"transaction_id\":\"T-" + clientId + "\",\"currency\":\"EUR\",\"value\":"
                + price + ",\"items\":[{\"item_id\":\"" + item + "\",\"price\":" + price + ",\"quantity\":1}]}}]}";
        collector.collect(new CollectCommand(PROPERTY, SECRET, Endpoint.MEASUREMENT_PROTOCOL, true,
                body.getBytes(StandardCharsets.UTF_8)));
    }
}
