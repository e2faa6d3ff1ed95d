package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@link LoadCommand} and the synthetic canonical events it describes. Options take their value
 * as the next argument or after '=' ({@code --events 20000} or {@code --events=20000}).
 *
 * <p>Event {@code i} is a pure function of the plan and {@code i}, so any request body can be built when its sender
 * needs it and nothing is held in memory. Each group of {@value #EVENTS_PER_GROUP} events is one visit (session) of
 * one client, 30 s apart, so a request of 25 events carries 5 clients. A client's visits are spread over the UTC day
 * in time order. About 86 % of the events are {@code page_view}, 6 % {@code add_to_cart}, 4 %
 * {@code user_engagement} and 4 % {@code purchase} with a value in EUR or USD.
 *
 * @param timeLimitSeconds senders start no request after this many seconds from the first
 */
record LoadPlan(
        URI baseUrl,
        String adminToken,
        String measurementId,
        int events,
        int eventsPerRequest,
        int concurrency,
        int timeLimitSeconds,
        int clients,
        LocalDate day,
        boolean help) {

    static final int DEFAULT_EVENTS = 200_000;
    static final int DEFAULT_CONCURRENCY = 32;
    static final int DEFAULT_TIME_LIMIT_SECONDS = 60;
    static final int DEFAULT_CLIENTS = 3_000;
    /** A fixed past day, so runs are comparable; {@code import=true} lifts the webhook's 72-hour age limit. */
    static final LocalDate DEFAULT_DAY = LocalDate.of(2024, 3, 14);
    static final URI DEFAULT_BASE_URL = URI.create("http://127.0.0.1:8080");
    /** The webhook's limit of events per request. */
    static final int MAX_EVENTS_PER_REQUEST = 25;
    static final int MAX_EVENTS = 10_000_000;
    static final int MAX_CONCURRENCY = 256;
    static final int MAX_TIME_LIMIT_SECONDS = 3_600;
    static final int MAX_CLIENTS = 1_000_000;
    static final int EVENTS_PER_GROUP = 5;
    /** Time between the events of one visit. */
    static final long EVENT_GAP_MICROS = 30_000_000L;

    private static final long DAY_MICROS = 86_400_000_000L;
    private static final DateTimeFormatter RUN_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Set<String> VALUE_OPTIONS = Set.of("--base-url", "--admin-token", "--measurement-id",
            "--events", "--events-per-request", "--concurrency", "--time-limit", "--clients", "--day");

    /** Returns the number of requests that carry all the events. */
    int requests() {
        return (events + eventsPerRequest - 1) / eventsPerRequest;
    }

    /** Returns the number of events in request {@code request}: the last one may carry fewer. */
    int eventsIn(int request) {
        return Math.min(eventsPerRequest, events - request * eventsPerRequest);
    }

    /** Returns the JSON array body of request {@code request}, from 0 to {@link #requests()} - 1. */
    byte[] body(int request) {
        ArrayNode array = EventJson.WRITER.createArrayNode();
        int first = request * eventsPerRequest;
        for (int i = first; i < first + eventsIn(request); i++) {
            array.add(event(i));
        }
        try {
            return EventJson.WRITER.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated event cannot be written as JSON", e);
        }
    }

    /** Returns canonical event {@code index}. */
    ObjectNode event(int index) {
        int group = index / EVENTS_PER_GROUP;
        int client = group % clients;
        int visit = group / clients;
        int position = index % EVENTS_PER_GROUP;
        long sessionStartMicros = sessionStartMicros(client, visit);
        long random = mix(index);
        String name = eventName((int) Long.remainderUnsigned(random, 100));

        ObjectNode event = EventJson.WRITER.createObjectNode();
        event.put("event_id", measurementId + "-" + index);
        event.put("name", name);
        event.put("timestamp_micros", sessionStartMicros + position * EVENT_GAP_MICROS);
        event.put("client_id", (100_000_000L + client) + "." + (1_700_000_000L + client));
        event.put("device_category", client % 3 == 0 ? "desktop" : "mobile");
        ObjectNode params = event.putObject("params");
        params.put("ga_session_id", Long.toString(sessionStartMicros / 1_000_000L));
        params.put("ga_session_number", visit + 1);
        switch (name) {
            case "purchase" -> {
                params.put("transaction_id", measurementId + "-T" + index);
                params.put("value", BigDecimal.valueOf(500 + Long.remainderUnsigned(random >>> 8, 19_500), 2));
                params.put("currency", client % 4 == 0 ? "USD" : "EUR");
            }
            case "user_engagement" ->
                params.put("engagement_time_msec", 1_000 + Long.remainderUnsigned(random >>> 8, 29_000));
            case "page_view" -> {
                long page = Long.remainderUnsigned(random >>> 8, 200);
                String campaign = position == 0 && client % 5 == 0
                        ? "?utm_source=newsletter&utm_medium=email&utm_campaign=spring" : "";
                params.put("page_location", "https://shop.example/p/" + page + campaign);
                params.put("page_title", "Product " + page);
            }
            default -> {
                // add_to_cart carries the session params only.
            }
        }
        return event;
    }

    /** Returns the event name for a percentile from 0 to 99: 4 % purchase, 6 % add_to_cart, 4 % user_engagement. */
    private static String eventName(int percentile) {
        if (percentile < 4) {
            return "purchase";
        }
        if (percentile < 10) {
            return "add_to_cart";
        }
        if (percentile < 14) {
            return "user_engagement";
        }
        return "page_view";
    }

    /**
     * Spreads a client's visits evenly over the day, each client shifted by its own fraction of a step, and keeps
     * a visit's last event inside the day.
     */
    private long sessionStartMicros(int client, int visit) {
        long groups = (events + EVENTS_PER_GROUP - 1L) / EVENTS_PER_GROUP;
        long visitsPerClient = (groups + clients - 1) / clients;
        long span = DAY_MICROS - EVENTS_PER_GROUP * EVENT_GAP_MICROS;
        double phase = (client * 0.6180339887) % 1.0;
        long offset = (long) ((visit + phase) * span / visitsPerClient);
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L + offset;
    }

    /** SplitMix64's finalizer: a well-spread pseudo-random number per event, the same on every run. */
    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static LoadPlan parse(String[] args, Clock clock) throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (VALUE_OPTIONS.contains(name)) {
                if (!name.equals(arg)) {
                    values.put(name, arg.substring(name.length() + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    values.put(name, args[++i]);
                } else {
                    throw new UsageException("option " + name + " requires a value");
                }
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (help) {
            return new LoadPlan(DEFAULT_BASE_URL, null, null, DEFAULT_EVENTS, MAX_EVENTS_PER_REQUEST,
                    DEFAULT_CONCURRENCY, DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_CLIENTS, DEFAULT_DAY, true);
        }

        String adminToken = values.get("--admin-token");
        if (adminToken == null || adminToken.isBlank()) {
            throw new UsageException("option --admin-token is required: the server's CAMPAIGNKPI_ADMIN_TOKEN, "
                    + "which registering the property needs");
        }
        String measurementId = values.getOrDefault("--measurement-id",
                "G-LOAD" + RUN_SUFFIX.format(clock.instant().atOffset(ZoneOffset.UTC)));
        if (!measurementId.matches("[A-Za-z0-9_-]{1,48}")) {
            throw new UsageException("option --measurement-id '" + measurementId + "' is invalid; use 1 to 48 "
                    + "letters, digits, '_' or '-', so that event ids stay short");
        }
        return new LoadPlan(baseUrl(values.get("--base-url")), adminToken, measurementId,
                number(values, "--events", DEFAULT_EVENTS, MAX_EVENTS),
                number(values, "--events-per-request", MAX_EVENTS_PER_REQUEST, MAX_EVENTS_PER_REQUEST),
                number(values, "--concurrency", DEFAULT_CONCURRENCY, MAX_CONCURRENCY),
                number(values, "--time-limit", DEFAULT_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS),
                number(values, "--clients", DEFAULT_CLIENTS, MAX_CLIENTS),
                day(values.get("--day"), clock), false);
    }

    private static URI baseUrl(String text) throws UsageException {
        if (text == null) {
            return DEFAULT_BASE_URL;
        }
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with the expected form.
        }
        throw new UsageException("option --base-url '" + text + "' is not an http(s) URL such as "
                + "http://127.0.0.1:8080");
    }

    private static int number(Map<String, String> values, String option, int defaultValue, int max)
            throws UsageException {
        String text = values.get(option);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new UsageException("option " + option + " '" + text + "' is invalid; expected a whole number from 1 "
                + "to " + String.format(Locale.US, "%,d", max));
    }

    private static LocalDate day(String text, Clock clock) throws UsageException {
        if (text == null) {
            return DEFAULT_DAY;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("option --day '" + text + "' is not a date of the form yyyy-MM-dd");
        }
        // The webhook rejects events more than 15 minutes ahead, so the whole day must have passed.
        if (!day.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new UsageException("option --day " + day + " is invalid; expected a past day in UTC");
        }
        return day;
    }
}
