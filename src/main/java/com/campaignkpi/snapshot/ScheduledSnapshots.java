package com.campaignkpi.snapshot;

import com.campaignkpi.alert.Alert;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Recomputes and stores the snapshots a schedule keeps fresh, so dashboards read stored ones.
 *
 * <ul>
 *   <li>{@code daily}, once a day after midnight in the property's zone: yesterday, and the days before it back to
 *       {@code lateDays}, because events may arrive late (GA4 Measurement Protocol accepts events up to 72 hours
 *       old) and a visitor's first visit may move.</li>
 *   <li>{@code hourly}: today so far.</li>
 * </ul>
 * Each day gets its ungrouped snapshot and one per requested grouping. Recomputing replaces nothing a reader
 * relies on: the store keeps the newest snapshot per range and grouping.
 */
@ApplicationScoped
public class ScheduledSnapshots {

    private static final Logger LOG = Logger.getLogger(ScheduledSnapshots.class);

    public static final String DAILY = "daily";
    public static final String HOURLY = "hourly";

    /** Days recomputed before yesterday when a daily run names none: GA4's 72-hour limit for late events. */
    public static final int DEFAULT_LATE_DAYS = 3;

    /** Upper bound of {@code lateDays}; a longer backfill is a job for the {@code snapshot} function. */
    public static final int MAX_LATE_DAYS = 31;

    @Inject
    PropertyStore properties;

    @Inject
    SnapshotService service;

    @Inject
    SnapshotStore store;

    @Inject
    ScheduledAlerts alerts;

    Clock clock = Clock.systemUTC();

    /**
     * Computes and stores the run's snapshots.
     *
     * @param scheduleZone the zone the schedule fires in, when known. A zone other than the property's is logged,
     *                     because "after midnight" then means another midnight than the days are counted in.
     */
    public ScheduledRun run(String propertyId, String scheduleZone, String run, Integer lateDays,
            List<String> groupBy) {
        return run(propertyId, scheduleZone, run, lateDays, groupBy, null);
    }

    /**
     * Computes and stores the run's snapshots as the schedule would have on {@code asOf}: a daily run then covers
     * the day before it, and the alert rules are checked at its first moment. For a backfill or a demo on history;
     * null means now.
     */
    public ScheduledRun run(String propertyId, String scheduleZone, String run, Integer lateDays,
            List<String> groupBy, LocalDate asOf) {
        Property property = properties.require("property", propertyId);
        String id = property.id();
        if (scheduleZone != null && !scheduleZone.equals(property.timeZone().getId())) {
            LOG.warnf("The schedule of %s runs in %s but the property counts days in %s; change one of them",
                    id, scheduleZone, property.timeZone().getId());
        }
        Instant now = asOf == null ? clock.instant() : asOf.atStartOfDay(property.timeZone()).toInstant();
        List<LocalDate> days = days(run, lateDays, LocalDate.ofInstant(now, property.timeZone()));
        if (days.get(0).getYear() < 1970 || days.get(days.size() - 1).getYear() > 9999) {
            throw RequestException.invalid("asOf", "the run as of " + asOf + " covers " + days.get(0) + " to "
                    + days.get(days.size() - 1) + ", outside the years 1970 to 9999");
        }
        List<GroupBy> groupings = groupings(groupBy);

        int stored = 0;
        long sessions = 0;
        for (LocalDate day : days) {
            SnapshotRange range = new SnapshotRange(day, day, property.timeZone());
            for (GroupBy grouping : groupings) {
                Snapshot snapshot = service.compute(property, range, grouping, null);
                store.put(property, snapshot, range, grouping, null, List.of());
                stored++;
                if (grouping == null) {
                    sessions = sessions(snapshot);
                }
            }
        }
        LOG.infof("Scheduled %s run for %s stored %d snapshots for %s to %s (%s)", run, id, stored, days.get(0),
                days.get(days.size() - 1), property.timeZone());

        List<Alert> raised = DAILY.equals(run) ? alerts.daily(property, days.get(days.size() - 1), now)
                : alerts.hourly(property, now);
        String delivery = alerts.store(property, raised);
        return new ScheduledRun(id, run, property.timeZone().getId(), days.stream().map(LocalDate::toString)
                .toList(), stored, sessions, raised.isEmpty() ? null : raised, delivery);
    }

    private static List<LocalDate> days(String run, Integer lateDays, LocalDate today) {
        if (HOURLY.equals(run)) {
            return List.of(today);
        }
        if (!DAILY.equals(run)) {
            throw RequestException.invalid("run", "run '" + run + "' is unknown: use " + DAILY + " or " + HOURLY);
        }
        int late = lateDays == null ? DEFAULT_LATE_DAYS : lateDays;
        if (late < 0 || late > MAX_LATE_DAYS) {
            throw RequestException.invalid("lateDays", "lateDays " + late + " is outside 0 to " + MAX_LATE_DAYS);
        }
        List<LocalDate> days = new ArrayList<>();
        for (int back = late + 1; back >= 1; back--) {
            days.add(today.minusDays(back));
        }
        return days;
    }

    /** Lists the ungrouped snapshot (null) first, then each requested grouping once. */
    private static List<GroupBy> groupings(List<String> ids) {
        List<GroupBy> groupings = new ArrayList<>();
        groupings.add(null);
        if (ids == null) {
            return groupings;
        }
        for (int i = 0; i < ids.size(); i++) {
            String value = ids.get(i);
            String field = "groupBy[" + i + "]";
            GroupBy grouping = GroupBy.fromId(value).orElseThrow(() -> RequestException.invalid(field,
                    "groupBy '" + value + "' is unknown: use one of " + Arrays.stream(GroupBy.values())
                            .map(GroupBy::id).collect(Collectors.joining(", "))));
            if (!groupings.contains(grouping)) {
                groupings.add(grouping);
            }
        }
        return groupings;
    }

    private static long sessions(Snapshot snapshot) {
        KpiValue value = snapshot.kpis().get("sessions");
        return value == null || value.value() == null ? 0 : value.value().longValue();
    }
}
