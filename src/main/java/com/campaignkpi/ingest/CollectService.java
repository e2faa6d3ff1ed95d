package com.campaignkpi.ingest;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyIds;
import com.campaignkpi.property.PropertyStore;
import com.campaignkpi.property.Secrets;
import com.campaignkpi.visitor.Purchase;
import com.campaignkpi.visitor.VisitorStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Ingests one webhook request: authenticates the property, splits and validates the events, stores new ones once,
 * stores rejected ones with their reason, and updates the per-visitor history.
 */
@ApplicationScoped
public class CollectService {

    private static final Logger LOG = Logger.getLogger(CollectService.class);

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

    public CollectResult collect(CollectCommand command) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (command.body() != null && command.body().length > EventLimits.MAX_BODY_BYTES) {
            throw RequestException.tooLarge("$", "The body has " + command.body().length + " bytes; the limit is "
                    + EventLimits.MAX_BODY_BYTES + " bytes per request, so split the events over several requests");
        }
        Property property = authenticate(command.measurementId(), command.apiSecret());
        SplitBody split = split(command.endpoint(), parse(command.body()));
        List<IncomingEvent> incoming = split.events();

        String requestId = UUID.randomUUID().toString();
        List<EventResult> results = new ArrayList<>(incoming.size() + 1);
        List<TrackedEvent> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (IncomingEvent event : incoming) {
            Violation violation = EventValidator.validate(event, receivedAt, command.importMode());
            EventMapper.Result mapped = violation == null ? EventMapper.map(event, receivedAt) : null;
            if (mapped != null && mapped.violation() == null) {
                candidates.add(mapped.event());
                candidateIndexes.add(event.index());
                results.add(null);
                continue;
            }
            Violation problem = violation != null ? violation : mapped.violation();
            results.add(new EventResult(event.index(), EventResult.REJECTED, null, problem.field(), problem.reason(),
                    null));
            rejected.add(new Rejection(receivedAt.toString(), requestId, event.index(), problem.field(),
                    problem.reason(), command.endpoint().id(),
                    write(event.replayBody() != null ? event.replayBody() : event.raw())));
        }

        if (split.overflow() != null) {
            SplitBody.Overflow overflow = split.overflow();
            Violation problem = overflow.violation();
            results.add(new EventResult(overflow.firstIndex(), EventResult.REJECTED, null, problem.field(),
                    problem.reason(), overflow.lastIndex()));
            rejected.add(new Rejection(receivedAt.toString(), requestId, overflow.firstIndex(), problem.field(),
                    problem.reason(), command.endpoint().id(), write(overflow.replayBody())));
        }

        List<TrackedEvent> fresh = storeNew(property.id(), candidates, candidateIndexes, results, receivedAt);
        if (!rejected.isEmpty()) {
            rejections.putAll(property.id(), rejected, expiresAt(receivedAt));
        }
        recordVisitors(property.id(), fresh);

        CollectResult result = summarise(results);
        LOG.infof("Collected request %s for %s via %s: %d accepted, %d duplicates, %d rejected%s", requestId,
                property.id(), command.endpoint().id(), result.accepted(), result.duplicates(), result.rejected(),
                command.importMode() ? " (import mode)" : "");
        return result;
    }

    private Property authenticate(String measurementId, String apiSecret) {
        String id = PropertyIds.require("measurement_id", measurementId);
        Property property = properties.find(id).orElseThrow(() -> RequestException.notFound("measurement_id",
                "measurement_id '" + id + "' is not a registered property; create it with the property function"));
        if (apiSecret == null || apiSecret.isEmpty()) {
            throw RequestException.unauthorized("api_secret", "api_secret is missing: pass it as the api_secret "
                    + "query parameter or the X-Api-Secret header");
        }
        if (!Secrets.matches(apiSecret, property.secretHashes())) {
            throw RequestException.unauthorized("api_secret", "api_secret is wrong for measurement_id '" + id + "'");
        }
        return property;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw RequestException.invalid("$", "The body is empty: send a JSON object or array");
        }
        try {
            JsonNode node = mapper.readTree(body);
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

    private static SplitBody split(Endpoint endpoint, JsonNode body) {
        return endpoint == Endpoint.MEASUREMENT_PROTOCOL
                ? MeasurementProtocolBody.split(body)
                : CanonicalBody.split(body);
    }

    /** Stores the candidates not stored before and fills their results; returns the ones stored now. */
    private List<TrackedEvent> storeNew(String property, List<TrackedEvent> candidates, List<Integer> indexes,
            List<EventResult> results, Instant receivedAt) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> stored = events.existingIds(property, candidates);
        Set<String> inRequest = new HashSet<>();
        List<TrackedEvent> fresh = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            TrackedEvent event = candidates.get(i);
            boolean duplicate = stored.contains(event.eventId()) || !inRequest.add(event.eventId());
            results.set(indexes.get(i), new EventResult(indexes.get(i),
                    duplicate ? EventResult.DUPLICATE : EventResult.ACCEPTED, event.eventId(), null, null, null));
            if (!duplicate) {
                fresh.add(event);
            }
        }
        events.putAll(property, fresh, expiresAt(receivedAt));
        return fresh;
    }

    private void recordVisitors(String property, List<TrackedEvent> fresh) {
        Map<String, Long> firstSeen = new HashMap<>();
        Map<String, List<Purchase>> purchases = new HashMap<>();
        for (TrackedEvent event : fresh) {
            firstSeen.merge(event.clientId(), event.timestampMicros(), Math::min);
            if (event.name().equals("purchase") && event.value() != null && event.currency() != null) {
                String key = event.transactionId() != null ? event.transactionId() : event.eventId();
                purchases.computeIfAbsent(event.customerId(), id -> new ArrayList<>())
                        .add(new Purchase(key, event.timestampMicros(), event.value(), event.currency()));
            }
        }
        visitors.recordFirstSeen(property, firstSeen);
        visitors.recordPurchases(property, purchases);
    }

    private String write(JsonNode body) {
        try {
            return mapper.writeValueAsString(body);
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
        for (EventResult result : results) {
            switch (result.status()) {
                case EventResult.ACCEPTED -> accepted++;
                case EventResult.DUPLICATE -> duplicates++;
                default -> rejected += result.lastIndex() == null ? 1 : result.lastIndex() - result.index() + 1;
            }
        }
        return new CollectResult(accepted, duplicates, rejected, List.copyOf(results));
    }
}
