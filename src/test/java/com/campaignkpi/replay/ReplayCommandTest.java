package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "--measurement-id G => option --base-url is required",
        "--base-url ftp://host --measurement-id G => option --base-url 'ftp://host' is not an http(s) URL",
        "--base-url http://127.0.0.1:1 --api-secret s --input FILE --format ua-hits"
            + " => option --measurement-id is required",
        "--base-url http://127.0.0.1:1 --measurement-id G --input FILE --format ua-hits"
            + " => option --api-secret is required",
        "--base-url http://127.0.0.1:1 --measurement-id G --api-secret s --input FILE => option --format is required",
        "BASE --format csv"
            + " => option --format 'csv' is invalid; expected one of ua-hits|plausible-events|ga4-export|canonical",
        "BASE --format ua-hits --from 2016-13-01 => option --from '2016-13-01' is not a date of the form yyyy-MM-dd",
        "BASE --format ua-hits --from 2017-01-02 --to 2017-01-01 => option --from 2017-01-02 is after --to 2017-01-01",
        "BASE --format ua-hits --time-zone Mars/Olympus => option --time-zone 'Mars/Olympus' is not a time zone id",
        "BASE --format ua-hits --register-property => option --register-property requires --admin-token",
        "BASE --format ua-hits --group-by country => option --group-by 'country' is invalid",
        "BASE --format ua-hits --concurrency 0 => option --concurrency '0' is invalid",
        "BASE --format ua-hits --concurrency many => option --concurrency 'many' is invalid",
        "BASE --format ua-hits --verbose => unknown option '--verbose'",
        "BASE --format => option --format requires a value",
        "BASE --format ua-hits --spend no/such/report.csv => option --spend: file not found: ",
        "BASE --format ua-hits --spend FILE --spend-format xlsx"
            + " => option --spend-format 'xlsx' is invalid; expected one of google-ads|meta-ads|canonical|generic-csv",
        "BASE --format ua-hits --spend-format google-ads => option --spend-format requires --spend",
        "BASE --format ua-hits --spend-from 2026-01-20 --spend-to 2026-01-21 => option --spend-from requires --spend",
        "BASE --format ua-hits --spend FILE --spend-from 2026-01-20"
            + " => options --spend-from and --spend-to must be given together",
        "BASE --format ua-hits --spend FILE --spend-to 2026-01-21"
            + " => options --spend-from and --spend-to must be given together",
        "BASE --format ua-hits --spend FILE --spend-from 2026-01-22 --spend-to 2026-01-21"
            + " => option --spend-from 2026-01-22 is after --spend-to 2026-01-21",
        "BASE --format ua-hits --spend FILE --spend-from 2026-01-20 --spend-to 2026-02-30"
            + " => option --spend-to '2026-02-30' is not a date of the form yyyy-MM-dd",
    })
    void usageErrors(String arguments, String expectedMessage) {
        String expanded = arguments
                .replace("BASE", "--base-url http://127.0.0.1:1 --measurement-id G --api-secret s --input FILE")
                .replace("FILE", TestData.SAMPLE_HITS.toString());

        int status = command().run(expanded.split(" "));

        assertEquals(ReplayCommand.EXIT_USAGE, status);
        assertTrue(stderr().startsWith("replay: " + expectedMessage), stderr());
        assertTrue(stderr().contains("Run with --help"), stderr());
    }

    @Test
    void missingInputFile() {
        int status = command().run(new String[] {"--base-url", "http://127.0.0.1:1", "--measurement-id", "G",
            "--api-secret", "s", "--input", "no/such/file.csv", "--format", "ua-hits"});

        assertEquals(ReplayCommand.EXIT_USAGE, status);
        assertTrue(stderr().startsWith("replay: option --input: file not found: "), stderr());
    }

    @Test
    void helpPrintsUsage() {
        int status = command().run(new String[] {"--help"});

        assertEquals(ReplayCommand.EXIT_OK, status);
        assertTrue(stdout().startsWith("Usage: ReplayCommand --base-url URL"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void replaysSampleAndPrintsTables() throws IOException {
        List<String> snapshotRequests = new ArrayList<>();
        try (FakeServer server = new FakeServer((request, index) -> switch (request.path()) {
            case "/property" -> new FakeServer.Answer(200, "{\"property\":\"G-TEST\"}");
            case "/snapshot" -> {
                snapshotRequests.add(request.body());
                yield new FakeServer.Answer(200, SnapshotTablesTest.SNAPSHOT);
            }
            default -> FakeServer.acceptAll(request);
        })) {
            int status = command().run(args(server.baseUrl(), TestData.SAMPLE_HITS, "ua-hits",
                    "--time-zone", "America/Los_Angeles", "--register-property", "--admin-token", "admin-1"));

            assertEquals(ReplayCommand.EXIT_OK, status, stderr());
            JsonNode property = JsonValues.READER.readTree(server.requests().get(0).body());
            assertEquals("/property", server.requests().get(0).path());
            assertEquals("{\"property\":\"G-TEST\",\"timeZone\":\"America/Los_Angeles\",\"apiSecret\":\"secret-1\","
                    + "\"keyEvents\":[\"purchase\",\"sign_up\",\"generate_lead\"],\"sessionTimeoutMinutes\":30,"
                    + "\"adminToken\":\"admin-1\"}", property.toString());
            assertEquals(List.of("{\"property\":\"G-TEST\",\"from\":\"2016-08-01\",\"to\":\"2017-08-01\","
                    + "\"timeZone\":\"America/Los_Angeles\",\"groupBy\":\"channel_group\"}"), snapshotRequests);
            assertEquals(1 + 1_843 + 1, server.requests().size());
            assertTrue(stdout().startsWith("Read 12,041 events from " + TestData.SAMPLE_HITS + " (format ua-hits).\n"
                    + "Truncated to the server's length limit: {page_referrer=8}\n"
                    + "Registered property G-TEST in time zone America/Los_Angeles.\n"
                    + "Replayed 12,041 events to G-TEST in 1,843 requests (0 retries) in "), stdout());
            assertTrue(stdout().contains("accepted 12,041, duplicates 0, rejected 0.\n\n"
                    + "KPIs of G-DEMO2016 from 2016-08-01 to 2017-08-01 (America/Los_Angeles)\n"), stdout());
            assertTrue(stdout().contains("Direct               307               184           60.00%            -"
                    + "             -\n"), stdout());
            assertTrue(stdout().endsWith("\nDashboard of 2017-07-03 to 2017-08-01, in Persian (English is one click "
                    + "away):\n  " + server.baseUrl().toString().replaceAll("/+$", "") + "/dashboard/?property=G-TEST"
                    + "&from=2017-07-03&to=2017-08-01&lang=fa\n"), stdout());
        }
    }

    @Test
    void jsonOutputKeepsStdoutClean(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", """
                {"name":"session_start","timestamp_micros":1711615518000000,"client_id":"c1"}
                {"name":"page_view","timestamp_micros":1711701918000000,"client_id":"c1"}
                """);
        List<String> snapshotRequests = new ArrayList<>();
        try (FakeServer server = new FakeServer((request, index) -> {
            if (request.path().equals("/snapshot")) {
                snapshotRequests.add(request.body());
                return new FakeServer.Answer(200, "{\"property\":\"G-TEST\",\"kpis\":{}}");
            }
            return FakeServer.acceptAll(request);
        })) {
            int status = command().run(args(server.baseUrl(), file, "canonical", "--json", "--group-by", "date"));

            assertEquals(ReplayCommand.EXIT_OK, status, stderr());
            assertEquals("/events", server.requests().get(0).path());
            assertEquals(List.of("{\"property\":\"G-TEST\",\"from\":\"2024-03-28\",\"to\":\"2024-03-29\","
                    + "\"timeZone\":\"UTC\",\"groupBy\":\"date\"}"), snapshotRequests);
            assertEquals("{\n  \"property\" : \"G-TEST\",\n  \"kpis\" : { }\n}\n", stdout());
            assertTrue(stderr().contains("Replayed 2 events to G-TEST in 1 request (0 retries)"), stderr());
        }
    }

    @Test
    void spendReportsImportedBeforeSnapshot(@TempDir Path dir) throws IOException {
        Path events = TestData.write(dir, "events.ndjson", """
                {"name":"session_start","timestamp_micros":1711615518000000,"client_id":"c1"}
                {"name":"page_view","timestamp_micros":1711701918000000,"client_id":"c1"}
                """);
        // UTF-16LE with a byte order mark, as Google Ads writes TSV downloads, so these bytes are not valid UTF-8.
        byte[] googleReport = "\uFEFFCampaign report\nCampaign\tCost\nSpring Sale\t25.00\n"
                .getBytes(StandardCharsets.UTF_16LE);
        Path first = Files.write(dir.resolve("campaigns.tsv"), googleReport);
        Path second = TestData.write(dir, "more.csv", "Campaign,Cost,Currency code\nAutumn,5.00,EUR\n");
        try (FakeServer server = new FakeServer((request, index) -> switch (request.path()) {
            case "/spend/import" -> new FakeServer.Answer(200, index == 1 ? SPEND_IMPORTED
                    : "{\"property\":\"G-TEST\",\"format\":\"google-ads\",\"rows\":1,\"periodRows\":0,"
                    + "\"totals\":[{\"currency\":\"EUR\",\"rows\":1,\"cost\":5}]}");
            case "/snapshot" -> new FakeServer.Answer(200, SnapshotTablesTest.SNAPSHOT);
            default -> FakeServer.acceptAll(request);
        })) {
            int status = command().run(args(server.baseUrl(), events, "canonical", "--spend", first.toString(),
                    "--spend=" + second, "--spend-format", "google-ads", "--spend-from", "2026-01-20",
                    "--spend-to", "2026-01-21"));

            assertEquals(ReplayCommand.EXIT_OK, status, stderr());
            List<String> paths = server.requests().stream().map(FakeServer.Request::path).toList();
            assertEquals(List.of("/events", "/spend/import", "/spend/import", "/snapshot"), paths);
            FakeServer.Request firstImport = server.requests().get(1);
            assertEquals("measurement_id=G-TEST&api_secret=secret-1&format=google-ads&from=2026-01-20"
                    + "&to=2026-01-21", firstImport.query());
            assertArrayEquals(googleReport, firstImport.bodyBytes());
            assertEquals("application/octet-stream", firstImport.contentType());
            assertEquals(firstImport.query(), server.requests().get(2).query());
            assertArrayEquals(Files.readAllBytes(second), server.requests().get(2).bodyBytes());
            assertTrue(stdout().contains("rejected 0.\n\n"
                    + "Imported 12 spend rows (google-ads) for G-TEST: 14,100,000 impressions, 1,234 clicks, "
                    + "199,500.12 USD, 18,700 conversions\n"
                    + "12 rows are totals for the period 2026-01-20 to 2026-01-21, not per day.\n"
                    + "File total 'Account' matches the imported rows.\n"
                    + "Warning: 2 rows have no campaign name and count under (not set)\n"
                    + "Ignored 2 columns the import does not read: Ad status, Final URL.\n"
                    + "Note: the report covers 2026-01-20 to 2026-01-21, outside the snapshot's days 2024-03-28 "
                    + "to 2024-03-29, so the snapshot leaves its spend out. Set the snapshot's days with --from "
                    + "and --to.\n\n"
                    + "Imported 1 spend row (google-ads) for G-TEST: 5.00 EUR\n\n"
                    + "KPIs of G-DEMO2016"), stdout());
        }
    }

    @Test
    void rejectedSpendReportFails(@TempDir Path dir) throws IOException {
        Path events = TestData.write(dir, "events.ndjson",
                "{\"name\":\"page_view\",\"timestamp_micros\":1711701918000000,\"client_id\":\"c1\"}\n");
        Path report = TestData.write(dir, "totals.csv", "Campaign,Cost\nSpring Sale,25.00\n");
        try (FakeServer server = new FakeServer((request, index) -> request.path().equals("/spend/import")
                ? new FakeServer.Answer(400, "{\"status\":400,\"error\":\"The report has no per-day rows and "
                        + "states no period\",\"field\":\"from\"}")
                : FakeServer.acceptAll(request))) {
            int status = command().run(args(server.baseUrl(), events, "canonical", "--api-secret", "p&q=r",
                    "--spend", report.toString()));

            assertEquals(ReplayCommand.EXIT_FAILURE, status);
            List<String> paths = server.requests().stream().map(FakeServer.Request::path).toList();
            assertEquals(List.of("/events", "/spend/import"), paths);
            assertEquals("measurement_id=G-TEST&api_secret=p%26q%3Dr", server.requests().get(1).query());
            assertEquals("Campaign,Cost\nSpring Sale,25.00\n", server.requests().get(1).body());
            assertEquals("replay: importing spend report " + report + " failed: POST /spend/import returned "
                    + "HTTP 400: The report has no per-day rows and states no period (field from). Pass the days "
                    + "the report covers with --spend-from and --spend-to.", lastLine(stderr()));
        }
    }

    @Test
    void spendImportWithWrongSecretFails(@TempDir Path dir) throws IOException {
        Path events = TestData.write(dir, "events.ndjson",
                "{\"name\":\"page_view\",\"timestamp_micros\":1711701918000000,\"client_id\":\"c1\"}\n");
        Path report = TestData.write(dir, "totals.csv", "Campaign,Cost\nSpring Sale,25.00\n");
        try (FakeServer server = new FakeServer((request, index) -> request.path().equals("/spend/import")
                ? new FakeServer.Answer(401, "{\"status\":401,\"error\":\"api_secret is wrong for "
                        + "measurement_id 'G-TEST'\",\"field\":\"api_secret\"}")
                : FakeServer.acceptAll(request))) {
            int status = command().run(args(server.baseUrl(), events, "canonical", "--spend", report.toString()));

            assertEquals(ReplayCommand.EXIT_FAILURE, status);
            assertEquals(2, server.requests().size());
            assertEquals("replay: importing spend report " + report + " failed: the server rejected the spend "
                    + "import for measurement id G-TEST (HTTP 401: api_secret is wrong for measurement_id 'G-TEST')."
                    + " Check --measurement-id and --api-secret, or register the property first with "
                    + "--register-property.", lastLine(stderr()));
        }
    }

    @Test
    void rejectedAdminTokenFails() throws IOException {
        try (FakeServer server = new FakeServer((request, index) -> new FakeServer.Answer(401,
                "{\"error\":\"adminToken is missing or wrong\"}"))) {
            int status = command().run(args(server.baseUrl(), TestData.SAMPLE_HITS, "ua-hits",
                    "--register-property", "--admin-token", "wrong"));

            assertEquals(ReplayCommand.EXIT_FAILURE, status);
            assertEquals(1, server.requests().size());
            assertTrue(stderr().startsWith("replay: the server rejected the admin token (HTTP 401: adminToken is "
                    + "missing or wrong)"), stderr());
        }
    }

    @Test
    void malformedInputFails(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", "{\"name\":\"x\"}\n");

        int status = command().run(args(URI.create("http://127.0.0.1:1"), file, "canonical"));

        assertEquals(ReplayCommand.EXIT_FAILURE, status);
        assertEquals("replay: " + file + ": line 1, column client_id: the value is missing\n", stderr());
    }

    static final String SPEND_IMPORTED = """
            {"property":"G-TEST","format":"google-ads","title":"Campaign report","rows":12,"periodRows":12,
             "from":"2026-01-20","to":"2026-01-21",
             "totals":[{"currency":"USD","rows":12,"impressions":14100000,"clicks":1234,"cost":199500.12,
                        "conversions":18700}],
             "fileTotals":[{"label":"Account","fileImpressions":14100000,"importedImpressions":14100000,
                            "fileCost":199500.12,"importedCost":199500.12,"matches":true}],
             "ignoredColumns":["Ad status","Final URL"],
             "warnings":["2 rows have no campaign name and count under (not set)"]}
            """;

    private ReplayCommand command() {
        return new ReplayCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofMillis(10));
    }

    private static String[] args(URI baseUrl, Path input, String format, String... more) {
        List<String> args = new ArrayList<>(List.of("--base-url", baseUrl.toString(), "--measurement-id", "G-TEST",
                "--api-secret", "secret-1", "--input", input.toString(), "--format", format));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Returns the last line, after the progress lines that precede an error on standard error. */
    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
