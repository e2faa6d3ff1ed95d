package com.campaignkpi.snapshot;

import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.kpi.BrandedSearches;
import com.campaignkpi.kpi.ExchangeRates;
import com.campaignkpi.kpi.KpiCalculator;
import com.campaignkpi.kpi.KpiDefinition;
import com.campaignkpi.kpi.KpiRegistry;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.kpi.SessionTotals;
import com.campaignkpi.kpi.VisitorHistory;
import com.campaignkpi.property.Property;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import com.campaignkpi.spend.PaidMedia;
import com.campaignkpi.spend.SpendRow;
import com.campaignkpi.spend.SpendStore;
import com.campaignkpi.visitor.VisitorStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Computes a snapshot from stored events. It reads the UTC days that cover the range plus one day on each side, so a
 * session that starts just before midnight or ends just after is whole. Then it builds sessions, keeps those that
 * start in the range, and aggregates them. Sessions with an event from a bot user agent are counted in
 * {@code bot_sessions} and, unless bots are included, left out of every other KPI.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);

    /** Day queries in flight at once per instance; DynamoDB serves them from different partitions. */
    static final int DAY_READERS = 8;

    @Inject
    EventStore events;

    @Inject
    VisitorStore visitors;

    @Inject
    SpendStore spend;

    Clock clock = Clock.systemUTC();

    private ExecutorService dayReaders;

    /** Computes the snapshot without bot sessions. */
    Snapshot compute(Property property, SnapshotRange range, GroupBy groupBy, ExchangeRates rates) {
        return compute(property, range, groupBy, rates, false);
    }

    /**
     * Computes the snapshot.
     *
     * @param includeBots true to count sessions with a bot event in every KPI, false to leave them out
     */
    Snapshot compute(Property property, SnapshotRange range, GroupBy groupBy, ExchangeRates rates,
            boolean includeBots) {
        long startedNanos = System.nanoTime();
        List<TrackedEvent> loaded = load(EventPartitions.of(property), range);
        List<Session> built = Sessionizer.sessionize(loaded, property.sessionTimeout(), property.keyEvents());
        List<Session> started = inRange(built, range);
        long botSessions = started.stream().filter(Session::bot).count();
        List<Session> sessions = includeBots ? started : started.stream().filter(session -> !session.bot()).toList();
        VisitorHistory history = history(property.id(), sessions, range);
        List<SpendRow> spendRows = spend.read(property.id(), range.from(), range.to());

        Map<String, KpiValue> kpis = new LinkedHashMap<>(KpiCalculator.compute(SessionTotals.of(sessions, history)));
        kpis.put("bot_sessions", KpiCalculator.botSessions(botSessions));
        List<TrackedEvent> inRange = loaded.stream().filter(event -> event.timestampMicros() >= range.startMicros()
                && event.timestampMicros() < range.endMicros()).toList();
        if (!includeBots) {
            inRange = outsideOf(inRange, built.stream().filter(Session::bot).toList());
        }
        Map<String, KpiValue> brand = BrandedSearches.compute(inRange, spendRows, property.brandTerms());
        for (KpiDefinition definition : KpiRegistry.brand()) {
            kpis.put(definition.id(), brand.get(definition.id()));
        }

        Snapshot snapshot = new Snapshot(property.id(), range.from().toString(), range.to().toString(),
                range.zone().getId(), groupBy == null ? null : groupBy.id(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), kpis,
                SnapshotGroups.group(sessions, groupBy, range.zone(), history),
                SnapshotGroups.trafficSources(sessions), loaded.size(),
                PaidMedia.report(spendRows, sessions, history, range.from(), range.to(), range.startMicros(),
                        rates), null, null, null, includeBots ? Boolean.TRUE : null);

        LOG.infof("Computed snapshot of %s for %s..%s (%s): %d events, %d sessions (%d of them bots, %s), %d groups "
                + "in %d ms", property.id(), range.from(), range.to(), range.zone(), loaded.size(), started.size(),
                botSessions, includeBots ? "included" : "left out", snapshot.groups().size(),
                Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
        return snapshot;
    }

    /**
     * Computes the snapshot and, for each of {@code compare}, the ungrouped snapshot of the base period without
     * exchange rates, whose KPIs the comparison subtracts from the snapshot's.
     */
    Snapshot compute(Property property, SnapshotRange range, GroupBy groupBy, ExchangeRates rates,
            List<ComparisonPeriod> compare, boolean includeBots) {
        Snapshot snapshot = compute(property, range, groupBy, rates, includeBots);
        if (compare.isEmpty()) {
            return snapshot;
        }
        List<PeriodComparison> comparisons = new ArrayList<>();
        for (ComparisonPeriod period : compare) {
            SnapshotRange baseRange = period.baseOf(range);
            Snapshot base = compute(property, baseRange, null, null, includeBots);
            comparisons.add(new PeriodComparison(period.id(), baseRange.from().toString(),
                    baseRange.to().toString(), KpiChanges.compare(snapshot.kpis(), base.kpis())));
        }
        return snapshot.withComparisons(comparisons);
    }

    /**
     * Reads the days' partitions in parallel, because each Query waits on a round trip far more than it computes,
     * and because DynamoDB serves each partition at a limited rate.
     */
    private List<TrackedEvent> load(EventPartitions partitions, SnapshotRange range) {
        LocalDate firstDay = LocalDate.ofInstant(range.start(), ZoneOffset.UTC).minusDays(1);
        LocalDate lastDay = LocalDate.ofInstant(range.end(), ZoneOffset.UTC).plusDays(1);
        List<CompletableFuture<List<TrackedEvent>>> reads = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (String partition : partitions.keys(day)) {
                reads.add(CompletableFuture.supplyAsync(() -> events.readPartition(partition), dayReaders));
            }
        }
        List<TrackedEvent> loaded = new ArrayList<>();
        for (CompletableFuture<List<TrackedEvent>> read : reads) {
            loaded.addAll(join(read));
        }
        return partitions.shards() == 1 ? loaded : EventPartitions.distinct(loaded);
    }

    private static List<TrackedEvent> join(CompletableFuture<List<TrackedEvent>> day) {
        try {
            return day.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PostConstruct
    void startReaders() {
        dayReaders = Executors.newFixedThreadPool(DAY_READERS, runnable -> {
            Thread thread = new Thread(runnable, "snapshot-day-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopReaders() {
        dayReaders.shutdownNow();
    }

    private static List<Session> inRange(List<Session> sessions, SnapshotRange range) {
        long start = range.startMicros();
        long end = range.endMicros();
        return sessions.stream()
                .filter(session -> session.startMicros() >= start && session.startMicros() < end)
                .toList();
    }

    /**
     * Returns the events that belong to none of {@code sessions}: those of another client, or outside the time from
     * the session's first to its last event.
     */
    private static List<TrackedEvent> outsideOf(List<TrackedEvent> events, List<Session> sessions) {
        if (sessions.isEmpty()) {
            return events;
        }
        Map<String, List<Session>> byClient = new HashMap<>();
        for (Session session : sessions) {
            byClient.computeIfAbsent(session.clientId(), id -> new ArrayList<>()).add(session);
        }
        return events.stream().filter(event -> byClient.getOrDefault(event.clientId(), List.of()).stream()
                .noneMatch(session -> event.timestampMicros() >= session.startMicros()
                        && event.timestampMicros() <= session.endMicros()))
                .toList();
    }

    private VisitorHistory history(String property, List<Session> sessions, SnapshotRange range) {
        Set<String> withoutNumber = new HashSet<>();
        Set<String> buyers = new HashSet<>();
        for (Session session : sessions) {
            if (session.sessionNumber() == null) {
                withoutNumber.add(session.clientId());
            }
            if (!session.purchases().isEmpty()) {
                buyers.addAll(session.customerIds());
            }
        }
        return new VisitorHistory(visitors.firstSeen(property, withoutNumber), visitors.purchases(property, buyers),
                range.endMicros());
    }
}
