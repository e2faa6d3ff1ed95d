package com.campaignkpi.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.storage.DynaliteTestResource;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The CSV export against the JSON snapshot of the same request: a standard CSV parser reads it, and every KPI of
 * the range and of each weekly group has the JSON's value.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class SnapshotCsvExportTest {

    private static final String PROPERTY = "G-EXPORT1";
    private static final String SECRET = "export-secret-1";

    @Inject
    PropertyStore properties;

    @Inject
    CollectService collector;

    @Inject
    ObjectMapper mapper;

    @Test
    void weeklyCsvMatchesJson() throws IOException {
        properties.save(new Property(PROPERTY, ZoneOffset.UTC, Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(SECRET))));
        String[] days = {"2026-03-02", "2026-03-04", "2026-03-08", "2026-03-09", "2026-03-15"};
        for (int i = 0; i < days.length; i++) {
            collect("c" + i, days[i], i % 2 == 0);
        }

        Response csv = given().queryParam("property", PROPERTY).queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-15").queryParam("groupBy", "week").get("/export/snapshot.csv");
        JsonNode json = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "2026-03-02", "to", "2026-03-15", "groupBy", "week"))
                .post("/snapshot").asString());

        assertEquals(200, csv.statusCode(), csv.asString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString()))) {
            assertEquals(SnapshotCsv.COLUMNS, parser.getHeaderNames());
            records = parser.getRecords();
        }
        Map<String, CSVRecord> byKey = new HashMap<>();
        for (CSVRecord record : records) {
            byKey.put(record.get("group") + "|" + record.get("kpi"), record);
        }

        assertEquals(List.of("2026-03-02", "2026-03-09"), json.get("groups").findValuesAsText("key"),
                "weeks start on Monday, in time order");
        int compared = compare(byKey, "", json.get("kpis"));
        for (JsonNode group : json.get("groups")) {
            compared += compare(byKey, group.get("key").asText(), group.get("kpis"));
        }
        assertEquals(records.size(), compared, "every CSV row matches one JSON value");
        assertEquals("3", byKey.get("2026-03-02|sessions").get("value"), "2, 4 and 8 March");
        assertEquals("week", byKey.get("2026-03-02|sessions").get("group_by"));
    }

    @Test
    void monthlyGroupIsTheMonth() throws IOException {
        weeklyCsvMatchesJson();
        String csv = given().queryParam("property", PROPERTY).queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-15").queryParam("groupBy", "month").get("/export/snapshot.csv")
                .asString();

        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<CSVRecord> sessions = parser.getRecords().stream()
                    .filter(record -> record.get("kpi").equals("sessions")).toList();
            assertEquals(List.of("", "2026-03"), sessions.stream().map(record -> record.get("group")).toList());
            assertEquals("5", sessions.get(1).get("value"));
        }
    }

    @Test
    void formulaLikeGroupIsText() {
        assertEquals("'=1+1", SnapshotCsv.text("=1+1"));
        assertEquals("'-2", SnapshotCsv.text("-2"));
        assertEquals("'@SUM(A1)", SnapshotCsv.text("@SUM(A1)"));
        assertEquals("google / cpc", SnapshotCsv.text("google / cpc"));
        assertEquals("", SnapshotCsv.text(null));
    }

    @Test
    void missingPropertyIs400Json() {
        given().queryParam("from", "2026-03-02").queryParam("to", "2026-03-15").get("/export/snapshot.csv")
                .then().statusCode(400).contentType(ContentType.JSON).body("field", equalTo("property"));
    }

    /** Checks each KPI of {@code kpis} against its CSV row and returns how many were checked. */
    private static int compare(Map<String, CSVRecord> rows, String group, JsonNode kpis) {
        int checked = 0;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) kpis::fields) {
            CSVRecord row = rows.get(group + "|" + field.getKey());
            JsonNode value = field.getValue().get("value");
            // Compared as numbers: a JSON tree drops trailing zeros that the CSV keeps.
            if (value == null) {
                assertEquals("", row.get("value"), group + " " + field.getKey());
            } else {
                assertEquals(0, value.decimalValue().compareTo(new BigDecimal(row.get("value"))),
                        group + " " + field.getKey() + ": " + value + " against " + row.get("value"));
            }
            JsonNode reason = field.getValue().get("reason");
            assertEquals(reason == null ? "" : reason.asText(), row.get("reason"), group + " " + field.getKey());
            checked++;
        }
        return checked;
    }

    private void collect(String clientId, String day, boolean engaged) {
        long micros = EpochMicros.of(LocalDate.parse(day).atTime(10, 0).toInstant(ZoneOffset.UTC));
        String events = "{\"name\":\"page_view\",\"timestamp_micros\":" + micros + "}"
                + (engaged ? ",{\"name\":\"page_view\",\"timestamp_micros\":" + (micros + 1_000_000) + "}" : "");
        collector.collect(new CollectCommand(PROPERTY, SECRET, Endpoint.MEASUREMENT_PROTOCOL, true,
                ("{\"client_id\":\"" + clientId + "\",\"events\":[" + events + "]}").getBytes(StandardCharsets.UTF_8)));
    }
}
