package com.campaignkpi.goal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.alert.Alert;
import com.campaignkpi.alert.AlertRule;
import com.campaignkpi.alert.AlertStore;
import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.storage.TableNames;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Requests a careless or hostile client could send to the goal, alert, schedule, property and snapshot functions
 * over HTTP. Each case expects either 200 for valid input, or a 4xx whose {@code ErrorBody.field} names the offending
 * input field and after which nothing new is stored. No case may end in a 500.
 *
 * <p>Property {@value #OWNER} has 2 sessions from 25 to 31 May 2026 and 2 from 1 to 7 June 2026, so a relative
 * sessions goal for 1 to 7 June has a baseline of 2. Property {@value #OTHER} has no data and must never see the
 * goals or alerts of {@value #OWNER}.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class GoalsHostileTest {

    private static final String ADMIN_TOKEN = "test-admin-token";
    private static final String SECRET = "hostile-secret-1";

    private static final String OWNER = "G-HOSTILE-A";
    private static final String OTHER = "G-HOSTILE-B";
    private static final String SETTINGS = "G-HOSTILE-SET";
    private static final String RUNS = "G-HOSTILE-RUN";
    private static final String LIMITED = "G-HOSTILE-LIMIT";
    private static final String FAR_BASELINE = "G-HOSTILE-FAR";
    private static final String MISSING = "G-HOSTILE-NONE";

    private static final String[] GROUPINGS = {"date", "source", "medium", "source_medium", "campaign",
            "channel_group", "landing_page", "device_category"};

    /** Reads numbers as written, so 1e400 stays 1E+400 instead of becoming an infinite double. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Marks a field that a case leaves out of the request. */
    private static final Object ABSENT = new Object();

    private static final int SHOWN_BODY_CHARS = 400;

    private static boolean stored;
    private static String ownerGoalId;

    @Inject
    PropertyStore properties;

    @Inject
    CollectService collector;

    @Inject
    GoalStore goals;

    @Inject
    AlertStore alerts;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    /**
     * One request and its expected outcome.
     *
     * @param field the expected {@code ErrorBody.field} of a 4xx, or null for a 200
     * @param check further checks of the response, or null
     */
    record Case(String name, String path, String body, int status, String field, Consumer<Response> check) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void storeData() {
        if (stored) {
            return;
        }
        for (String id : List.of(OWNER, OTHER, SETTINGS, RUNS, LIMITED, FAR_BASELINE)) {
            properties.save(new Property(id, ZoneOffset.UTC, Property.DEFAULT_KEY_EVENTS,
                    Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET))));
        }
        pageView("b1", "2026-05-26");
        pageView("b2", "2026-05-28");
        pageView("w1", "2026-06-02");
        pageView("w2", "2026-06-03");

        Response created = post("/goals", json(goalRequest("create", OWNER)));
        assertEquals(200, created.statusCode(), describe(created));
        ownerGoalId = created.jsonPath().getString("[0].goal.id");
        alerts.put(new Alert(OWNER, AlertRule.ROAS_BELOW_1, "campaign:Brand", "2026-06-05", "2026-06-06T00:00:00Z",
                new BigDecimal("0.5"), new BigDecimal("1.0"), "ROAS is 0.50.", "بازگشت هزینه تبلیغ ۰٫۵۰ است.",
                null));
        stored = true;
    }

    // POST /goals

    static Stream<Case> goalCases() {
        String persian = "افزایش ۱۰٪ نشست‌ها در هفته اول خرداد 🚀";
        return Stream.of(
                goal("valid goal", 200, null),
                raw("/goals", "body is a JSON array", "[]", 400, "$"),
                raw("/goals", "body is JSON null", "null", 400, "$"),
                raw("/goals", "body is not JSON", "{\"action\":", 400, "$"),

                goal("action missing", 400, "action", "action", ABSENT),
                goal("action null", 400, "action", "action", null),
                goal("action as object", 400, "action", "action", node("{}")),
                goal("action as array", 400, "action", "action", node("[\"create\"]")),
                goal("action as number", 400, "action", "action", 7),
                goal("action in capitals", 400, "action", "action", "CREATE"),

                goal("property missing", 400, "property", "property", ABSENT),
                goal("property null", 400, "property", "property", null),
                goal("property as array", 400, "property", "property", node("[\"" + OWNER + "\"]")),
                goal("property of 100000 chars", 400, "property", "property", "G".repeat(100_000)),
                goal("property with '#'", 400, "property", "property", OWNER + "#x"),
                goal("property unknown", 404, "property", "property", MISSING),

                goal("adminToken missing", 401, "adminToken", "adminToken", ABSENT),
                goal("adminToken as object", 400, "adminToken", "adminToken", node("{}")),

                goal("goal missing", 400, "goal", "goal", ABSENT),
                goal("goal null", 400, "goal", "goal", null),
                goal("goal as array", 400, "goal", "goal", node("[]")),
                goal("goal as string", 400, "goal", "goal", "sessions up"),

                goal("name missing", 400, "goal.name", "goal.name", ABSENT),
                goal("name blank", 400, "goal.name", "goal.name", "   "),
                goal("name as object", 400, "goal.name", "goal.name", node("{}")),
                goal("name of 100000 chars", 400, "goal.name", "goal.name", "n".repeat(100_000)),
                goal("name Persian with emoji", 200, null, check(response -> assertEquals(persian,
                        response.jsonPath().getString("[0].goal.name"))), "goal.name", persian),
                goal("name of 150 emoji", 200, null, "goal.name", "🚀".repeat(150)),
                raw("/goals", "name with lone surrogate", json(goalRequest("create", OWNER))
                        .replace("Sessions up", "Sessions \\ud800 up"), 400, "goal.name"),

                goal("type null", 400, "goal.type", "goal.type", null),
                goal("type as array", 400, "goal.type", "goal.type", node("[\"traffic\"]")),
                goal("type in capitals", 400, "goal.type", "goal.type", "Traffic"),

                goal("kpi as object", 400, "goal.kpi", "goal.kpi", node("{}")),
                goal("kpi unknown", 400, "goal.kpi", "goal.kpi", "happiness"),
                goal("kpi of 10000 chars", 400, "goal.kpi", "goal.kpi", "k".repeat(10_000)),

                goal("target as array", 400, "goal.target", "goal.target", node("[]")),
                goal("target as string", 400, "goal.target", "goal.target", "0.10"),
                goal("target value missing", 400, "goal.target.value", "goal.target.value", ABSENT),
                goal("target value as string", 200, null, "goal.target.value", "0.10"),
                goal("target value NaN", 400, "goal.target.value", "goal.target.value", "NaN"),
                goal("target value Infinity", 400, "goal.target.value", "goal.target.value", "Infinity"),
                goal("target value word", 400, "goal.target.value", "goal.target.value", "ten"),
                goal("target value as object", 400, "goal.target.value", "goal.target.value", node("{}")),
                goal("relative target 1e400", 400, "goal.target.value", "goal.target.value", node("1e400")),
                goal("absolute target 1e400", 400, "goal.target.value", "goal.target.kind", "absolute",
                        "goal.target.value", node("1e400")),
                // The tracker adds a relative target to 1 exactly, so 1e-100000 costs a 100,001-digit number and
                // 1e-999999999 would cost a billion digits.
                goal("relative target 1e-100000", 400, "goal.target.value", "goal.target.value",
                        node("1e-100000")),
                goal("relative target 1e999999999", 400, "goal.target.value", "goal.target.value",
                        node("1e999999999")),
                goal("absolute target 1e999999999", 400, "goal.target.value", "goal.target.kind", "absolute",
                        "goal.target.value", node("1e999999999")),
                goal("relative target -1", 400, "goal.target.value", "goal.target.value", -1),
                goal("absolute target -1", 400, "goal.target.value", "goal.target.kind", "absolute",
                        "goal.target.value", -1),
                goal("relative target 0", 400, "goal.target.value", "goal.target.value", 0),
                goal("absolute target 0", 200, null, "goal.target.kind", "absolute", "goal.target.value", 0),
                goal("relative target -0.5", 200, null, "goal.target.value", node("-0.5")),
                goal("target kind unknown", 400, "goal.target.kind", "goal.target.kind", "percent"),
                goal("target kind as array", 400, "goal.target.kind", "goal.target.kind", node("[]")),
                goal("baselineFrom without baselineTo", 400, "goal.target.baselineTo",
                        "goal.target.baselineFrom", "2026-05-25"),
                goal("baselineFrom 2026-02-30", 400, "goal.target.baselineFrom",
                        "goal.target.baselineFrom", "2026-02-30", "goal.target.baselineTo", "2026-03-05"),
                goal("baseline after start", 400, "goal.target.baselineTo",
                        "goal.target.baselineFrom", "2026-06-02", "goal.target.baselineTo", "2026-06-03"),
                goal("baseline in 1969 for a 1970 goal", 400, "goal.target.baselineFrom",
                        "goal.start", "1970-01-01", "goal.deadline", "1970-01-31",
                        "goal.target.baselineFrom", "1969-12-01", "goal.target.baselineTo", "1969-12-31"),
                goal("baseline in year 1", 400, "goal.target.baselineFrom",
                        "goal.target.baselineFrom", "0001-01-01", "goal.target.baselineTo", "0001-01-31"),

                goal("scope as array", 400, "goal.scope", "goal.scope", node("[]")),
                goal("scope kind as object", 400, "goal.scope.kind", "goal.scope.kind", node("{}")),
                goal("scope kind unknown", 400, "goal.scope.kind", "goal.scope.kind", "everything"),
                goal("scope value of 10000 chars", 400, "goal.scope.value", "goal.scope",
                        Map.of("kind", "campaign", "value", "c".repeat(10_000))),
                goal("campaign scope without value", 400, "goal.scope.value", "goal.scope",
                        Map.of("kind", "campaign")),
                goal("campaign scope Persian with emoji", 200, null, "goal.scope",
                        Map.of("kind", "campaign", "value", "کمپین نوروز ۱۴۰۵ 🌸")),

                goal("start 0001-01-01", 400, "goal.start", "goal.start", "0001-01-01", "goal.deadline",
                        "0001-01-31"),
                goal("start 2026-02-30", 400, "goal.start", "goal.start", "2026-02-30"),
                goal("start as number", 400, "goal.start", "goal.start", 20260601),
                goal("start as object", 400, "goal.start", "goal.start", node("{}")),
                goal("start in year 10000", 400, "goal.start", "goal.start", "+10000-01-01",
                        "goal.deadline", "+10000-01-07"),
                goal("deadline 9999-12-31", 400, "goal.deadline", "goal.deadline", "9999-12-31"),
                goal("deadline before start", 400, "goal.deadline", "goal.deadline", "2026-05-31"),
                goal("window in December 9999", 200, null, check(response -> assertEquals("not_started",
                        response.jsonPath().getString("[0].progress.status"))),
                        "goal.start", "9999-12-01", "goal.deadline", "9999-12-31"),
                goal("window starts 1970-01-01", 400, "goal.start", "goal.start", "1970-01-01",
                        "goal.deadline", "1970-01-31"),
                goal("window starts 1970-02-01", 200, null, "goal.start", "1970-02-01",
                        "goal.deadline", "1970-02-28"),

                goal("notes of 2001 chars", 400, "goal.notes", "goal.notes", "x".repeat(2001)),
                goal("notes as array", 400, "goal.notes", "goal.notes", node("[]")),

                goal("today yesterday", 400, "today", "today", "yesterday"),
                goal("today 2026-02-30", 400, "today", "today", "2026-02-30"),
                goal("today as object", 400, "today", "today", node("{}")),
                goal("today far future", 200, null, check(response -> assertEquals("2026-06-07",
                        response.jsonPath().getString("[0].progress.asOf"))), "today", "+999999999-12-31"),
                goal("today far past", 200, null, check(response -> assertEquals("not_started",
                        response.jsonPath().getString("[0].progress.status"))), "today", "-999999999-01-01"),
                goal("today 0001-01-01", 200, null, "today", "0001-01-01"),

                goalAction("get", "goalId with '#'", 404, "goalId", "g-1#x"),
                goalAction("update", "update goalId with '#'", 404, "goalId", "g-1#x"),
                goalAction("delete", "delete goalId with '#'", 404, "goalId", "g-1#x"),
                goalAction("get", "goalId of 2000 chars", 404, "goalId", "g".repeat(2000)),
                goalAction("delete", "delete goalId of 2000 chars", 404, "goalId", "g".repeat(2000)),
                goalAction("get", "goalId empty", 400, "goalId", ""),
                goalAction("get", "goalId as object", 400, "goalId", node("{}")),
                goalAction("update", "update goalId missing", 400, "goalId", ABSENT));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("goalCases")
    void goalsRequest(Case request) {
        List<Goal> before = goals.list(OWNER);
        Response response = post(request.path(), request.body());
        List<Goal> after = goals.list(OWNER);
        removeAddedGoals(before, after);

        List<Executable> checks = expectations(request, response);
        if (request.status() >= 400) {
            checks.add(() -> assertEquals(before, after, "goals of " + OWNER + " changed by " + describe(response)));
        }
        assertAll(request.name(), checks);
    }

    @Test
    void updateWithInvalidGoalKeepsStoredGoal() {
        Goal before = goals.get(OWNER, ownerGoalId).orElseThrow();
        ObjectNode request = goalRequest("update", OWNER);
        request.put("goalId", ownerGoalId);
        set(request, "goal.target.value", node("[]"));
        ObjectNode blankName = goalRequest("update", OWNER);
        blankName.put("goalId", ownerGoalId);
        set(blankName, "goal.name", " ");

        Response wrongType = post("/goals", json(request));
        Response invalid = post("/goals", json(blankName));

        assertAll(
                () -> assertEquals(400, wrongType.statusCode(), describe(wrongType)),
                () -> assertEquals("goal.target.value", field(wrongType), describe(wrongType)),
                () -> assertEquals(400, invalid.statusCode(), describe(invalid)),
                () -> assertEquals("goal.name", field(invalid), describe(invalid)),
                () -> assertEquals(before, goals.get(OWNER, ownerGoalId).orElseThrow()));
    }

    @Test
    void otherPropertySeesNoGoalOrAlert() {
        ObjectNode list = goalRequest("list", OTHER);
        list.remove("goal");
        ObjectNode get = goalRequest("get", OTHER);
        get.put("goalId", ownerGoalId);
        get.remove("goal");
        ObjectNode update = goalRequest("update", OTHER);
        update.put("goalId", ownerGoalId);
        set(update, "goal.name", "taken over");
        ObjectNode delete = goalRequest("delete", OTHER);
        delete.put("goalId", ownerGoalId);
        delete.remove("goal");
        Goal before = goals.get(OWNER, ownerGoalId).orElseThrow();

        Response listed = post("/goals", json(list));
        Response got = post("/goals", json(get));
        Response updated = post("/goals", json(update));
        Response deleted = post("/goals", json(delete));
        Response otherAlerts = post("/alerts", json(Map.of("property", OTHER, "adminToken", ADMIN_TOKEN)));
        Response ownAlerts = post("/alerts", json(Map.of("property", OWNER, "adminToken", ADMIN_TOKEN)));
        Response snapshot = post("/snapshot", json(Map.of("property", OTHER, "from", "2026-06-01",
                "to", "2026-06-07")));

        assertAll(
                () -> assertEquals(200, listed.statusCode(), describe(listed)),
                () -> assertEquals(List.of(), listed.jsonPath().getList("$"), describe(listed)),
                () -> assertEquals(404, got.statusCode(), describe(got)),
                () -> assertEquals("goalId", field(got), describe(got)),
                () -> assertEquals(404, updated.statusCode(), describe(updated)),
                () -> assertEquals(404, deleted.statusCode(), describe(deleted)),
                () -> assertEquals(before, goals.get(OWNER, ownerGoalId).orElseThrow(), "goal of " + OWNER),
                () -> assertEquals(List.of(), goals.list(OTHER), "goals stored under " + OTHER),
                () -> assertEquals(200, otherAlerts.statusCode(), describe(otherAlerts)),
                () -> assertEquals(List.of(), otherAlerts.jsonPath().getList("$"), describe(otherAlerts)),
                () -> assertEquals(List.of(OWNER), ownAlerts.jsonPath().getList("property"), describe(ownAlerts)),
                () -> assertEquals(200, snapshot.statusCode(), describe(snapshot)),
                () -> assertNull(snapshot.jsonPath().get("goals"), describe(snapshot)));
    }

    @Test
    void goalLimitHoldsAtFifty() {
        clearGoals(LIMITED);
        for (int i = 0; i < GoalsFunction.MAX_GOALS - 1; i++) {
            goals.put(storedGoal(LIMITED, "g-filler-" + i));
        }

        Response fiftieth = post("/goals", json(goalRequest("create", LIMITED)));
        Response fiftyFirst = post("/goals", json(goalRequest("create", LIMITED)));
        ObjectNode list = goalRequest("list", LIMITED);
        list.remove("goal");
        Response listed = post("/goals", json(list));

        assertAll(
                () -> assertEquals(200, fiftieth.statusCode(), describe(fiftieth)),
                () -> assertEquals(400, fiftyFirst.statusCode(), describe(fiftyFirst)),
                () -> assertEquals("goal", field(fiftyFirst), describe(fiftyFirst)),
                () -> assertEquals(GoalsFunction.MAX_GOALS, goals.list(LIMITED).size()),
                () -> assertEquals(200, listed.statusCode(), describe(listed)),
                () -> assertEquals(GoalsFunction.MAX_GOALS, listed.jsonPath().getList("$").size()));
    }

    /** Twelve clients create a goal at once while three places are free. */
    @Test
    void concurrentCreatesStayWithinLimit() throws InterruptedException, ExecutionException {
        clearGoals(LIMITED);
        int free = 3;
        for (int i = 0; i < GoalsFunction.MAX_GOALS - free; i++) {
            goals.put(storedGoal(LIMITED, "g-filler-" + i));
        }
        String body = json(goalRequest("create", LIMITED));
        List<Callable<Integer>> creates = Collections.nCopies(12, () -> post("/goals", body).statusCode());

        List<Integer> statuses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            for (Future<Integer> status : clients.invokeAll(creates)) {
                statuses.add(status.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertAll(
                () -> assertEquals(GoalsFunction.MAX_GOALS, goals.list(LIMITED).size(), "statuses " + statuses),
                () -> assertEquals(free, Collections.frequency(statuses, 200), "statuses " + statuses));
    }

    @Test
    void farPastBaselineIsRejectedNotStored() {
        clearGoals(FAR_BASELINE);
        ObjectNode create = goalRequest("create", FAR_BASELINE);
        set(create, "goal.target.baselineFrom", "-999999-01-01");
        set(create, "goal.target.baselineTo", "-999999-01-31");
        ObjectNode list = goalRequest("list", FAR_BASELINE);
        list.remove("goal");

        Response created = post("/goals", json(create));
        List<Goal> storedGoals = goals.list(FAR_BASELINE);
        Response listed = post("/goals", json(list));
        Response snapshot = post("/snapshot", json(Map.of("property", FAR_BASELINE, "from", "2026-06-01",
                "to", "2026-06-07")));
        clearGoals(FAR_BASELINE);

        assertAll(
                () -> assertEquals(400, created.statusCode(), describe(created)),
                () -> assertEquals("goal.target.baselineFrom", field(created), describe(created)),
                () -> assertEquals(List.of(), storedGoals, "goals stored by the rejected request"),
                () -> assertEquals(200, listed.statusCode(), describe(listed)),
                () -> assertEquals(200, snapshot.statusCode(), describe(snapshot)));
    }

    // GET /goal-kpis

    @Test
    void goalKpisOverGetAndPost() {
        Response plain = given().get("/goal-kpis");
        Response withQuery = given().queryParam("type", "nope").get("/goal-kpis");
        Response emptyPost = given().contentType(ContentType.JSON).post("/goal-kpis");
        Response withBody = post("/goal-kpis", "[]");

        assertAll(
                () -> assertEquals(200, plain.statusCode(), describe(plain)),
                () -> assertEquals(List.of("traffic", "sales", "awareness", "leads", "retention"),
                        plain.jsonPath().getList("type")),
                () -> assertFalse(plain.jsonPath().getList("kpis.flatten().nameFa").contains(null)),
                () -> assertEquals(200, withQuery.statusCode(), describe(withQuery)),
                () -> assertEquals(200, emptyPost.statusCode(), describe(emptyPost)),
                () -> assertEquals(400, withBody.statusCode(), describe(withBody)),
                () -> assertEquals("$", field(withBody), describe(withBody)));
    }

    @Test
    void goalsOverGetAreRejected() {
        Response listed = given().queryParam("action", "list").queryParam("property", OWNER)
                .queryParam("adminToken", ADMIN_TOKEN).get("/goals");
        Response wrongToken = given().queryParam("action", "list").queryParam("property", OWNER)
                .queryParam("adminToken", "guess").get("/goals");

        assertAll(
                () -> assertEquals(4, listed.statusCode() / 100, "an admin token in a URL lists nothing, but got "
                        + describe(listed)),
                () -> assertEquals(4, wrongToken.statusCode() / 100, describe(wrongToken)));
    }

    // POST /alerts

    static Stream<Case> alertCases() {
        return Stream.of(
                alertsCase("valid request", 200, null),
                raw("/alerts", "body is a JSON array", "[]", 400, "$"),
                alertsCase("property missing", 400, "property", "property", ABSENT),
                alertsCase("property as object", 400, "property", "property", node("{}")),
                alertsCase("property unknown", 404, "property", "property", MISSING),
                alertsCase("from yesterday", 400, "from", "from", "yesterday"),
                alertsCase("from 2026-02-30", 400, "from", "from", "2026-02-30"),
                alertsCase("from as number", 400, "from", "from", 20260601),
                alertsCase("from as object", 400, "from", "from", node("{}")),
                alertsCase("from 0001-01-01", 200, null, "from", "0001-01-01"),
                alertsCase("from far future", 200, null, "from", "+999999999-12-31"),
                alertsCase("limit 0", 400, "limit", "limit", 0),
                alertsCase("limit -1", 400, "limit", "limit", -1),
                alertsCase("limit 501", 400, "limit", "limit", 501),
                alertsCase("limit as string", 200, null, "limit", "5"),
                alertsCase("limit word", 400, "limit", "limit", "five"),
                alertsCase("limit 2147483648", 400, "limit", "limit", node("2147483648")),
                alertsCase("limit 1e400", 400, "limit", "limit", node("1e400")),
                alertsCase("limit as array", 400, "limit", "limit", node("[5]")),
                alertsCase("adminToken as array", 400, "adminToken", "adminToken", node("[]")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("alertCases")
    void alertsRequest(Case request) {
        Response response = post(request.path(), request.body());

        assertAll(request.name(), expectations(request, response));
    }

    // POST /property

    static Stream<Case> propertyCases() {
        List<Object> thousandTerms = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousandTerms.add("brand" + i);
        }
        return Stream.of(
                propertyCase("brandTerms Persian and emoji", 200, null, check(response -> assertEquals(
                        List.of("دیجی‌کالا", "acme shop", "🛒 سبد"),
                        response.jsonPath().getList("brandTerms"))),
                        "brandTerms", List.of("دیجی‌کالا", "ACME Shop", "🛒 سبد")),
                propertyCase("brandTerms 1000 terms", 400, "brandTerms", "brandTerms", thousandTerms),
                propertyCase("brandTerms term of 10000 chars", 400, "brandTerms[0]", "brandTerms",
                        List.of("b".repeat(10_000))),
                propertyCase("brandTerms null term", 400, "brandTerms[0]", "brandTerms", node("[null]")),
                propertyCase("brandTerms padded one letter", 400, "brandTerms[1]", "brandTerms",
                        List.of("ok", " x ")),
                propertyCase("brandTerms single emoji", 400, "brandTerms[0]", "brandTerms", List.of("😀")),
                propertyCase("brandTerms as string", 400, "brandTerms", "brandTerms", "acme"),
                propertyCase("brandTerms as object", 400, "brandTerms", "brandTerms", node("{}")),
                propertyCase("brandTerms nested array", 400, "brandTerms[0]", "brandTerms", node("[[]]")),

                propertyCase("alerts as array", 400, "alerts", "alerts", node("[]")),
                propertyCase("alerts as string", 400, "alerts", "alerts", "on"),
                propertyCase("alerts empty object", 200, null, "alerts", node("{}")),
                propertyCase("threshold key unknown", 400, "alerts.thresholds.nope", "alerts",
                        node("{\"thresholds\":{\"nope\":0.5}}")),
                propertyCase("threshold ctr_drop negative", 400, "alerts.thresholds.ctr_drop", "alerts",
                        node("{\"thresholds\":{\"ctr_drop\":-0.3}}")),
                propertyCase("threshold tracking_gap negative", 400, "alerts.thresholds.tracking_gap", "alerts",
                        node("{\"thresholds\":{\"tracking_gap\":-6}}")),
                propertyCase("threshold min_sessions negative", 400, "alerts.thresholds.min_sessions", "alerts",
                        node("{\"thresholds\":{\"min_sessions\":-100}}")),
                propertyCase("threshold spend negative", 400, "alerts.thresholds.spend_without_conversions",
                        "alerts", node("{\"thresholds\":{\"spend_without_conversions\":-1}}")),
                propertyCase("threshold roas 0", 400, "alerts.thresholds.roas_below_1", "alerts",
                        node("{\"thresholds\":{\"roas_below_1\":0}}")),
                propertyCase("threshold min_sessions fraction", 400, "alerts.thresholds.min_sessions", "alerts",
                        node("{\"thresholds\":{\"min_sessions\":100.5}}")),
                propertyCase("threshold ctr_drop 1e-999999999", 400, "alerts.thresholds.ctr_drop", "alerts",
                        node("{\"thresholds\":{\"ctr_drop\":1e-999999999}}")),
                propertyCase("threshold spend 1e999999999", 400, "alerts.thresholds.spend_without_conversions",
                        "alerts", node("{\"thresholds\":{\"spend_without_conversions\":1e999999999}}")),
                propertyCase("threshold null", 400, "alerts.thresholds.ctr_drop", "alerts",
                        node("{\"thresholds\":{\"ctr_drop\":null}}")),
                propertyCase("threshold word", 400, "alerts.thresholds.ctr_drop", "alerts",
                        node("{\"thresholds\":{\"ctr_drop\":\"abc\"}}")),
                propertyCase("threshold as string number", 200, null, "alerts",
                        node("{\"thresholds\":{\"ctr_drop\":\"0.5\"}}")),
                propertyCase("thresholds as array", 400, "alerts.thresholds", "alerts",
                        node("{\"thresholds\":[]}")),
                propertyCase("disabledRules unknown", 400, "alerts.disabledRules", "alerts",
                        node("{\"disabledRules\":[\"nope\"]}")),
                propertyCase("disabledRules null entry", 400, "alerts.disabledRules", "alerts",
                        node("{\"disabledRules\":[null]}")),
                propertyCase("disabledRules as string", 400, "alerts.disabledRules", "alerts",
                        node("{\"disabledRules\":\"ctr_drop\"}")),
                propertyCase("disabledRules object entry", 400, "alerts.disabledRules[0]", "alerts",
                        node("{\"disabledRules\":[{}]}")),
                propertyCase("disabledRules repeated", 200, null, "alerts",
                        node("{\"disabledRules\":[\"ctr_drop\",\"ctr_drop\"]}")),

                webhook("webhook with user and password", 400, "https://user:s3cret@hooks.example.com/x"),
                webhook("webhook with user before loopback", 400, "http://localhost@hooks.example.com/x"),
                webhook("webhook ftp", 400, "ftp://hooks.example.com/x"),
                webhook("webhook http to other host", 400, "http://hooks.example.com/x"),
                webhook("webhook http to loopback-like name", 400, "http://127.0.0.1.nip.io/x"),
                webhook("webhook javascript", 400, "javascript:alert(1)"),
                webhook("webhook data", 400, "data:text/plain,hi"),
                webhook("webhook without scheme", 400, "//hooks.example.com/x"),
                webhook("webhook without host", 400, "https:///x"),
                webhook("webhook port 70000", 400, "https://[::1]:70000/x"),
                webhook("webhook empty", 400, ""),
                webhook("webhook of 2001 chars", 400, "https://hooks.example.com/" + "x".repeat(1975)),
                propertyCase("webhook as object", 400, "alerts.webhookUrl", "alerts",
                        node("{\"webhookUrl\":{}}")),
                webhook("webhook http to loopback", 200, "http://127.0.0.1:9/hook"),
                webhook("webhook in capitals to localhost", 200, "HTTP://LOCALHOST:9/hook"),

                propertyCase("property of 100000 chars", 400, "property", "property", "P".repeat(100_000)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("propertyCases")
    void propertyRequest(Case request) {
        Optional<Property> before = properties.find(SETTINGS);
        Response response = post(request.path(), request.body());
        Optional<Property> after = properties.find(SETTINGS);

        List<Executable> checks = expectations(request, response);
        if (request.status() >= 400) {
            checks.add(() -> assertEquals(before, after, "stored property changed by " + describe(response)));
            checks.add(() -> assertFalse(response.asString().contains("s3cret"), "error repeats the password"));
        }
        assertAll(request.name(), checks);
    }

    // POST /schedule

    static Stream<Case> scheduleCases() {
        return Stream.of(
                schedule("valid hourly run", 200, null),
                raw("/schedule", "body is a JSON array", "[]", 400, "$"),
                schedule("daily asOf 1970-01-01", 400, "asOf", "run", "daily", "asOf", "1970-01-01"),
                schedule("hourly asOf 1970-01-01", 200, null, "asOf", "1970-01-01"),
                schedule("daily asOf 9999-12-31", 200, null, "run", "daily", "asOf", "9999-12-31"),
                schedule("hourly asOf 9999-12-31", 200, null, "asOf", "9999-12-31"),
                schedule("hourly asOf year 10000", 400, "asOf", "asOf", "+10000-01-01"),
                schedule("asOf yesterday", 400, "asOf", "asOf", "yesterday"),
                schedule("asOf 2026-02-30", 400, "asOf", "asOf", "2026-02-30"),
                schedule("asOf as object", 400, "asOf", "asOf", node("{}")),
                schedule("run unknown", 400, "run", "run", "weekly"),
                schedule("run missing", 400, "run", "run", ABSENT),
                schedule("run as array", 400, "run", "run", node("[\"daily\"]")),
                schedule("lateDays 32", 400, "lateDays", "run", "daily", "lateDays", 32),
                schedule("lateDays -1", 400, "lateDays", "run", "daily", "lateDays", -1),
                schedule("lateDays as string", 200, null, "run", "daily", "lateDays", "0"),
                schedule("lateDays word", 400, "lateDays", "run", "daily", "lateDays", "three"),
                schedule("lateDays 2147483648", 400, "lateDays", "run", "daily", "lateDays",
                        node("2147483648")),
                schedule("groupBy unknown second", 400, "groupBy[1]", "groupBy", List.of("date", "nope")),
                schedule("groupBy null entry", 400, "groupBy[0]", "groupBy", node("[null]")),
                schedule("groupBy as string", 400, "groupBy", "groupBy", "date"),
                schedule("groupBy object entry", 400, "groupBy[0]", "groupBy", node("[{}]")),
                schedule("property missing", 400, "property", "property", ABSENT),
                schedule("property unknown", 404, "property", "property", MISSING),
                schedule("adminToken missing", 401, "adminToken", "adminToken", ABSENT));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("scheduleCases")
    void scheduleRequest(Case request) {
        int snapshotsBefore = storedSnapshots();
        int alertsBefore = alerts.list(RUNS, null, 500).size();
        Response response = post(request.path(), request.body());
        int snapshotsAfter = storedSnapshots();
        int alertsAfter = alerts.list(RUNS, null, 500).size();

        List<Executable> checks = expectations(request, response);
        if (request.status() >= 400) {
            checks.add(() -> assertEquals(snapshotsBefore, snapshotsAfter, "snapshots stored by " + describe(response)));
            checks.add(() -> assertEquals(alertsBefore, alertsAfter, "alerts stored by " + describe(response)));
        }
        assertAll(request.name(), checks);
    }

    @Test
    void scheduleLateDaysThirtyOneEveryGrouping() {
        ObjectNode request = scheduleRequest();
        request.put("run", "daily");
        request.put("lateDays", 31);
        request.set("groupBy", JSON.valueToTree(List.of(GROUPINGS)));

        Response response = post("/schedule", json(request));

        assertAll(
                () -> assertEquals(200, response.statusCode(), describe(response)),
                () -> assertEquals(32 * (GROUPINGS.length + 1), response.jsonPath().getInt("snapshots")),
                () -> assertEquals(32, response.jsonPath().getList("days").size()),
                () -> assertEquals("2026-05-09", response.jsonPath().getString("days[0]")),
                () -> assertEquals("2026-06-09", response.jsonPath().getString("days[31]")));
    }

    // POST /snapshot

    static Stream<Case> snapshotCases() {
        return Stream.of(
                snapshotCase("compare with 3 entries", 200, null, check(response -> assertAll(
                        () -> assertEquals(List.of("previous_period", "previous_year"),
                                response.jsonPath().getList("comparisons.id")),
                        () -> assertNotNull(response.jsonPath().get("goals"), "goals"),
                        () -> assertEquals(List.of("revenue", "session_conversion_rate", "roas", "cpa"),
                                response.jsonPath().getList("goalKpis.sales")))),
                        "compare", List.of("previous_period", "previous_year", "previous_period")),
                snapshotCase("compare 3 entries, third unknown", 400, "compare[2]", "compare",
                        List.of("previous_period", "previous_year", "previous_week")),
                snapshotCase("compare unknown", 400, "compare[0]", "compare", List.of("nope")),
                snapshotCase("compare null entry", 400, "compare[0]", "compare", node("[null]")),
                snapshotCase("compare as string", 400, "compare", "compare", "previous_year"),
                snapshotCase("compare object entry", 400, "compare[0]", "compare", node("[{}]")),
                snapshotCase("compare empty", 200, null, check(response -> assertNull(
                        response.jsonPath().get("comparisons"))), "compare", List.of()),
                snapshotCase("compare previous_period in 1970", 400, "compare[0]", "compare",
                        List.of("previous_period"), "from", "1970-01-01", "to", "1970-01-07"),
                snapshotCase("compare previous_year in 1970", 400, "compare[0]", "compare",
                        List.of("previous_year"), "from", "1970-06-01", "to", "1970-06-07"),
                snapshotCase("goals active in range", 200, null, check(response -> assertEquals(
                        List.of(OWNER), response.jsonPath().getList("goals.goal.property"))), "compare", ABSENT));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("snapshotCases")
    void snapshotRequest(Case request) {
        int before = storedSnapshots();
        Response response = post(request.path(), request.body());
        int after = storedSnapshots();

        List<Executable> checks = expectations(request, response);
        if (request.status() >= 400) {
            checks.add(() -> assertEquals(before, after, "snapshots stored by " + describe(response)));
        }
        assertAll(request.name(), checks);
    }

    // helpers

    /** Returns the checks every case makes: the status, and for a 4xx an ErrorBody naming the field. */
    private static List<Executable> expectations(Case request, Response response) {
        String summary = describe(response);
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(request.status(), response.statusCode(), "status of " + summary));
        if (request.status() >= 400) {
            checks.add(() -> assertEquals(request.field(), field(response), "ErrorBody.field of " + summary));
            checks.add(() -> assertEquals(request.status(), errorBody(response).path("status").asInt(),
                    "ErrorBody.status of " + summary));
            checks.add(() -> assertFalse(errorBody(response).path("error").asText().isBlank(),
                    "ErrorBody.error of " + summary));
        }
        if (request.check() != null && response.statusCode() == request.status()) {
            checks.add(() -> request.check().accept(response));
        }
        return checks;
    }

    private static Case goal(String name, int status, String field, Object... pathValues) {
        return goal(name, status, field, null, pathValues);
    }

    private static Case goal(String name, int status, String field, Consumer<Response> check,
            Object... pathValues) {
        ObjectNode request = goalRequest("create", OWNER);
        setAll(request, pathValues);
        return new Case(name, "/goals", json(request), status, field, check);
    }

    private static Case goalAction(String action, String name, int status, String field, Object goalId) {
        ObjectNode request = goalRequest(action, OWNER);
        if (!action.equals("update")) {
            request.remove("goal");
        }
        setAll(request, "goalId", goalId);
        return new Case(name, "/goals", json(request), status, field, null);
    }

    private static Case alertsCase(String name, int status, String field, Object... pathValues) {
        ObjectNode request = JSON.createObjectNode();
        request.put("property", OWNER);
        request.put("adminToken", ADMIN_TOKEN);
        setAll(request, pathValues);
        return new Case(name, "/alerts", json(request), status, field, null);
    }

    private static Case propertyCase(String name, int status, String field, Object... pathValues) {
        return propertyCase(name, status, field, null, pathValues);
    }

    private static Case propertyCase(String name, int status, String field, Consumer<Response> check,
            Object... pathValues) {
        ObjectNode request = JSON.createObjectNode();
        request.put("property", SETTINGS);
        request.put("adminToken", ADMIN_TOKEN);
        setAll(request, pathValues);
        return new Case(name, "/property", json(request), status, field, check);
    }

    private static Case webhook(String name, int status, String url) {
        return propertyCase(name, status, status == 200 ? null : "alerts.webhookUrl", "alerts.webhookUrl", url);
    }

    private static Case schedule(String name, int status, String field, Object... pathValues) {
        ObjectNode request = scheduleRequest();
        setAll(request, pathValues);
        return new Case(name, "/schedule", json(request), status, field, null);
    }

    private static Case snapshotCase(String name, int status, String field, Object... pathValues) {
        return snapshotCase(name, status, field, null, pathValues);
    }

    private static Case snapshotCase(String name, int status, String field, Consumer<Response> check,
            Object... pathValues) {
        ObjectNode request = JSON.createObjectNode();
        request.put("property", OWNER);
        request.put("from", "2026-06-01");
        request.put("to", "2026-06-07");
        setAll(request, pathValues);
        return new Case(name, "/snapshot", json(request), status, field, check);
    }

    private static Case raw(String path, String name, String body, int status, String field) {
        return new Case(name, path, body, status, field, null);
    }

    private static Consumer<Response> check(Consumer<Response> check) {
        return check;
    }

    /** Returns a create request for a goal of 10 % more sessions from 1 to 7 June 2026, measured on 5 June. */
    private static ObjectNode goalRequest(String action, String property) {
        ObjectNode request = JSON.createObjectNode();
        request.put("action", action);
        request.put("property", property);
        request.put("adminToken", ADMIN_TOKEN);
        request.put("today", "2026-06-05");
        ObjectNode goal = request.putObject("goal");
        goal.put("name", "Sessions up 10 % in the first week of June");
        goal.put("type", "traffic");
        goal.put("kpi", "sessions");
        ObjectNode target = goal.putObject("target");
        target.put("kind", "relative");
        target.put("value", new BigDecimal("0.10"));
        goal.putObject("scope").put("kind", "property");
        goal.put("start", "2026-06-01");
        goal.put("deadline", "2026-06-07");
        return request;
    }

    private static ObjectNode scheduleRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.put("property", RUNS);
        request.put("run", "hourly");
        request.put("asOf", "2026-06-10");
        request.put("adminToken", ADMIN_TOKEN);
        return request;
    }

    private static Goal storedGoal(String property, String id) {
        return new Goal(id, property, "Filler " + id, GoalType.TRAFFIC, "sessions",
                new GoalTarget(GoalTarget.ABSOLUTE, BigDecimal.TEN, null, null), GoalScope.WHOLE_PROPERTY,
                "2026-06-01", "2026-06-01", null, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z");
    }

    /** Sets each (dotted path, value) pair. {@link #ABSENT} removes the field. */
    private static void setAll(ObjectNode request, Object... pathValues) {
        for (int i = 0; i < pathValues.length; i += 2) {
            set(request, (String) pathValues[i], pathValues[i + 1]);
        }
    }

    private static void set(ObjectNode request, String path, Object value) {
        String[] names = path.split("\\.");
        ObjectNode parent = request;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
        }
        String name = names[names.length - 1];
        if (value == ABSENT) {
            parent.remove(name);
        } else {
            parent.set(name, JSON.valueToTree(value));
        }
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    private static JsonNode errorBody(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String field(Response response) {
        JsonNode field = errorBody(response).path("field");
        return field.isTextual() ? field.asText() : null;
    }

    /** Returns the status and the start of the body, for assertion messages. */
    private static String describe(Response response) {
        String body = response.asString();
        String start = body.length() <= SHOWN_BODY_CHARS ? body
                : body.substring(0, SHOWN_BODY_CHARS) + "... (" + body.length() + " chars)";
        return "response " + response.statusCode() + " " + start;
    }

    private void removeAddedGoals(List<Goal> before, List<Goal> after) {
        Set<String> knownIds = new HashSet<>();
        before.forEach(goal -> knownIds.add(goal.id()));
        for (Goal goal : after) {
            if (!knownIds.contains(goal.id())) {
                goals.delete(goal.property(), goal.id());
            }
        }
    }

    /** Deletes the goals and their count, since the fillers are stored directly and the count starts over. */
    private void clearGoals(String property) {
        for (Goal goal : goals.list(property)) {
            goals.delete(property, goal.id());
        }
        goals.delete(property, GoalStore.COUNT_KEY);
    }

    private int storedSnapshots() {
        return dynamo.scan(request -> request.tableName(tables.snapshots()).select(Select.COUNT)).count();
    }

    private void pageView(String clientId, String day) {
        long micros = EpochMicros.of(LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC));
        String body = "{\"client_id\":\"" + clientId + "\",\"events\":[{\"name\":\"page_view\",\"timestamp_micros\":"
                + micros + "}]}";
        collector.collect(new CollectCommand(OWNER, SECRET, Endpoint.MEASUREMENT_PROTOCOL, true,
                body.getBytes(StandardCharsets.UTF_8)));
    }
}
