package com.campaignkpi.ingest;

import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyAccess;
import com.campaignkpi.property.Secrets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second that one thread parses, validates and normalises through {@link CollectService#admit}, the
 * webhook's own code up to the store: size check, authentication, signature check, JSON parsing, splitting,
 * validation, mapping to {@link TrackedEvent}, privacy rules and bot detection. Nothing is stored.
 *
 * <p>The property comes from memory, and its secret is checked as {@link PropertyAccess} checks it, as on a server
 * whose property cache already contains it. The store's reads and writes are not measured. Each operation is one
 * event, so the score is events per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookBenchmark {

    private static final String MEASUREMENT_ID = "G-BENCH1";
    private static final String API_SECRET = "benchmark-secret";

    private CollectService service;
    private CollectCommand measurementProtocol;
    private CollectCommand canonical;

    @Setup
    public void setUp() {
        Property property = new Property(MEASUREMENT_ID, ZoneOffset.UTC, Property.DEFAULT_KEY_EVENTS,
                Property.DEFAULT_SESSION_TIMEOUT, List.of(Secrets.sha256Hex(API_SECRET)));
        service = new CollectService();
        service.access = new CachedPropertyAccess(property);
        service.mapper = new ObjectMapper();
        // Receipt time just after the visit, so every event is within the 72-hour limit.
        service.clock = Clock.fixed(WebhookBodies.FIRST_EVENT.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);

        measurementProtocol = new CollectCommand(MEASUREMENT_ID, API_SECRET, Endpoint.MEASUREMENT_PROTOCOL, false,
                WebhookBodies.measurementProtocol());
        canonical = new CollectCommand(MEASUREMENT_ID, API_SECRET, Endpoint.CANONICAL, false,
                WebhookBodies.canonical());
        requireAllAccepted(measurementProtocol);
        requireAllAccepted(canonical);
    }

    @Benchmark
    @OperationsPerInvocation(WebhookBodies.EVENTS)
    public CollectService.Admission measurementProtocolBody() {
        return service.admit(measurementProtocol);
    }

    @Benchmark
    @OperationsPerInvocation(WebhookBodies.EVENTS)
    public CollectService.Admission canonicalBody() {
        return service.admit(canonical);
    }

    /** Fails the run when a body's events are not all valid, so the benchmark measures accepted events only. */
    private void requireAllAccepted(CollectCommand command) {
        CollectService.Admission admission = service.admit(command);
        int accepted = admission.triage().candidates.size();
        if (accepted != WebhookBodies.EVENTS || !admission.triage().rejected.isEmpty()) {
            throw new IllegalStateException("The " + command.endpoint().id() + " body has " + accepted + " of "
                    + WebhookBodies.EVENTS + " events accepted; rejections: " + admission.triage().rejected);
        }
    }

    /** Authenticates against one property held in memory, with the secret check of {@link PropertyAccess}. */
    private static final class CachedPropertyAccess extends PropertyAccess {
        private final Property property;

        CachedPropertyAccess(Property property) {
            this.property = property;
        }

        @Override
        public Property authenticate(String measurementId, String apiSecret) {
            if (!property.id().equals(measurementId) || !Secrets.matches(apiSecret, property.secretHashes())) {
                throw new IllegalArgumentException("Unknown measurement id " + measurementId
                        + " or wrong API secret");
            }
            return property;
        }
    }
}
