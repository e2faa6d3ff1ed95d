package com.campaignkpi.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.campaignkpi.alert.Alert;
import com.campaignkpi.alert.AlertRule;
import com.campaignkpi.alert.AlertStore;
import com.campaignkpi.storage.DynaliteTestResource;
import com.campaignkpi.testing.Replays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page in real headless Chromium against data this test sends through the webhooks: two weeks around
 * Nowruz in Tehran, sold in rials, with a Google Ads campaign, a goal and an alert. The checks themselves are in
 * {@code web/dashboard/test/browser.mjs}: every number shown equals the API's, in English and in Persian (right to
 * left, Persian digits, Solar Hijri dates, toman), by keyboard and at phone width, with nothing loaded from another
 * origin. Its screenshots go to {@code target/dashboard-screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(DynaliteTestResource.class)
class DashboardBrowserTest {

    private static final String PROPERTY = "G-DASHBOARD1";
    private static final String SECRET = "dashboard-secret-1";
    private static final String READ_KEY = "dashboard-read-key-0001";
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final String MARKUP_CAMPAIGN = "stories <img src=x onerror=alert(1)>";

    /** 25 Esfand 1404 to 9 Farvardin 1405: the range crosses Nowruz, the first day of the Solar Hijri year. */
    private static final LocalDate FROM = LocalDate.parse("2026-03-16");
    private static final LocalDate TO = LocalDate.parse("2026-03-29");
    private static final int DAYS = 14;

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path DASHBOARD = PROJECT.resolve("web/dashboard");
    private static final Path SCREENSHOTS = PROJECT.resolve("target/dashboard-screenshots");
    private static final long TIMEOUT_SECONDS = 180;

    @TestHTTPResource("/")
    URL server;

    @Inject
    AlertStore alerts;

    @Test
    void pageShowsTheApiNumbersInBothLanguages() throws IOException, InterruptedException {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(Path.of(chromium)), () -> "Chromium not found at " + chromium
                + "; install Debian's chromium package, or set CHROMIUM to a Chromium executable");
        assumeTrue(Files.isDirectory(DASHBOARD.resolve("node_modules/playwright-core")),
                "playwright-core is not installed; run npm ci --prefix web/dashboard");

        registerProperty();
        sendEvents();
        importSpend();
        createGoal();
        alerts.put(new Alert(PROPERTY, AlertRule.ENGAGEMENT_RATE_DROP, Alert.PROPERTY_SCOPE, "2026-03-28",
                "2026-03-29T00:15:00Z", new BigDecimal("-0.25"), new BigDecimal("-0.2"),
                "Engagement rate fell from 80.0% to 60.0% against the week before.",
                "نرخ تعامل نسبت به هفته‌ی پیش از ۸۰٫۰٪ به ۶۰٫۰٪ رسید.", Map.of()));

        List<String> command = new ArrayList<>(List.of("node", "test/browser.mjs",
                "--base", server.toString(), "--property", PROPERTY, "--key", READ_KEY,
                "--from", FROM.toString(), "--to", TO.toString(),
                "--empty-from", "2025-01-01", "--empty-to", "2025-01-31", "--text", MARKUP_CAMPAIGN,
                "--out", SCREENSHOTS.toString(), "--chromium", chromium));
        Process process = new ProcessBuilder(command).directory(DASHBOARD.toFile()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(output);

        assertTrue(finished, "the browser test did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("checks passed"), output);
        for (String screenshot : List.of("dashboard-en.png", "dashboard-fa.png", "dashboard-fa-phone.png",
                "dashboard-fa-empty.png")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(screenshot)) > 10_000, screenshot + " is missing or blank");
        }
    }

    private static void registerProperty() {
        given().contentType(ContentType.JSON)
                .body(Map.of("property", PROPERTY, "timeZone", TEHRAN.getId(), "apiSecret", SECRET,
                        "readKeys", List.of(READ_KEY), "adminToken", Replays.ADMIN_TOKEN))
                .post("/property").then().statusCode(200);
    }

    /**
     * Sends events for the range and the 14 days before it: a direct visit every day, a Google Ads click every
     * other day (with a purchase in rials on three of them), and an Instagram story visit every third day. The days
     * before have fewer of each, so every card has a change.
     */
    private static void sendEvents() {
        List<String> events = new ArrayList<>();
        for (int day = -DAYS; day < DAYS; day++) {
            LocalDate date = FROM.plusDays(day);
            boolean current = day >= 0;
            events.addAll(visit("direct-" + date, date, 9, "https://shop.example/", 1));
            if (current ? day % 2 == 0 : day % 4 == 0) {
                String client = "ads-" + date;
                events.addAll(visit(client, date, 11, "https://shop.example/?utm_source=google&utm_medium=cpc"
                        + "&utm_campaign=nowruz_sale", 2));
                if (current && (day == 2 || day == 6 || day == 10) || day == -8) {
                    events.add(event(client + "-buy", client, "purchase", date, 11, 5,
                            "\"transaction_id\":\"T-" + date + "\",\"value\":" + (12_345_670 + day * 1_000_000L)
                                    + ",\"currency\":\"IRR\""));
                }
            }
            if (current && day % 3 == 0) {
                // A campaign name with markup in it, which the page must show as text.
                events.addAll(visit("story-" + date, date, 20, "https://shop.example/?utm_source=instagram"
                        + "&utm_medium=social&utm_campaign=" + URLEncoder.encode(MARKUP_CAMPAIGN,
                                StandardCharsets.UTF_8), 2));
            }
        }
        // At most 25 events per request, as for GA4's Measurement Protocol.
        for (int start = 0; start < events.size(); start += 25) {
            given().body("[" + String.join(",", events.subList(start, Math.min(start + 25, events.size()))) + "]")
                    .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                    .queryParam("import", true)
                    .post("/events").then().log().ifValidationFails().statusCode(200).body("rejected", equalTo(0));
        }
    }

    /** Page views of one visit, a minute apart; two or more make the session engaged. */
    private static List<String> visit(String client, LocalDate date, int hour, String url, int pages) {
        List<String> views = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            views.add(event(client + "-" + page, client, "page_view", date, hour, page,
                    "\"page_location\":\"" + url + "\""));
        }
        return views;
    }

    private static String event(String id, String client, String name, LocalDate date, int hour, int minute,
            String params) {
        String time = date.atTime(hour, minute).atZone(TEHRAN).toInstant().toString();
        return "{\"event_id\":\"" + id + "\",\"name\":\"" + name + "\",\"client_id\":\"" + client
                + "\",\"timestamp\":\"" + time + "\",\"params\":{" + params + "}}";
    }

    /** 60,000,000 rials (6,000,000 toman) on the campaign, more than the revenue it brought: ROAS below 1. */
    private static void importSpend() {
        given().body("[{\"date\":\"2026-03-20\",\"platform\":\"google_ads\",\"campaign_name\":\"nowruz_sale\","
                        + "\"impressions\":20000,\"clicks\":400,\"cost\":\"60000000\",\"currency\":\"IRR\","
                        + "\"conversions\":3}]")
                .queryParam("measurement_id", PROPERTY).queryParam("api_secret", SECRET)
                .queryParam("format", "canonical")
                .post("/spend/import").then().statusCode(200);
    }

    private static void createGoal() {
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "create", "property", PROPERTY, "adminToken", Replays.ADMIN_TOKEN,
                        "today", "2026-03-15",
                        "goal", Map.of("name", "فروش نوروز: ۱۰ میلیون تومان", "type", "sales", "kpi", "revenue",
                                "target", Map.of("kind", "absolute", "value", 100_000_000),
                                "scope", Map.of("kind", "property"),
                                "start", FROM.toString(), "deadline", FROM.plusDays(29).toString())))
                .post("/goals").then().log().ifValidationFails().statusCode(200);
    }
}
