package com.campaignkpi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One invalid variant per Measurement Protocol rule, each rejected with its field and reason. */
class ValidationRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final long NOW_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, NOW);
    private static final long HOUR_MICROS = 3_600_000_000L;

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("name missing", event("{\"params\":{}}"),
                        "events[0].name", "events[0].name is missing"),
                Arguments.of("name too long", event("{\"name\":\"" + "a".repeat(41) + "\"}"),
                        "events[0].name", "events[0].name '" + "a".repeat(41) + "' is 41 characters long; the limit "
                                + "is 40"),
                Arguments.of("name with dash", event("{\"name\":\"add-to-cart\"}"),
                        "events[0].name", "events[0].name 'add-to-cart' is invalid: start with a letter and use only "
                                + "letters, digits and '_'"),
                Arguments.of("name starts with digit", event("{\"name\":\"1click\"}"),
                        "events[0].name", "events[0].name '1click' is invalid: start with a letter and use only "
                                + "letters, digits and '_'"),
                Arguments.of("reserved name", event("{\"name\":\"session_start\"}"),
                        "events[0].name", "events[0].name 'session_start' is reserved by GA4 and cannot be sent by a "
                                + "client; send it to the canonical endpoint if your tag collected it itself"),
                Arguments.of("reserved name not automatic", event("{\"name\":\"ad_click\"}"),
                        "events[0].name", "events[0].name 'ad_click' is reserved by GA4 and cannot be sent by a "
                                + "client"),
                Arguments.of("reserved name prefix", event("{\"name\":\"firebase_open\"}"),
                        "events[0].name", "events[0].name 'firebase_open' starts with the reserved prefix "
                                + "'firebase_'"),
                Arguments.of("too many params", event("{\"name\":\"x\",\"params\":" + params(26) + "}"),
                        "events[0].params", "events[0].params has 26 parameters; the limit is 25 per event"),
                Arguments.of("param name too long", event("{\"name\":\"x\",\"params\":{\"" + "p".repeat(41)
                        + "\":1}}"), "events[0].params." + "p".repeat(41), "parameter name '" + "p".repeat(41)
                                + "' is 41 characters long; the limit is 40"),
                Arguments.of("param reserved prefix", event("{\"name\":\"x\",\"params\":{\"google_id\":1}}"),
                        "events[0].params.google_id", "parameter name 'google_id' starts with the reserved prefix "
                                + "'google_'"),
                Arguments.of("param value too long", event("{\"name\":\"x\",\"params\":{\"label\":\""
                        + "v".repeat(101) + "\"}}"), "events[0].params.label",
                        "events[0].params.label is 101 characters long; the limit is 100"),
                Arguments.of("page_location too long", event("{\"name\":\"page_view\",\"params\":"
                        + "{\"page_location\":\"https://x.example/" + "a".repeat(983) + "\"}}"),
                        "events[0].params.page_location",
                        "events[0].params.page_location is 1001 characters long; the limit is 1000"),
                Arguments.of("object param", event("{\"name\":\"x\",\"params\":{\"meta\":{\"a\":1}}}"),
                        "events[0].params.meta", "events[0].params.meta must be a string, number or boolean; only "
                                + "'items' may be an array"),
                Arguments.of("items not array", event("{\"name\":\"x\",\"params\":{\"items\":\"sku1\"}}"),
                        "events[0].params.items", "events[0].params.items must be an array of item objects"),
                Arguments.of("value not a number", event("{\"name\":\"x\",\"params\":{\"value\":\"ten\"}}"),
                        "events[0].params.value", "events[0].params.value 'ten' is not a number"),
                Arguments.of("currency invalid", event("{\"name\":\"x\",\"params\":{\"currency\":\"usd\"}}"),
                        "events[0].params.currency", "events[0].params.currency 'usd' is not an ISO 4217 currency "
                                + "code such as USD or IRR"),
                Arguments.of("purchase without currency", event("{\"name\":\"purchase\",\"params\":"
                        + "{\"value\":10}}"), "events[0].params.currency", "events[0].params.currency is missing: a "
                                + "purchase with a value needs an ISO 4217 currency, because amounts in different "
                                + "currencies cannot be added up"),
                Arguments.of("negative engagement", event("{\"name\":\"x\",\"params\":{\"engagement_time_msec\":-5}}"),
                        "events[0].params.engagement_time_msec", "events[0].params.engagement_time_msec '-5' is not "
                                + "a whole number of milliseconds from 0 to 86400000 (one day)"),
                Arguments.of("engagement over a day", event("{\"name\":\"x\",\"params\":"
                        + "{\"engagement_time_msec\":9223372036854775807}}"), "events[0].params.engagement_time_msec",
                        "events[0].params.engagement_time_msec '9223372036854775807' is not a whole number of "
                                + "milliseconds from 0 to 86400000 (one day)"),
                Arguments.of("value beyond DynamoDB", event("{\"name\":\"purchase\",\"params\":{\"value\":"
                        + "\"1e126\",\"currency\":\"USD\"}}"), "events[0].params.value", "events[0].params.value "
                                + "'1e126' cannot be stored exactly: use at most 38 significant digits and a "
                                + "magnitude below 1E126"),
                Arguments.of("value too precise", event("{\"name\":\"purchase\",\"params\":{\"value\":"
                        + "\"1.23456789012345678901234567890123456789\",\"currency\":\"USD\"}}"),
                        "events[0].params.value", "events[0].params.value '1.23456789012345678901234567890123456789' "
                                + "cannot be stored exactly: use at most 38 significant digits and a magnitude below "
                                + "1E126"),
                Arguments.of("value infinite", event("{\"name\":\"purchase\",\"params\":{\"value\":1e400,"
                        + "\"currency\":\"USD\"}}"), "events[0].params.value",
                        "events[0].params.value 'Infinity' is not a number"),
                Arguments.of("negative value", event("{\"name\":\"purchase\",\"params\":{\"value\":-20,"
                        + "\"currency\":\"USD\"}}"), "events[0].params.value", "events[0].params.value '-20' is "
                                + "negative; send returned money as a refund event with a positive value"),
                Arguments.of("item price text", event("{\"name\":\"x\",\"params\":{\"items\":"
                        + "[{\"item_id\":\"a\",\"price\":\"abc\"}]}}"), "events[0].params.items[0].price",
                        "events[0].params.items[0].price 'abc' is not a number"),
                Arguments.of("item quantity negative", event("{\"name\":\"x\",\"params\":{\"items\":"
                        + "[{\"item_id\":\"a\",\"quantity\":-3}]}}"), "events[0].params.items[0].quantity",
                        "events[0].params.items[0].quantity '-3' is not a whole number of 1 or more"),
                Arguments.of("timestamp past year 9999", event("{\"name\":\"x\",\"timestamp_micros\":"
                        + "9300000000000000000}"), "events[0].timestamp_micros", "events[0].timestamp_micros "
                                + "'9300000000000000000' is not a whole number of microseconds since the Unix epoch "
                                + "from 0 to 253402300799999999 (year 9999)"),
                Arguments.of("value with a huge negative exponent", event("{\"name\":\"x\",\"params\":{\"value\":"
                        + "\"1e-1000000000\"}}"), "events[0].params.value", "events[0].params.value '1e-1000000000' "
                                + "cannot be stored exactly: use at most 38 significant digits and a magnitude below "
                                + "1E126"),
                Arguments.of("value with a huge exponent", event("{\"name\":\"x\",\"params\":{\"tax\":"
                        + "\"100e2147483647\"}}"), "events[0].params.tax", "events[0].params.tax '100e2147483647' "
                                + "cannot be stored exactly: use at most 38 significant digits and a magnitude below "
                                + "1E126"),
                Arguments.of("user id too long", "{\"client_id\":\"c\",\"user_id\":\"" + "u".repeat(257)
                        + "\",\"events\":[{\"name\":\"x\"}]}", "user_id", "user_id is 257 characters long; the "
                                + "limit is 256"),
                Arguments.of("event id too long", event("{\"name\":\"x\",\"event_id\":\"" + "e".repeat(300)
                        + "\"}"), "events[0].event_id", "events[0].event_id is 300 characters long; the limit is "
                                + "256"),
                Arguments.of("event id lone surrogate", event("{\"name\":\"x\",\"event_id\":\"ev\\udfff\"}"),
                        "events[0].event_id", "events[0].event_id contains an unpaired UTF-16 surrogate, which is "
                                + "not text"),
                Arguments.of("client id object", "{\"client_id\":{\"id\":1},\"events\":[{\"name\":\"x\"}]}",
                        "client_id", "client_id must be a string, found object"),
                Arguments.of("consent not object", "{\"client_id\":\"c\",\"consent\":\"x\",\"events\":"
                        + "[{\"name\":\"x\"}]}", "consent", "consent must be a JSON object such as "
                                + "{\"ad_user_data\":\"GRANTED\"}"),
                Arguments.of("older than 72 hours", event("{\"name\":\"x\",\"timestamp_micros\":"
                        + (NOW_MICROS - 73 * HOUR_MICROS) + "}"), "events[0].timestamp_micros",
                        "events[0].timestamp_micros " + (NOW_MICROS - 73 * HOUR_MICROS)
                                + " (2026-12-01T11:00:00Z) is older than 72 hours; send historical data with "
                                + "import=true"),
                Arguments.of("in the future", event("{\"name\":\"x\",\"timestamp_micros\":"
                        + (NOW_MICROS + HOUR_MICROS) + "}"), "events[0].timestamp_micros",
                        "events[0].timestamp_micros " + (NOW_MICROS + HOUR_MICROS) + " (2026-12-04T13:00:00Z) is in "
                                + "the future; at most 15 minutes of clock skew are accepted"),
                Arguments.of("client id missing", "{\"events\":[{\"name\":\"x\"}]}",
                        "client_id", "client_id is missing: every event needs a client id (client_id or "
                                + "app_instance_id) to be counted in sessions and users"),
                Arguments.of("user property name too long", "{\"client_id\":\"c\",\"user_properties\":{\""
                        + "u".repeat(25) + "\":{\"value\":\"x\"}},\"events\":[{\"name\":\"x\"}]}",
                        "user_properties." + "u".repeat(25), "user property name '" + "u".repeat(25)
                                + "' is 25 characters long; the limit is 24"),
                Arguments.of("user property value too long", "{\"client_id\":\"c\",\"user_properties\":{\"tier\":"
                        + "{\"value\":\"" + "t".repeat(37) + "\"}},\"events\":[{\"name\":\"x\"}]}",
                        "user_properties.tier.value", "user_properties.tier.value is 37 characters long; the limit "
                                + "is 36"),
                Arguments.of("device category too long", "{\"client_id\":\"c\",\"device\":{\"category\":\""
                        + "d".repeat(101) + "\"},\"events\":[{\"name\":\"x\"}]}", "device.category",
                        "device.category is 101 characters long; the limit is 100"),
                Arguments.of("consent value", "{\"client_id\":\"c\",\"consent\":{\"ad_user_data\":\"YES\"},"
                        + "\"events\":[{\"name\":\"x\"}]}", "consent.ad_user_data",
                        "consent.ad_user_data 'YES' is invalid: use GRANTED or DENIED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleRejects(String rule, String body, String field, String reason) throws Exception {
        Violation violation = firstViolation(body, false);

        assertEquals(field, violation == null ? null : violation.field(), rule);
        assertEquals(reason, violation.reason(), rule);
    }

    @Test
    void importModeLiftsOnlyAge() throws Exception {
        String old = event("{\"name\":\"x\",\"timestamp_micros\":" + (NOW_MICROS - 1000 * HOUR_MICROS) + "}");
        String oldAndInvalid = event("{\"name\":\"bad-name\",\"timestamp_micros\":"
                + (NOW_MICROS - 1000 * HOUR_MICROS) + "}");

        assertNull(firstViolation(old, true));
        assertEquals("events[0].name", firstViolation(oldAndInvalid, true).field());
    }

    @Test
    void zeroWithHugeScaleIsStoredAsZero() throws Exception {
        IncomingEvent event = MeasurementProtocolBody.split(JSON.readTree(event(
                "{\"name\":\"purchase\",\"params\":{\"value\":\"0e-1000000\",\"currency\":\"USD\"}}")))
                .events().get(0);

        assertNull(EventValidator.validate(event, NOW, false));
        assertEquals(java.math.BigDecimal.ZERO, EventMapper.map(event, NOW).event().value());
    }

    @Test
    void itemQuantityIsOptional() throws Exception {
        assertNull(firstViolation(event("{\"name\":\"purchase\",\"params\":{\"value\":10,\"currency\":"
                + "\"USD\",\"items\":[{\"item_id\":\"SKU1\",\"price\":10},{\"item_id\":\"SKU2\","
                + "\"quantity\":2.0}]}}"), false));
    }

    @Test
    void forwardedSessionParamsAreAllowed() throws Exception {
        assertNull(firstViolation(event("{\"name\":\"page_view\",\"params\":{\"ga_session_id\":\"123\","
                + "\"ga_session_number\":2}}"), false));
    }

    @Test
    void eventsBeyondTwentyFiveAreRejected() throws Exception {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 27; i++) {
            events.append(i == 0 ? "" : ",").append("{\"name\":\"e").append(i).append("\"}");
        }
        SplitBody split = MeasurementProtocolBody.split(JSON.readTree(
                "{\"client_id\":\"c\",\"events\":[" + events + "]}"));

        assertEquals(25, split.events().size());
        assertNull(EventValidator.validate(split.events().get(24), NOW, false));
        SplitBody.Overflow overflow = split.overflow();
        assertEquals(25, overflow.firstIndex());
        assertEquals(26, overflow.lastIndex());
        assertEquals("events[25]", overflow.violation().field());
        assertEquals("the request has 27 events; the limit is 25 per request, so the 2 events from index 25 on are "
                + "rejected", overflow.violation().reason());
        assertEquals("{\"client_id\":\"c\",\"events\":[{\"name\":\"e25\"},{\"name\":\"e26\"}]}",
                overflow.replayBody().toString());
    }

    @Test
    void canonicalAcceptsAutomaticNames() throws Exception {
        List<IncomingEvent> incoming = CanonicalBody.split(JSON.readTree(
                "[{\"name\":\"session_start\",\"client_id\":\"c\"},{\"name\":\"ad_click\",\"client_id\":\"c\"}]"))
                .events();

        assertNull(EventValidator.validate(incoming.get(0), NOW, false));
        assertEquals("[1].name", EventValidator.validate(incoming.get(1), NOW, false).field());
    }

    @Test
    void canonicalDeviceCategoryTooLong() throws Exception {
        IncomingEvent event = CanonicalBody.split(JSON.readTree("[{\"name\":\"p\",\"client_id\":\"c\","
                + "\"device_category\":\"" + "📱".repeat(101) + "\"}]")).events().get(0);

        Violation violation = EventValidator.validate(event, NOW, false);

        assertEquals("[0].device_category", violation.field());
        assertEquals("[0].device_category is 101 characters long; the limit is 100", violation.reason());
    }

    @Test
    void canonicalTimestampOutOfRange() throws Exception {
        IncomingEvent event = CanonicalBody.split(JSON.readTree(
                "{\"name\":\"p\",\"client_id\":\"c\",\"timestamp\":\"+999999999-12-31T23:59:59Z\"}")).events().get(0);

        Violation violation = EventValidator.validate(event, NOW, true);

        assertEquals("$.timestamp", violation.field());
        assertEquals("$.timestamp '+999999999-12-31T23:59:59Z' is not an ISO-8601 time with an offset between 1970 "
                + "and 9999, such as 2024-03-28T08:45:18.250+03:30", violation.reason());
    }

    @Test
    void canonicalIsoTimestamp() throws Exception {
        List<IncomingEvent> incoming = CanonicalBody.split(JSON.readTree(
                "{\"name\":\"page_view\",\"client_id\":\"c\",\"timestamp\":\"2026-12-04T15:00:00+03:30\"}"))
                .events();
        EventMapper.Result mapped = EventMapper.map(incoming.get(0), NOW);

        assertEquals(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-12-04T11:30:00Z")),
                mapped.event().timestampMicros());
    }

    private static Violation firstViolation(String body, boolean importMode) throws Exception {
        IncomingEvent event = MeasurementProtocolBody.split(JSON.readTree(body)).events().get(0);
        Violation violation = EventValidator.validate(event, NOW, importMode);
        if (violation != null) {
            return violation;
        }
        return EventMapper.map(event, NOW).violation();
    }

    private static String event(String eventJson) {
        return "{\"client_id\":\"c1\",\"events\":[" + eventJson + "]}";
    }

    private static String params(int count) {
        StringBuilder params = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            params.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(i);
        }
        return params.append('}').toString();
    }
}
