package com.campaignkpi.spend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import com.campaignkpi.testing.SharedData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spend import through {@code POST /spend/import}, and the paid-media KPIs a snapshot computes from it and from the
 * tracked sessions credited to it.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class SpendImportTest {

    private static final String PROPERTY = "G-SPEND";
    private static final String SECRET = "spend-secret-1";
    private static boolean registered;

    /** One Google Ads campaign on 2024-03-28: 1,000 impressions, 50 clicks, 25.00 USD, 2 conversions. */
    private static final String GOOGLE_DAILY = String.join("\n",
            "Campaign report",
            "\"March 28, 2024 - March 28, 2024\"",
            "Campaign,Campaign ID,Day,Impr.,Clicks,Currency code,Cost,Conversions",
            "Spring Sale,111,2024-03-28,\"1,000\",50,USD,25.00,2.00",
            "Total: Account,,,\"1,000\",50,USD,25.00,2.00",
            "");

    /** A Meta campaign in euros as a canonical row. */
    private static final String META_CANONICAL = "[{\"date\":\"2024-03-28\",\"platform\":\"meta_ads\","
            + "\"campaign_name\":\"Nowruz\",\"impressions\":4000,\"clicks\":40,\"cost\":\"20.00\",\"currency\":\"EUR\","
            + "\"conversions\":1}]";

    @BeforeEach
    void register() {
        if (registered) {
            return;
        }
        Replays.registerProperty(PROPERTY, "UTC", SECRET);
        // A Google Ads click that buys 100 USD, a direct return visit by the same client, and a Meta click.
        String events = "["
                + event("g1", "google-buyer", "page_view", "2024-03-28T10:00:00Z",
                        "\"page_location\":\"https://shop.example/?gclid=abc&utm_campaign=Spring%20Sale\"") + ","
                + event("g2", "google-buyer", "purchase", "2024-03-28T10:05:00Z",
                        "\"transaction_id\":\"T-100\",\"value\":100,\"currency\":\"USD\"") + ","
                + event("g3", "google-buyer", "page_view", "2024-03-28T15:00:00Z",
                        "\"page_location\":\"https://shop.example/\"") + ","
                + event("m1", "meta-visitor", "page_view", "2024-03-28T11:00:00Z",
                        "\"page_location\":\"https://shop.example/?utm_source=facebook&utm_medium=paid_social"
                                + "&utm_campaign=nowruz\"") + "]";
        given().contentType(ContentType.JSON).body(events)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET).queryParam("import", "1")
                .post("/events")
                .then().statusCode(200).body("accepted", equalTo(4));
        registered = true;
    }

    @Test
    void importReportsTotalsAndFileTotals() {
        given().body(GOOGLE_DAILY)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/spend/import")
                .then().statusCode(200)
                .body("format", equalTo("google-ads"))
                .body("rows", equalTo(1))
                .body("totals[0].currency", equalTo("USD"))
                .body("totals[0].impressions", equalTo(1000))
                .body("totals[0].cost", equalTo(25.00f))
                .body("fileTotals[0].label", equalTo("Account"))
                .body("fileTotals[0].matches", equalTo(true));
    }

    @Test
    void paidKpisPerCampaignAndCurrency() {
        importSpend(GOOGLE_DAILY, null);
        importSpend(GOOGLE_DAILY, null);
        importSpend(META_CANONICAL, "canonical");

        Map<String, Object> paid = paid();
        Map<String, Object> kpis = map(paid.get("kpis"));

        Map<String, Object> costByCurrency = map(map(kpis.get("cost")).get("byCurrency"));
        assertAmount("25.00", costByCurrency.get("USD"), "the Google report imported twice counts once");
        assertAmount("20.00", costByCurrency.get("EUR"), "Meta cost in euros");
        assertAmount("5000", map(kpis.get("impressions")).get("value"), "impressions");
        assertAmount("0.018", map(kpis.get("ctr")).get("value"), "90 clicks over 5,000 impressions");

        Map<String, Object> spring = campaign(paid, "Spring Sale");
        Map<String, Object> springKpis = map(spring.get("kpis"));
        assertEquals(2, spring.get("attributedSessions"), "the click and the direct return visit");
        assertAmount("0.5", map(springKpis.get("cpc")).get("value"), "25 USD over 50 clicks");
        assertAmount("4", map(springKpis.get("roas")).get("value"), "100 USD revenue over 25 USD cost");
        assertAmount("25", map(springKpis.get("cac")).get("value"), "one new customer");
        assertAmount("4", map(springKpis.get("clv_to_cac")).get("value"), "CLV 100 over CAC 25");

        Map<String, Object> nowruz = campaign(paid, "Nowruz");
        assertEquals(1, nowruz.get("attributedSessions"), "utm_campaign nowruz matches Nowruz ignoring case");
        assertAmount("0", map(map(nowruz.get("kpis")).get("roas")).get("value"), "no revenue from the Meta visit");
        assertEquals(List.of("roas_below_1"), paid.get("warnings"), "ROAS in euros is 0");
        assertEquals(List.of(), paid.get("unmatchedSpend"));
    }

    @Test
    void exchangeRatesCombineCurrencies() {
        importSpend(GOOGLE_DAILY, null);
        importSpend(META_CANONICAL, "canonical");
        Map<String, Object> rates = Map.of("currency", "USD", "rates", List.of(Map.of("currency", "EUR",
                "from", "2024-01-01", "to", "2024-12-31", "rate", "1.10")));

        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2024-03-28",
                "to", "2024-03-28", "refresh", true, "exchangeRates", rates));
        Map<String, Object> paid = map(snapshot.get("paid"));
        Map<String, Object> combined = map(paid.get("combined"));

        assertEquals("USD", paid.get("combinedCurrency"));
        assertAmount("47.00", map(combined.get("cost")).get("value"), "25 USD plus 20 EUR at 1.10");
        assertAmount("2.127660", map(combined.get("roas")).get("value"), "100 USD revenue over 47 USD");
        assertAmount("0.5222", map(combined.get("cpc")).get("value"), "47 USD over 90 clicks");
    }

    @Test
    void exchangeRateMustCoverRange() {
        Map<String, Object> rates = Map.of("currency", "USD", "rates", List.of(Map.of("currency", "EUR",
                "from", "2024-03-29", "to", "2024-12-31", "rate", "1.10")));

        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "from", "2024-03-28", "to", "2024-03-28", "exchangeRates", rates))
                .post("/snapshot")
                .then().statusCode(400)
                .body("field", equalTo("exchangeRates.rates[0]"))
                .body("error", equalTo("exchangeRates.rates[0] covers 2024-03-29 to 2024-12-31, not the whole "
                        + "snapshot range 2024-03-28 to 2024-03-28; give a rate for those days"));
    }

    @Test
    void rowsSharingIdentityAreKeptAndReplaced() {
        String rows = "[{\"date\":\"2024-03-29\",\"platform\":\"google_ads\",\"campaign_name\":\"Twins\","
                + "\"impressions\":10,\"clicks\":1,\"cost\":\"1.00\",\"currency\":\"USD\"},"
                + "{\"date\":\"2024-03-29\",\"platform\":\"google_ads\",\"campaign_name\":\"Twins\","
                + "\"impressions\":20,\"clicks\":2,\"cost\":\"2.00\",\"currency\":\"USD\"}]";

        importSpend(rows, "canonical");
        importSpend(rows, "canonical");
        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2024-03-29",
                "to", "2024-03-29", "refresh", true));
        Map<String, Object> kpis = map(map(snapshot.get("paid")).get("kpis"));

        assertAmount("3.00", map(kpis.get("cost")).get("value"), "both rows once, after two imports");
        assertAmount("30", map(kpis.get("impressions")).get("value"), "impressions of both rows");
    }

    @Test
    void undatedReportNeedsPeriod() {
        String allTime = "Campaign report\nAll time\nCampaign,Impr.,Clicks,Cost\nBrand,100,5,2.50\n";

        given().body(allTime)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .post("/spend/import")
                .then().statusCode(400).body("field", equalTo("from"));
        given().body(allTime)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("from", "2023-01-01").queryParam("to", "2023-12-31")
                .post("/spend/import")
                .then().statusCode(200).body("periodRows", equalTo(1)).body("from", equalTo("2023-01-01"));
    }

    @Test
    void kaggleMetaExportImportsColumnSums() throws Exception {
        byte[] file = Files.readAllBytes(SharedData.require("meta_ads_kag/KAG_conversion_data.csv"));

        given().body(file)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("from", "2017-01-01").queryParam("to", "2017-12-31")
                .post("/spend/import")
                .then().statusCode(200)
                .body("format", equalTo("meta-ads"))
                .body("rows", equalTo(1143))
                .body("totals[0].impressions", equalTo(213434828))
                .body("totals[0].clicks", equalTo(38165))
                .body("totals[0].cost", equalTo(58705.23f));
    }

    @Test
    void tooPreciseCostIs400() {
        given().body("[{\"date\":\"2024-03-01\",\"platform\":\"google_ads\",\"campaign_name\":\"c\","
                        + "\"cost\":12345678901234567890123456789012345678901,\"currency\":\"USD\"}]")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("format", "canonical")
                .post("/spend/import")
                .then().statusCode(400)
                .body("field", equalTo("cost"))
                .body("error", equalTo("data row 1: cost 12345678901234567890123456789012345678901 has more than 38 "
                        + "significant digits"));
    }

    /** Before these were checked, DynamoDB refused the first three with a 500 and the fourth filled the heap. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1e-400", "1E+126", "1e999999999"})
    void costOutsideDynamoRangeIs400(String cost) {
        given().body("[{\"date\":\"2024-03-01\",\"platform\":\"google_ads\",\"campaign_name\":\"c\","
                        + "\"cost\":" + cost + ",\"currency\":\"USD\"}]")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("format", "canonical")
                .post("/spend/import")
                .then().statusCode(400)
                .body("field", equalTo("cost"))
                .body("error", endsWith("is outside the range DynamoDB stores: use a magnitude from 1E-130 to "
                        + "below 1E126"));
    }

    /** Two rows of 2^63 - 1 impressions added up to -2 in the totals and in the snapshot's paid KPIs. */
    @Test
    void impressionsOverLimitAre400() {
        given().body("[{\"date\":\"2024-03-01\",\"platform\":\"other\",\"campaign_name\":\"c\","
                        + "\"impressions\":9223372036854775807,\"cost\":1},{\"date\":\"2024-03-02\","
                        + "\"platform\":\"other\",\"campaign_name\":\"c\",\"impressions\":9223372036854775807,"
                        + "\"cost\":1}]")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("format", "canonical")
                .post("/spend/import")
                .then().statusCode(400)
                .body("field", equalTo("impressions"))
                .body("error", equalTo("data row 1: impressions 9223372036854775807 is more than 1000000000000, "
                        + "which no ad platform reports for one row"));
    }

    @Test
    void campaignNameOverKeyLimitIs400() {
        String name = "ک".repeat(600);

        String body = "[{\"date\":\"2024-03-01\",\"platform\":\"google_ads\",\"campaign_name\":\"" + name
                + "\",\"cost\":1,\"currency\":\"USD\"}]";

        given().body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("format", "canonical")
                .post("/spend/import")
                .then().statusCode(400)
                .body("field", equalTo("campaign_name"))
                .body("error", equalTo("data row 1: account, campaign, ad group, ad and keyword together are 1226 "
                        + "bytes in UTF-8, and a row's key has room for 1000; shorten campaign_name (1200 bytes)"));
    }

    @Test
    void textCellOverLimitIs400() {
        given().body("[{\"date\":\"2024-03-01\",\"platform\":\"google_ads\",\"campaign_id\":\"7\","
                        + "\"campaign_name\":\"" + "n".repeat(1001) + "\",\"cost\":1,\"currency\":\"USD\"}]")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("format", "canonical")
                .post("/spend/import")
                .then().statusCode(400)
                .body("field", equalTo("campaign_name"))
                .body("error", equalTo("data row 1: campaign_name is 1001 characters long; the limit is 1000"));
    }

    @Test
    void wrongSecretIs401() {
        given().body(GOOGLE_DAILY)
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", "wrong-secret")
                .post("/spend/import")
                .then().statusCode(401).body("field", equalTo("api_secret"));
    }

    private static void assertAmount(String expected, Object actual, String message) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                message + ": expected " + expected + " but was " + actual);
    }

    private static void importSpend(String body, String format) {
        var request = given().body(body).queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET);
        if (format != null) {
            request.queryParam("format", format);
        }
        request.post("/spend/import").then().statusCode(200);
    }

    private static Map<String, Object> paid() {
        Map<String, Object> snapshot = Replays.snapshot(Map.of("property", PROPERTY, "from", "2024-03-28",
                "to", "2024-03-28", "refresh", true));
        return map(snapshot.get("paid"));
    }

    private static Map<String, Object> campaign(Map<String, Object> paid, String name) {
        for (Object group : (List<?>) paid.get("byCampaign")) {
            if (name.equals(map(group).get("campaign"))) {
                return map(group);
            }
        }
        throw new AssertionError("no campaign " + name + " in " + paid.get("byCampaign"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String event(String id, String client, String name, String time, String params) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"" + name + "\",\"client_id\":\"" + client
                + "\",\"timestamp\":\"" + time + "\",\"params\":{" + params + "}}";
    }
}
