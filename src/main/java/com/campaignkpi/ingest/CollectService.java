package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.bot.BotDetector;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyAccess;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.visitor.Purchase;
import com.campaignkpi.visitor.VisitorStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ingests one webhook request: authenticates the property, splits and validates the events, stores new ones once,
 * stores rejected ones with their reason, and updates the per-visitor history.
 */
@ApplicationScoped
public class CollectService {

    private static final Logger LOG = Logger.getLogger(CollectService.class);

    /** Reads a byte array as longs, for {@link #isAscii}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    @Inject
    PropertyAccess access;

    @Inject
    PropertyStore properties;

    @Inject
    EventStore events;

    @Inject
    RejectionStore rejections;

    @Inject
    VisitorStore visitors;

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    Clock clock = Clock.systemUTC();

    /** The snapshots' freshness margin for daily rollups; an instance rewrites a day's late mark after half of it. */
    @ConfigProperty(name = "campaignkpi.snapshot.rollup-margin", defaultValue = "60s")
    Duration rollupMargin;

    private final RecentMarks recentMarks = new RecentMarks();

    BotDetector bots = BotDetector.bundled();

    /** Authenticates, validates and stores one request, and returns the outcome of each event. */
    public CollectResult collect(CollectCommand command) {
        Admission admission = admit(command);
        return store(admission.property(), admission.triage(), command.importMode());
    }

    /**
     * Authenticates and validates one request without storing anything, for a deployment that stores through a
     * queue: the result marks each valid event {@code queued}, and {@link #storeQueued} later stores the request
     * with the same receipt time and request id, so it yields the same event ids and rejections.
     */
    public Admission admit(CollectCommand command) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        checkSize(command.body());
        Property property = access.authenticate(command.measurementId(), command.apiSecret());
        RequestSignature.verify(property, command.signature(), command.body(), receivedAt);
        Triage triage = triage(property, command.endpoint(), parse(command.body()), receivedAt,
                UUID.randomUUID().toString(), command.importMode(), command.browserUserAgent());
        return new Admission(property, new String(command.body(), StandardCharsets.UTF_8), triage);
    }

    /**
     * Stores a request {@link #admit admitted} earlier. Storing the same request again stores nothing twice:
     * event keys and rejection keys depend only on the request, its receipt time and its request id.
     *
     * @throws RequestException when the body is not a request the webhook would have admitted
     */
    public CollectResult storeQueued(QueuedRequest request) {
        JsonNode body = parse(request.body().getBytes(StandardCharsets.UTF_8));
        // The property's settings as they are now: a queued request carries only the property's id.
        Property property = properties.require("property", request.property());
        Triage triage = triage(property, request.endpoint(), body, request.receivedAt(), request.requestId(),
                request.importMode(), request.browserUserAgent());
        return store(property, triage, request.importMode());
    }

    /**
     * A request that passed authentication, with its events sorted but nothing stored yet.
     *
     * @param body the body as sent, JSON text that parsed
     */
    public record Admission(Property property, String body, Triage triage) {

        /** Builds the response to a queued request, in which every valid event is {@code queued}. */
        public CollectResult queuedResult() {
            List<EventResult> results = new ArrayList<>(triage.results);
            for (int i = 0; i < triage.candidates.size(); i++) {
                results.set(triage.candidateSlots.get(i), new EventResult(triage.candidateIndexes.get(i),
                        EventResult.QUEUED, triage.candidates.get(i).eventId(), null, null, null));
            }
            return summarise(results);
        }

        /** Builds the message that carries the request on the queue. */
        public QueuedRequest toQueued(boolean importMode) {
            return new QueuedRequest(QueuedRequest.VERSION, triage.requestId, triage.receivedAt, property.id(),
                    triage.endpoint, importMode, body, triage.browserUserAgent);
        }

        /** Returns whether the request contains anything to store: an event or a rejection. */
        public boolean hasWork() {
            return !triage.results.isEmpty();
        }
    }

    private Triage triage(Property property, Endpoint endpoint, JsonNode body, Instant receivedAt,
            String requestId, boolean importMode, String browserUserAgent) {
        SplitBody split = split(endpoint, body);
        Triage triage = new Triage(requestId, receivedAt, endpoint, browserUserAgent);
        for (IncomingEvent event : split.events()) {
            Violation violation = EventValidator.validate(event, receivedAt, importMode);
            EventMapper.Result mapped = violation == null ? EventMapper.map(event, receivedAt) : null;
            if (mapped != null && mapped.violation() == null) {
                TrackedEvent stored = PrivacyRules.apply(property.id(), property.ingest(), event, mapped.event());
                boolean bot = bots.isBot(userAgent(endpoint, body, event, browserUserAgent));
                triage.accept(event.index(), stored.withBot(bot));
            } else {
                triage.reject(event, violation != null ? violation : mapped.violation(), write(
                        event.replayBody() != null ? event.replayBody() : event.raw(), property));
            }
        }
        if (split.overflow() != null) {
            triage.rejectOverflow(split.overflow(), write(split.overflow().replayBody(), property));
        }
        return triage;
    }

    /**
     * Returns the user agent of an event, from the first of these that is not blank: the param {@code user_agent},
     * a canonical event's own {@code user_agent}, a Measurement Protocol body's {@code user_agent}, and the
     * browser's {@code User-Agent} header. Returns null when none is given.
     */
    static String userAgent(Endpoint endpoint, JsonNode body, IncomingEvent event, String browserUserAgent) {
        String fromParams = ParamValues.asText(event.raw().path("params").get("user_agent"));
        if (fromParams != null && !fromParams.isBlank()) {
            return fromParams;
        }
        JsonNode envelope = endpoint == Endpoint.CANONICAL ? event.raw() : body;
        String fromEnvelope = ParamValues.asText(envelope.get("user_agent"));
        if (fromEnvelope != null && !fromEnvelope.isBlank()) {
            return fromEnvelope;
        }
        return browserUserAgent;
    }

    private CollectResult store(Property settings, Triage triage, boolean importMode) {
        String property = settings.id();
        storeNew(EventPartitions.of(settings), triage, triage.receivedAt);
        if (!triage.rejected.isEmpty()) {
            rejections.putAll(property, triage.rejected, expiresAt(triage.receivedAt));
        }
        // Both visitor updates are idempotent, so they run for duplicates too: a retry after a failure here
        // completes what the first attempt left undone.
        recordVisitors(property, triage.candidates);

        CollectResult result = summarise(triage.results);
        LOG.infof("Collected request %s for %s via %s: %d accepted, %d duplicates, %d rejected%s", triage.requestId,
                property, triage.endpoint.id(), result.accepted(), result.duplicates(), result.rejected(),
                importMode ? " (import mode)" : "");
        return result;
    }

    /** The events of one request sorted into candidates to store and rejections, with a result slot per event. */
    static final class Triage {
        final String requestId;
        final Instant receivedAt;
        final Endpoint endpoint;
        final String browserUserAgent;
        final List<EventResult> results = new ArrayList<>();
        final List<TrackedEvent> candidates = new ArrayList<>();
        final List<Integer> candidateSlots = new ArrayList<>();
        final List<Integer> candidateIndexes = new ArrayList<>();
        final List<Rejection> rejected = new ArrayList<>();

        Triage(String requestId, Instant receivedAt, Endpoint endpoint, String browserUserAgent) {
            this.requestId = requestId;
            this.receivedAt = receivedAt;
            this.endpoint = endpoint;
            this.browserUserAgent = browserUserAgent;
        }

        void accept(int index, TrackedEvent event) {
            candidates.add(event);
            candidateIndexes.add(index);
            candidateSlots.add(results.size());
            results.add(null);
        }

        void reject(IncomingEvent event, Violation problem, String replayBody) {
            results.add(new EventResult(event.index(), EventResult.REJECTED, null, problem.field(), problem.reason(),
                    null));
            rejected.add(new Rejection(receivedAt.toString(), requestId, event.index(), problem.field(),
                    problem.reason(), endpoint.id(), replayBody));
        }

        void rejectOverflow(SplitBody.Overflow overflow, String replayBody) {
            Violation problem = overflow.violation();
            results.add(new EventResult(overflow.firstIndex(), EventResult.REJECTED, null, problem.field(),
                    problem.reason(), overflow.lastIndex()));
            rejected.add(new Rejection(receivedAt.toString(), requestId, overflow.firstIndex(), problem.field(),
                    problem.reason(), endpoint.id(), replayBody));
        }
    }

    private static void checkSize(byte[] body) {
        if (body != null && body.length > EventLimits.MAX_BODY_BYTES) {
            throw RequestException.tooLarge("$", "The body has " + body.length + " bytes; the limit is "
                    + EventLimits.MAX_BODY_BYTES + " bytes per request, so split the events over several requests");
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RequestException.invalid("$", "The body is empty: send a JSON object or array");
        }
        checkUtf8(body);
        try {
            JsonNode node = mapper.reader()
                    // Money keeps every digit it was sent with, and nothing may follow the JSON value unseen.
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
            if (node == null || node.isMissingNode()) {
                throw RequestException.invalid("$", "The body is empty: send a JSON object or array");
            }
            return node;
        } catch (JsonProcessingException e) {
            // The location is null for limits such as the maximum nesting depth.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw RequestException.invalid("$", "The body is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw RequestException.invalid("$", "The body could not be read as JSON: " + e.getMessage());
        }
    }

    /**
     * Raises 400 unless the body is well-formed UTF-8. JSON parsers accept some malformed sequences, such as the
     * overlong {@code C0 AF} for '/', which would then be stored as a different text than the sender meant.
     */
    private static void checkUtf8(byte[] body) {
        if (isAscii(body)) {
            // ASCII is valid UTF-8, and most bodies are ASCII, so the decoder and its buffer of the body's size are
            // needed only for the rest.
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            decoder.decode(bytes);
        } catch (CharacterCodingException e) {
            throw RequestException.invalid("$", "The body is not valid UTF-8 near byte " + bytes.position()
                    + ": send JSON encoded as UTF-8");
        }
    }

    private static boolean isAscii(byte[] body) {
        // Eight bytes at a time: a byte outside ASCII has its high bit set.
        int i = 0;
        for (; i + Long.BYTES <= body.length; i += Long.BYTES) {
            if (((long) LONGS.get(body, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < body.length; i++) {
            if (body[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static SplitBody split(Endpoint endpoint, JsonNode body) {
        return endpoint == Endpoint.MEASUREMENT_PROTOCOL
                ? MeasurementProtocolBody.split(body)
                : CanonicalBody.split(body);
    }

    /** Stores the candidates not stored before and fills their results. */
    private void storeNew(EventPartitions partitions, Triage triage, Instant receivedAt) {
        if (triage.candidates.isEmpty()) {
            return;
        }
        Set<String> stored = events.existingIds(partitions, triage.candidates);
        Set<String> inRequest = new HashSet<>();
        List<TrackedEvent> fresh = new ArrayList<>();
        for (int i = 0; i < triage.candidates.size(); i++) {
            TrackedEvent event = triage.candidates.get(i);
            int slot = triage.candidateSlots.get(i);
            boolean duplicate = stored.contains(event.eventId()) || !inRequest.add(event.eventId());
            triage.results.set(slot, new EventResult(triage.candidateIndexes.get(i),
                    duplicate ? EventResult.DUPLICATE : EventResult.ACCEPTED, event.eventId(), null, null, null));
            if (!duplicate) {
                fresh.add(event);
            }
        }
        events.putAll(partitions, fresh, expiresAt(receivedAt));

        // The mark's time is taken once the events are stored, so a rollup read before it cannot look current.
        Instant storedAt = clock.instant();
        long storedMicros = EpochMicros.of(storedAt);
        List<LocalDate> late = recentMarks.due(partitions.property(),
                LateMarks.lateDays(triage.candidates, storedAt), storedMicros, markWindowMicros());
        events.markLate(partitions.property(), late, storedMicros, expiresAt(receivedAt));
        recentMarks.written(partitions.property(), late, storedMicros);
    }

    private long markWindowMicros() {
        return rollupMargin.toNanos() / 1000 / 2;
    }

    private void recordVisitors(String property, List<TrackedEvent> stored) {
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, Set<Purchase>> purchases = new HashMap<>();
        for (TrackedEvent event : stored) {
            firstSeen.merge(event.clientId(), event.timestampMicros(), Math::min);
            if (event.name().equals("purchase") && event.value() != null && event.currency() != null) {
                String key = event.transactionId() != null ? event.transactionId() : event.eventId();
                purchases.computeIfAbsent(event.customerId(), id -> new LinkedHashSet<>())
                        .add(new Purchase(key, event.timestampMicros(), event.value(), event.currency()));
            }
        }
        visitors.recordFirstSeen(property, firstSeen);
        visitors.recordPurchases(property, purchases);
    }

    /** Writes a rejected event's body for the rejections table, as {@link PrivacyRules#forStorage} allows. */
    private String write(JsonNode body, Property property) {
        try {
            return mapper.writeValueAsString(PrivacyRules.forStorage(body, property.id(), property.ingest()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a parsed event back to JSON", e);
        }
    }

    private long expiresAt(Instant receivedAt) {
        return receivedAt.plus(Duration.ofDays(config.retentionDays())).getEpochSecond();
    }

    private static CollectResult summarise(List<EventResult> results) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        int queued = 0;
        for (EventResult result : results) {
            switch (result.status()) {
                case EventResult.ACCEPTED -> accepted++;
                case EventResult.DUPLICATE -> duplicates++;
                case EventResult.QUEUED -> queued++;
                default -> rejected += result.lastIndex() == null ? 1 : result.lastIndex() - result.index() + 1;
            }
        }
        return new CollectResult(accepted, duplicates, rejected, queued, List.copyOf(results));
    }
}
