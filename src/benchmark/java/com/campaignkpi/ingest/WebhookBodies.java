package com.campaignkpi.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Request bodies of one shopping visit, {@value #EVENTS} events each, as a server-side GTM tag sends them to
 * {@code /mp/collect} and as site code sends them to {@code /events}: page views with campaign tags, a product list,
 * a product view, add to cart, checkout, payment info and a purchase with items, tax and shipping.
 */
final class WebhookBodies {

    static final int EVENTS = 8;

    /** Time of the first event. Each later event is {@link #STEP_MICROS} after the one before. */
    static final Instant FIRST_EVENT = Instant.parse("2026-11-17T10:00:00Z");

    static final long STEP_MICROS = 15_000_000L;

    private static final String ITEMS = """
            [{"item_id":"SKU-SENCHA","item_name":"Sencha 100 g","item_brand":"Shop Example","item_category":"Tea",\
            "item_category2":"Green","item_variant":"loose","price":12.5,"quantity":2,"coupon":"WINTER10"},\
            {"item_id":"SKU-ASSAM","item_name":"Assam 250 g","item_category":"Tea","item_category2":"Black",\
            "price":9.9,"quantity":1},\
            {"item_id":"SKU-POT","item_name":"Glass teapot","item_category":"Teaware","price":24.0,"quantity":1}]""";

    /** Names and params of the {@value #EVENTS} events in order, without times. {@link #ITEMS} replaces {@code %s}. */
    private static final String[][] EVENT_PARAMS = {
        {"page_view", """
            "ga_session_id":"1763373600","ga_session_number":3,\
            "page_location":"https://shop.example/tea?utm_source=newsletter&utm_medium=email&utm_campaign=winter",\
            "page_referrer":"https://mail.example.com/","page_title":"Tea","engagement_time_msec":1200,\
            "language":"en-us","screen_resolution":"1920x1080\""""},
        {"view_item_list", """
            "ga_session_id":"1763373600","ga_session_number":3,"item_list_id":"tea","item_list_name":"Tea",\
            "engagement_time_msec":4300,"items":%s"""},
        {"view_item", """
            "ga_session_id":"1763373600","ga_session_number":3,"currency":"USD","value":12.5,\
            "engagement_time_msec":8100,"items":%s"""},
        {"add_to_cart", """
            "ga_session_id":"1763373600","ga_session_number":3,"currency":"USD","value":25.0,\
            "engagement_time_msec":2500,"session_engaged":"1","items":%s"""},
        {"page_view", """
            "ga_session_id":"1763373600","ga_session_number":3,"page_location":"https://shop.example/cart",\
            "page_referrer":"https://shop.example/tea","page_title":"Cart","engagement_time_msec":3000,\
            "session_engaged":"1\""""},
        {"begin_checkout", """
            "ga_session_id":"1763373600","ga_session_number":3,"currency":"USD","value":59.9,"coupon":"WINTER10",\
            "engagement_time_msec":5200,"session_engaged":"1","items":%s"""},
        {"add_payment_info", """
            "ga_session_id":"1763373600","ga_session_number":3,"currency":"USD","value":59.9,\
            "payment_type":"Credit Card","engagement_time_msec":9000,"session_engaged":"1","items":%s"""},
        {"purchase", """
            "ga_session_id":"1763373600","ga_session_number":3,"transaction_id":"T-1001","currency":"USD",\
            "value":59.9,"tax":4.79,"shipping":4.9,"coupon":"WINTER10","affiliation":"Online store",\
            "engagement_time_msec":3100,"session_engaged":"1","items":%s"""},
    };

    private WebhookBodies() {
    }

    /** Returns a GA4 Measurement Protocol body with one client, consent, user properties, a device and event times. */
    static byte[] measurementProtocol() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            events.append(i == 0 ? "" : ",").append("{\"name\":\"").append(EVENT_PARAMS[i][0])
                    .append("\",\"timestamp_micros\":").append(micros(i))
                    .append(",\"params\":{").append(params(i)).append("}}");
        }
        String body = """
                {"client_id":"1864723491.1733313600","user_id":"customer-42","timestamp_micros":%d,\
                "user_properties":{"customer_tier":{"value":"gold"},"newsletter":{"value":"yes"}},\
                "consent":{"ad_user_data":"GRANTED","ad_personalization":"DENIED"},\
                "device":{"category":"mobile","language":"en-us","operating_system":"Android",\
                "browser":"Chrome","browser_version":"131.0.6778.39"},\
                "events":[%s]}""".formatted(micros(0), events);
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the same visit as an array of canonical events, each with its identity and half with an event id. */
    static byte[] canonical() {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < EVENTS; i++) {
            String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    FIRST_EVENT.plusNanos(i * STEP_MICROS * 1000).atOffset(ZoneOffset.ofHoursMinutes(3, 30)));
            body.append(i == 0 ? "" : ",").append("{")
                    .append(i % 2 == 0 ? "\"event_id\":\"visit-1763373600-" + i + "\"," : "")
                    .append("\"name\":\"").append(EVENT_PARAMS[i][0]).append("\",")
                    .append("\"timestamp\":\"").append(time).append("\",")
                    .append("\"client_id\":\"1864723491.1733313600\",\"user_id\":\"customer-42\",")
                    .append("\"device_category\":\"mobile\",")
                    .append("\"params\":{").append(params(i)).append("}}");
        }
        return body.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long micros(int event) {
        return EpochMicros.of(FIRST_EVENT) + event * STEP_MICROS;
    }

    private static String params(int event) {
        String params = EVENT_PARAMS[event][1].strip();
        return params.contains("%s") ? params.formatted(ITEMS) : params;
    }
}
