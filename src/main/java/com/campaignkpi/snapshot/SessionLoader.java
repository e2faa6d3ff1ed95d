package com.campaignkpi.snapshot;

import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.IngestConfig;
import com.campaignkpi.ingest.StoredEvents;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.property.Property;
import com.campaignkpi.rollup.DailyRollup;
import com.campaignkpi.rollup.RollupSettings;
import com.campaignkpi.rollup.RollupStore;
import com.campaignkpi.rollup.StoredRollups;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the sessions that start in a range: from each UTC day's daily rollup where it is current, and otherwise from
 * the events of the day and the day on each side. Reading the neighbours keeps whole a session that starts just
 * before midnight or ends just after. A day read from its events gets its rollup stored once the day is settled,
 * so the next snapshot reads that instead: 1.5 to 6 % of the events' bytes in BENCHMARKS.md.
 *
 * <p>A day is settled one hour after the next UTC day ends: its sessions depend on that day's events too, and the
 * hour leaves room for clocks that differ and requests that are still being stored. A rollup is current while no
 * {@link com.campaignkpi.ingest.LateMarks late mark} of its day or the days beside it is newer than the time its
 * events were read, less a margin (60 s unless configured). Recomputing gives the same sessions from the same events,
 * so two snapshots that both recompute a day store equal rollups.
 */
@ApplicationScoped
public class SessionLoader {

    /** Partition queries in flight at once per instance, which DynamoDB serves from different partitions. */
    static final int READERS = 8;

    /** How long after the next UTC day ends a day's rollup may be stored. */
    static final Duration SETTLED_AFTER = Duration.ofHours(1);


    @Inject
    EventStore events;

    @Inject
    RollupStore rollups;

    @Inject
    IngestConfig ingest;

    @ConfigProperty(name = "campaignkpi.snapshot.rollups", defaultValue = "true")
    boolean rollupsEnabled;

    /**
     * A late mark this close before a rollup's read still makes it stale. A Query is eventually consistent, so it may
     * miss an event stored a moment before, and the clocks of instances differ.
     */
    @ConfigProperty(name = "campaignkpi.snapshot.rollup-margin", defaultValue = "60s")
    Duration freshnessMargin;

    Clock clock = Clock.systemUTC();

    private ExecutorService readers;

    LoadedSessions load(Property property, SnapshotRange range) {
        LocalDate firstDay = LocalDate.ofInstant(range.start(), ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(range.end().minusNanos(1), ZoneOffset.UTC);
        Instant now = clock.instant();
        String settings = RollupSettings.of(property);
        // Only settled days can have a rollup, so a range of today alone costs no rollup read.
        LocalDate lastSettled = LocalDate.ofInstant(now.minus(SETTLED_AFTER), ZoneOffset.UTC).minusDays(2);
        LocalDate lastRollupDay = lastDay.isAfter(lastSettled) ? lastSettled : lastDay;
        Map<LocalDate, DailyRollup> current = rollupsEnabled && !lastRollupDay.isBefore(firstDay)
                ? current(property.id(), firstDay, lastRollupDay, settings)
                : Map.of();

        List<Session> sessions = new ArrayList<>();
        current.values().forEach(rollup -> sessions.addAll(rollup.sessions()));
        long eventsRead = 0;
        LocalDate spanStart = null;
        for (LocalDate day = firstDay; !day.isAfter(lastDay.plusDays(1)); day = day.plusDays(1)) {
            boolean fromEvents = !day.isAfter(lastDay) && !current.containsKey(day);
            if (fromEvents && spanStart == null) {
                spanStart = day;
            } else if (!fromEvents && spanStart != null) {
                eventsRead += fromEvents(property, spanStart, day.minusDays(1), now, settings, sessions);
                spanStart = null;
            }
        }

        long start = range.startMicros();
        long end = range.endMicros();
        List<Session> inRange = sessions.stream()
                .filter(session -> session.startMicros() >= start && session.startMicros() < end)
                .sorted(Comparator.comparingLong(Session::startMicros).thenComparing(Session::clientId))
                .toList();
        return new LoadedSessions(inRange, eventsRead, current.size());
    }

    /** Reads the stored rollups and returns those that are current for {@code settings}. */
    private Map<LocalDate, DailyRollup> current(String property, LocalDate firstDay, LocalDate lastDay,
            String settings) {
        StoredRollups stored = rollups.read(property, firstDay, lastDay);
        Map<LocalDate, DailyRollup> current = new LinkedHashMap<>();
        for (DailyRollup rollup : stored.rollups().values()) {
            if (isCurrent(rollup, stored.lateMarks(), settings, freshnessMargin.toNanos() / 1000)) {
                current.put(rollup.day(), rollup);
            }
        }
        return current;
    }

    /**
     * Tells whether {@code rollup} was built with {@code settings} and after the last late event of its day and of
     * the days beside it, by more than {@code marginMicros}.
     */
    static boolean isCurrent(DailyRollup rollup, Map<LocalDate, Long> lateMarks, String settings,
            long marginMicros) {
        long readBefore = rollup.generationMicros() - marginMicros;
        for (LocalDate day = rollup.day().minusDays(1); !day.isAfter(rollup.day().plusDays(1));
                day = day.plusDays(1)) {
            Long mark = lateMarks.get(day);
            if (mark != null && mark >= readBefore) {
                return false;
            }
        }
        return rollup.settings().equals(settings);
    }

    /**
     * Builds the sessions that start on the UTC days {@code first} to {@code last} from events, adds them to
     * {@code sessions}, and stores the rollup of each settled day. Returns the number of events read.
     *
     * <p>Each day's sessions come from the events of that day and the day on each side only, whatever span is read,
     * so a day's rollup is the same whichever snapshot stores it. A rollup expires with the last of those events, so
     * it never outlives the data it was built from.
     */
    private long fromEvents(Property property, LocalDate first, LocalDate last, Instant now, String settings,
            List<Session> sessions) {
        long readMicros = EpochMicros.of(clock.instant());
        Map<LocalDate, StoredEvents> byDay = read(EventPartitions.of(property), first.minusDays(1),
                last.plusDays(1));
        long fallbackExpiry = now.plus(Duration.ofDays(ingest.retentionDays())).getEpochSecond();

        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<TrackedEvent> window = new ArrayList<>();
            long expiresAt = 0;
            for (LocalDate near = day.minusDays(1); !near.isAfter(day.plusDays(1)); near = near.plusDays(1)) {
                window.addAll(byDay.get(near).events());
                expiresAt = Math.max(expiresAt, byDay.get(near).latestExpiresAt());
            }
            LocalDate startDay = day;
            List<Session> ofDay = Sessionizer.sessionize(window, property.sessionTimeout(), property.keyEvents())
                    .stream().filter(session -> utcDay(session.startMicros()).equals(startDay)).toList();

            sessions.addAll(ofDay);
            if (rollupsEnabled && settled(day, now)) {
                rollups.write(property.id(), new DailyRollup(day, readMicros, settings, ofDay),
                        expiresAt == 0 ? fallbackExpiry : expiresAt);
            }
        }
        return byDay.values().stream().mapToLong(stored -> stored.events().size()).sum();
    }

    static boolean settled(LocalDate utcDay, Instant now) {
        return !now.isBefore(utcDay.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(SETTLED_AFTER));
    }

    private static LocalDate utcDay(long micros) {
        return LocalDate.ofInstant(EpochMicros.toInstant(micros), ZoneOffset.UTC);
    }

    /**
     * Reads the days' partitions in parallel, because each Query waits on a round trip far more than it computes,
     * and because DynamoDB serves each partition at a limited rate. Returns each day's events, each event id once.
     */
    private Map<LocalDate, StoredEvents> read(EventPartitions partitions, LocalDate firstDay, LocalDate lastDay) {
        Map<LocalDate, List<CompletableFuture<StoredEvents>>> reads = new LinkedHashMap<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            List<CompletableFuture<StoredEvents>> shards = new ArrayList<>();
            for (String partition : partitions.keys(day)) {
                shards.add(CompletableFuture.supplyAsync(() -> events.readStored(partition), readers));
            }
            reads.put(day, shards);
        }
        Map<LocalDate, StoredEvents> byDay = new LinkedHashMap<>();
        reads.forEach((day, shards) -> {
            List<TrackedEvent> loaded = new ArrayList<>();
            long expiresAt = 0;
            for (CompletableFuture<StoredEvents> shard : shards) {
                StoredEvents stored = join(shard);
                loaded.addAll(stored.events());
                expiresAt = Math.max(expiresAt, stored.latestExpiresAt());
            }
            byDay.put(day, new StoredEvents(partitions.shards() == 1 ? loaded : EventPartitions.distinct(loaded),
                    expiresAt));
        });
        return byDay;
    }

    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PostConstruct
    void startReaders() {
        readers = Executors.newFixedThreadPool(READERS, runnable -> {
            Thread thread = new Thread(runnable, "snapshot-partition-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stopReaders() {
        readers.shutdownNow();
    }
}
