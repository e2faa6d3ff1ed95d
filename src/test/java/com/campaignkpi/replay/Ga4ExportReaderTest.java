package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ga4ExportReaderTest {

    private static final String EXPORT = "ga4_bigquery_export/ga4_obfuscated_sample_ecommerce_spider2_sample.ndjson";
    private static final String PURCHASE = """
            {"event_date":"20201201","event_timestamp":"1606780800123456","event_name":"purchase",\
            "event_params":[{"key":"ga_session_id","value":{"string_value":null,"int_value":"77","float_value":null,\
            "double_value":null}},{"key":"session_engaged","value":{"int_value":1}},\
            {"key":"firebase_conversion","value":{"int_value":1}},{"key":"all_data","value":{}},\
            {"key":"percent","value":{"double_value":12.50}}],\
            "user_id":"u-1","user_pseudo_id":"123.456","event_currency":"USD",\
            "device":{"category":"mobile"},"ecommerce":{"transaction_id":"T-9","purchase_revenue":49.95},\
            "items":[{"item_id":"SKU1","item_name":"Tee","price":24.975,"quantity":2,"coupon":null}]}
            """;

    @Test
    void sharedFileEventCounts() throws IOException {
        ReadResult result = new Ga4ExportReader().read(TestData.shared(EXPORT));
        Map<String, Long> byName = result.events().stream()
                .collect(Collectors.groupingBy(ReplayEvent::name, Collectors.counting()));

        assertEquals(460, result.events().size());
        assertEquals(Map.of("page_view", 151L, "user_engagement", 96L, "session_start", 86L, "first_visit", 68L,
                "scroll", 42L, "view_search_results", 9L, "view_item", 4L, "view_promotion", 3L,
                "add_payment_info", 1L), byName);
        assertEquals(114, result.events().stream().map(ReplayEvent::clientId).distinct().count());
        assertEquals(460, result.events().stream().map(ReplayEvent::eventId).distinct().count());
    }

    @Test
    void sharedFileFirstEvent() throws IOException {
        ReplayEvent first = new Ga4ExportReader().read(TestData.shared(EXPORT)).events().get(0);

        assertEquals("1005694.5834348403", first.clientId());
        assertEquals(1_604_192_073_036_492L, first.timestampMicros());
        assertEquals("page_view", first.name());
        assertEquals("desktop", first.deviceCategory());
        assertEquals(List.of("page_title", "page_location", "ga_session_number", "clean_event",
                "engaged_session_event", "session_engaged", "ga_session_id", "debug_mode", "entrances"),
                List.copyOf(first.params().keySet()));
        assertEquals(4_863_244_888L, first.param("ga_session_id"));
        assertEquals(1L, first.param("ga_session_number"));
        assertEquals("0", first.param("session_engaged"));
        assertEquals("https://shop.googlemerchandisestore.com/Google+Redesign/Lifestyle/Drinkware",
                first.param("page_location"));
    }

    @Test
    void purchaseRow(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", PURCHASE);

        ReadResult result = new Ga4ExportReader().read(file);

        ReplayEvent event = result.events().get(0);
        assertEquals("123.456", event.clientId());
        assertEquals("u-1", event.userId());
        assertEquals(1_606_780_800_123_456L, event.timestampMicros());
        assertEquals(77L, event.param("ga_session_id"));
        assertEquals("1", event.param("session_engaged"));
        assertEquals(new BigDecimal("12.50"), event.param("percent"));
        assertEquals("T-9", event.param("transaction_id"));
        assertEquals(new BigDecimal("49.95"), event.param("value"));
        assertEquals("USD", event.param("currency"));
        assertEquals(List.of(Map.of("item_id", "SKU1", "item_name", "Tee", "price", new BigDecimal("24.975"),
                "quantity", 2L)), event.param("items"));
        assertFalse(event.params().containsKey("firebase_conversion"));
        assertFalse(event.params().containsKey("all_data"));
        assertEquals(Map.of("firebase_conversion", 1L), result.droppedParams());
    }

    @Test
    void eventIdIsStable(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", PURCHASE);

        String first = new Ga4ExportReader().read(file).events().get(0).eventId();
        String second = new Ga4ExportReader().read(file).events().get(0).eventId();

        assertEquals(32, first.length());
        assertEquals(first, second);
    }

    @Test
    void malformedJsonNamesLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", PURCHASE + "{\"event_name\": \"x\",, }\n");

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new Ga4ExportReader().read(file));

        assertEquals(2, error.line());
        assertEquals("20", error.column());
    }

    @Test
    void badIntValueNamesField(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", "\n" + PURCHASE.replace("\"77\"", "\"seventy\""));

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new Ga4ExportReader().read(file));

        assertEquals(2, error.line());
        assertEquals("event_params[0].value.int_value", error.column());
    }

    @Test
    void missingTimestampNamesField(@TempDir Path dir) throws IOException {
        Path file = TestData.write(dir, "events.ndjson", PURCHASE.replace("\"event_timestamp\":\"1606780800123456\",",
                ""));

        ReplayInputException error = assertThrows(ReplayInputException.class, () -> new Ga4ExportReader().read(file));

        assertEquals(1, error.line());
        assertEquals("event_timestamp", error.column());
    }
}
