package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalReaderTest {

    private static final String FIRST = """
            {"event_id":"e1","name":"purchase","timestamp_micros":1711615518000000,"client_id":"c1",\
            "user_id":"u1","device_category":"mobile","params":{"value":19.90,"currency":"EUR",\
            "transaction_id":"T1","non_interaction":true,"ga_session_number":2,"missing":null,\
            "items":[{"item_id":"A","price":9.95,"quantity":2}]}}""";
    private static final String SECOND = """
            {"name":"page_view","timestamp":"2024-03-28T08:45:18.250+01:00","client_id":"c2"}""";

    @Test
    void ndjsonLines(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", FIRST + "\n\n" + SECOND + "\n");

        List<ReplayEvent> events = new CanonicalReader().read(file).events();

        assertEquals(2, events.size());
        assertEquals(new ReplayEvent("c1", "u1", 1_711_615_518_000_000L, "purchase", Map.of(
                "value", new BigDecimal("19.90"), "currency", "EUR", "transaction_id", "T1", "non_interaction", true,
                "ga_session_number", 2L, "items", List.of(Map.of("item_id", "A", "price", new BigDecimal("9.95"),
                        "quantity", 2L))), "mobile", "e1"), events.get(0));
        assertEquals(new ReplayEvent("c2", null, 1_711_611_918_250_000L, "page_view", Map.of(), null, null),
                events.get(1));
    }

    @Test
    void jsonArray(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.json", "[\n" + FIRST + ",\n" + SECOND + "\n]\n");

        List<ReplayEvent> events = new CanonicalReader().read(file).events();

        assertEquals(List.of("purchase", "page_view"), events.stream().map(ReplayEvent::name).toList());
    }

    @Test
    void gzippedFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((FIRST + "\n" + SECOND + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(2, new CanonicalReader().read(file).events().size());
    }

    @Test
    void missingClientNamesLine(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", FIRST + "\n" + SECOND.replace("\"client_id\":\"c2\"",
                "\"client_id\":\"\""));

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new CanonicalReader().read(file));

        assertEquals(2, error.line());
        assertEquals("client_id", error.column());
    }

    @Test
    void nestedObjectParamRejected(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.json", "[\n  " + SECOND.replace("}", ",\"params\":{\"x\":{}}}")
                + "\n]");

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new CanonicalReader().read(file));

        assertEquals(2, error.line());
        assertEquals("params.x", error.column());
    }

    @Test
    void scalarInArrayRejected(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.json", "[" + SECOND + ", 42]");

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new CanonicalReader().read(file));

        assertEquals(1, error.line());
        assertEquals(String.valueOf(("[" + SECOND + ", ").length() + 1), error.column());
    }

    @Test
    void badTimestampRejected(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", SECOND.replace("+01:00", ""));

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new CanonicalReader().read(file));

        assertEquals("timestamp", error.column());
    }
}
