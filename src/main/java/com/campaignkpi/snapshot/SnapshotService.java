package com.campaignkpi.snapshot;

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
import com.campaignkpi.spend.PaidMedia;
import com.campaignkpi.spend.SpendRow;
import com.campaignkpi.spend.SpendStore;
import com.campaignkpi.visitor.VisitorStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Computes a snapshot from the sessions that start in the range, read by {@link SessionLoader} from daily rollups
 * and events. Sessions with an event from a bot user agent are counted in {@code bot_sessions} and, unless bots are
 * included, left out of every other KPI.
 */
@ApplicationScoped
public class SnapshotService {

    private static final Logger LOG = Logger.getLogger(SnapshotService.class);

    @Inject
    SessionLoader loader;

    @Inject
    VisitorStore visitors;

    @Inject
    SpendStore spend;

    Clock clock = Clock.systemUTC();

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
        LoadedSessions loaded = loader.load(property, range);
        List<Session> started = loaded.sessions();
        long botSessions = started.stream().filter(Session::bot).count();
        List<Session> sessions = includeBots ? started : started.stream().filter(session -> !session.bot()).toList();
        VisitorHistory history = history(property.id(), sessions, range);
        List<SpendRow> spendRows = spend.read(property.id(), range.from(), range.to());

        Map<String, KpiValue> kpis = new LinkedHashMap<>(KpiCalculator.compute(SessionTotals.of(sessions, history)));
        kpis.put("bot_sessions", KpiCalculator.botSessions(botSessions));
        Map<String, KpiValue> brand = BrandedSearches.compute(sessions, spendRows, property.brandTerms());
        for (KpiDefinition definition : KpiRegistry.brand()) {
            kpis.put(definition.id(), brand.get(definition.id()));
        }

        Snapshot snapshot = new Snapshot(property.id(), range.from().toString(), range.to().toString(),
                range.zone().getId(), groupBy == null ? null : groupBy.id(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), kpis,
                SnapshotGroups.group(sessions, groupBy, range.zone(), history),
                SnapshotGroups.trafficSources(sessions), loaded.eventsRead(),
                loaded.rollupDays() == 0 ? null : loaded.rollupDays(),
                PaidMedia.report(spendRows, sessions, history, range.from(), range.to(), range.startMicros(),
                        rates), null, null, null, includeBots ? Boolean.TRUE : null);

        LOG.infof("Computed snapshot of %s for %s..%s (%s): %d events and %d daily rollups read, %d sessions (%d of "
                + "them bots, %s), %d groups in %d ms", property.id(), range.from(), range.to(), range.zone(),
                loaded.eventsRead(), loaded.rollupDays(), started.size(), botSessions,
                includeBots ? "included" : "left out", snapshot.groups().size(),
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
