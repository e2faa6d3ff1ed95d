package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
            assertTrue(stdout().endsWith("Direct               307               184           60.00%            -"
                    + "             -\n"), stdout());
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

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
