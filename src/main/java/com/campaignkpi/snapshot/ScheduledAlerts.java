package com.campaignkpi.snapshot;

import com.campaignkpi.alert.Alert;
import com.campaignkpi.alert.AlertDelivery;
import com.campaignkpi.alert.AlertEvaluator;
import com.campaignkpi.alert.AlertInput;
import com.campaignkpi.alert.AlertStore;
import com.campaignkpi.alert.DeliveryResult;
import com.campaignkpi.alert.TrackingActivity;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.ingest.EventPartitions;
import com.campaignkpi.ingest.EventStore;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.property.Property;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Evaluates the alert rules in scheduled runs, stores what fires and posts the new alerts to the property's
 * webhook. The daily run compares the last 7 complete days with the 7 before them; the hourly run checks for a
 * tracking gap.
 */
@ApplicationScoped
public class ScheduledAlerts {

    private static final Logger LOG = Logger.getLogger(ScheduledAlerts.class);

    /** Days in each period the daily rules compare: a week evens out weekday and weekend traffic. */
    static final int PERIOD_DAYS = 7;

    /** Hours of history behind the tracking-gap baseline, as the rule's message states. */
    static final int BASELINE_HOURS = 7 * 24;

    /**
     * Maximum wait for the webhook after everything is stored. Lambda freezes background threads when a function
     * returns, so a run waits here rather than leave the post unfinished. The snapshots are stored by then.
     */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);

    @Inject
    SnapshotService service;

    @Inject
    EventStore events;

    @Inject
    AlertStore alerts;

    @Inject
    AlertDelivery delivery;

    /** Returns the alerts of the week ending {@code lastDay} against the week before it. */
    public List<Alert> daily(Property property, LocalDate lastDay, Instant now) {
        SnapshotRange week = new SnapshotRange(lastDay.minusDays(PERIOD_DAYS - 1), lastDay, property.timeZone());
        SnapshotRange before = new SnapshotRange(lastDay.minusDays(2L * PERIOD_DAYS - 1),
                lastDay.minusDays(PERIOD_DAYS), property.timeZone());
        Snapshot current = service.compute(property, week, null, null);
        Snapshot previous = service.compute(property, before, null, null);
        AlertInput input = new AlertInput(property.id(), lastDay.toString(), current.kpis(), previous.kpis(),
                current.paid(), previous.paid(), null);
        return AlertEvaluator.evaluate(input, property.alerts(), now);
    }

    /**
     * Returns the tracking-gap alert, if any. NOTE: the baseline reads every event of the last 7 days, one Query
     * per UTC day each hour. A busy property will want a stored hourly count instead.
     */
    public List<Alert> hourly(Property property, Instant now) {
        Instant from = now.minus(Duration.ofHours(BASELINE_HOURS));
        long fromMicros = EpochMicros.of(from);
        long nowMicros = EpochMicros.of(now);
        long count = 0;
        EventPartitions partitions = EventPartitions.of(property);
        long last = Long.MIN_VALUE;
        LocalDate lastDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (TrackedEvent event : events.readDay(partitions, day)) {
                long micros = event.timestampMicros();
                if (micros >= fromMicros && micros <= nowMicros) {
                    count++;
                    last = Math.max(last, micros);
                }
            }
        }
        Instant lastEventAt = last == Long.MIN_VALUE ? null
                : Instant.ofEpochSecond(last / 1_000_000, (last % 1_000_000) * 1_000);
        BigDecimal perHour = BigDecimal.valueOf(count).divide(BigDecimal.valueOf(BASELINE_HOURS), 6,
                RoundingMode.HALF_EVEN);
        AlertInput input = new AlertInput(property.id(), LocalDate.ofInstant(now, property.timeZone()).toString(),
                null, null, null, null, new TrackingActivity(lastEventAt, perHour, now));
        return AlertEvaluator.evaluate(input, property.alerts(), now);
    }

    /**
     * Stores {@code raised} and posts those not stored before to the property's webhook, so an hourly rule that
     * keeps firing notifies once a day. Returns the delivery outcome, or null when nothing was posted.
     */
    public String store(Property property, List<Alert> raised) {
        if (raised.isEmpty()) {
            return null;
        }
        Set<String> known = new HashSet<>();
        LocalDate firstDay = raised.stream().map(alert -> LocalDate.parse(alert.day())).min(LocalDate::compareTo)
                .orElseThrow();
        for (Alert stored : alerts.list(property.id(), firstDay, 500)) {
            known.add(key(stored));
        }
        List<Alert> fresh = new ArrayList<>();
        for (Alert alert : raised) {
            if (!known.contains(key(alert))) {
                fresh.add(alert);
            }
        }
        alerts.putAll(raised);
        LOG.infof("Raised %d alerts for %s, %d of them new", raised.size(), property.id(), fresh.size());

        String url = property.alerts().webhookUrl();
        if (url == null || fresh.isEmpty()) {
            return null;
        }
        try {
            DeliveryResult result = delivery.deliver(url, fresh).get(DELIVERY_WAIT.toSeconds(), TimeUnit.SECONDS);
            return result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        } catch (TimeoutException e) {
            LOG.warnf("Posting %d alerts of %s took over %d s; the run ends without waiting further", fresh.size(),
                    property.id(), DELIVERY_WAIT.toSeconds());
            return "timed_out";
        } catch (ExecutionException e) {
            LOG.warnf("Posting %d alerts of %s failed: %s", fresh.size(), property.id(), e.getCause().toString());
            return "failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String key(Alert alert) {
        return alert.day() + "#" + alert.rule().id() + "#" + alert.scope();
    }
}
