package com.campaignkpi.alert;

import com.campaignkpi.kpi.KpiValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one property's KPIs for a day against its {@link AlertSettings} and returns the alerts that fire. Pure: it
 * reads only its arguments.
 *
 * <p>Common to every rule: a disabled rule never fires, and a KPI whose value is null (a zero denominator, or
 * amounts in several currencies without a per-currency value) never fires. Money is compared only within one
 * currency. The paid-media rules are described at {@link PaidAlerts}. The others:
 * <ul>
 *   <li>{@code engagement_rate_drop} and {@code conversion_rate_drop} ({@code engagement_rate} and
 *       {@code session_conversion_rate}) fire when the relative drop (previous − current) / previous reaches the
 *       threshold, with at least {@code min_sessions} sessions in each period.</li>
 *   <li>{@code bounce_rate_spike} ({@code bounce_rate}) fires when current − previous reaches the threshold,
 *       a fraction of 1 (0.10 is 10 percentage points), with the same session guard.</li>
 *   <li>{@code tracking_gap} fires when the property averaged at least {@code min_events_per_hour} events per
 *       hour over the previous 7 days and no event arrived for at least the threshold in hours.</li>
 * </ul>
 * Alerts come in the order of {@link AlertRule}, the property scope before campaigns.
 */
public final class AlertEvaluator {

    /** Scale of computed ratios and differences, as the KPIs' own ratios. */
    static final int RATIO_SCALE = 6;

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private AlertEvaluator() {
    }

    /** Returns the alerts that fire for {@code input}, each stamped with {@code raisedAt}. */
    public static List<Alert> evaluate(AlertInput input, AlertSettings settings, Instant raisedAt) {
        AlertSink sink = new AlertSink(input, settings, raisedAt.toString());
        PaidAlerts.check(sink);
        Map<String, KpiValue> current = input.current();
        Map<String, KpiValue> previous = input.previous();
        sessionRateDrop(sink, AlertRule.ENGAGEMENT_RATE_DROP, "engagement_rate", "Engagement rate", "نرخ تعامل");
        sessionRateDrop(sink, AlertRule.CONVERSION_RATE_DROP, "session_conversion_rate", "Session conversion rate",
                "نرخ تبدیل نشست");
        bounceRateSpike(sink, current.get("bounce_rate"), previous.get("bounce_rate"));
        trackingGap(sink, input.tracking());
        return sink.alerts();
    }

    private static void sessionRateDrop(AlertSink sink, AlertRule rule, String kpi, String label, String labelFa) {
        Map<String, KpiValue> current = sink.input().current();
        Map<String, KpiValue> previous = sink.input().previous();
        Map<String, String> details = sessionVolume(sink, current, current.get(kpi), previous, previous.get(kpi));
        if (details != null) {
            relativeDrop(sink, rule, label, labelFa, current.get(kpi), previous.get(kpi), details);
        }
    }

    private static void bounceRateSpike(AlertSink sink, KpiValue current, KpiValue previous) {
        AlertRule rule = AlertRule.BOUNCE_RATE_SPIKE;
        Map<String, String> details = sessionVolume(sink, sink.input().current(), current, sink.input().previous(),
                previous);
        if (details == null || current.value() == null || previous.value() == null) {
            return;
        }
        BigDecimal rise = current.value().subtract(previous.value());
        BigDecimal threshold = sink.threshold(rule);
        if (rise.compareTo(threshold) < 0) {
            return;
        }
        details.put("current", current.value().toPlainString());
        details.put("previous", previous.value().toPlainString());
        sink.raise(rule, Alert.PROPERTY_SCOPE, rise.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN),
                "Bounce rate rose by " + AlertText.points(rise) + " percentage points against the previous period, "
                        + "from " + AlertText.percent(previous.value()) + " to " + AlertText.percent(current.value())
                        + " (threshold: " + AlertText.points(threshold) + " points).",
                "نرخ پرش نسبت به دوره قبل " + AlertText.fa(AlertText.points(rise)) + " واحد درصد بالا رفت، از "
                        + AlertText.fa(AlertText.percent(previous.value())) + " به "
                        + AlertText.fa(AlertText.percent(current.value())) + " (آستانه: "
                        + AlertText.fa(AlertText.points(threshold)) + " واحد درصد).",
                details);
    }

    private static void trackingGap(AlertSink sink, TrackingActivity tracking) {
        AlertRule rule = AlertRule.TRACKING_GAP;
        if (tracking == null || tracking.lastEventAt() == null || tracking.eventsPerHourBaseline() == null
                || tracking.now() == null) {
            return;
        }
        BigDecimal baseline = tracking.eventsPerHourBaseline();
        if (baseline.compareTo(sink.threshold(AlertSettings.MIN_EVENTS_PER_HOUR)) < 0) {
            return;
        }
        BigDecimal gapSeconds = BigDecimal.valueOf(Duration.between(tracking.lastEventAt(), tracking.now())
                .getSeconds());
        BigDecimal threshold = sink.threshold(rule);
        if (gapSeconds.compareTo(threshold.multiply(SECONDS_PER_HOUR)) < 0) {
            return;
        }
        BigDecimal hours = gapSeconds.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_EVEN);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("lastEventAt", tracking.lastEventAt().toString());
        details.put("checkedAt", tracking.now().toString());
        details.put("eventsPerHourBaseline", baseline.toPlainString());
        sink.raise(rule, Alert.PROPERTY_SCOPE, hours,
                "No tracking event arrived for " + AlertText.oneDecimal(hours) + " hours although the property "
                        + "averaged " + AlertText.oneDecimal(baseline) + " events per hour over the previous 7 days "
                        + "(threshold: " + AlertText.number(threshold) + " hours).",
                AlertText.fa(AlertText.oneDecimal(hours)) + " ساعت است هیچ رویدادی نرسیده، در حالی که این سایت در "
                        + "۷ روز گذشته به‌طور میانگین " + AlertText.fa(AlertText.oneDecimal(baseline))
                        + " رویداد در ساعت داشت (آستانه: " + AlertText.fa(AlertText.number(threshold)) + " ساعت).",
                details);
    }

    /**
     * Returns the session counts of both periods as alert details when each reaches {@code min_sessions}, else
     * null. A rate's sessions are its denominator, or the {@code sessions} KPI when the rate has none.
     */
    private static Map<String, String> sessionVolume(AlertSink sink, Map<String, KpiValue> currentKpis,
            KpiValue current, Map<String, KpiValue> previousKpis, KpiValue previous) {
        if (current == null || previous == null) {
            return null;
        }
        BigDecimal currentSessions = sessions(currentKpis, current);
        BigDecimal previousSessions = sessions(previousKpis, previous);
        BigDecimal minimum = sink.threshold(AlertSettings.MIN_SESSIONS);
        if (currentSessions == null || previousSessions == null || currentSessions.compareTo(minimum) < 0
                || previousSessions.compareTo(minimum) < 0) {
            return null;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("currentSessions", currentSessions.toPlainString());
        details.put("previousSessions", previousSessions.toPlainString());
        return details;
    }

    private static BigDecimal sessions(Map<String, KpiValue> kpis, KpiValue rate) {
        if (rate.denominator() != null) {
            return rate.denominator();
        }
        KpiValue sessions = kpis.get("sessions");
        return sessions == null ? null : sessions.value();
    }

    /**
     * Raises {@code rule} when the relative drop (previous − current) / previous reaches the threshold. The
     * comparison is exact, (previous − current) ≥ threshold × previous; the alert's value is the drop rounded to
     * {@value #RATIO_SCALE} decimals. {@code details} gets the two rates added.
     */
    static void relativeDrop(AlertSink sink, AlertRule rule, String label, String labelFa, KpiValue current,
            KpiValue previous, Map<String, String> details) {
        if (current == null || previous == null || current.value() == null || previous.value() == null
                || previous.value().signum() <= 0) {
            return;
        }
        BigDecimal threshold = sink.threshold(rule);
        BigDecimal fall = previous.value().subtract(current.value());
        if (fall.compareTo(threshold.multiply(previous.value())) < 0) {
            return;
        }
        BigDecimal drop = fall.divide(previous.value(), RATIO_SCALE, RoundingMode.HALF_EVEN);
        details.put("current", current.value().toPlainString());
        details.put("previous", previous.value().toPlainString());
        sink.raise(rule, Alert.PROPERTY_SCOPE, drop,
                label + " fell by " + AlertText.percent(drop) + " against the previous period, from "
                        + AlertText.percent(previous.value()) + " to " + AlertText.percent(current.value())
                        + " (threshold: a " + AlertText.percent(threshold) + " drop).",
                labelFa + " نسبت به دوره قبل " + AlertText.fa(AlertText.percent(drop)) + " افت کرد، از "
                        + AlertText.fa(AlertText.percent(previous.value())) + " به "
                        + AlertText.fa(AlertText.percent(current.value())) + " (آستانه: افت "
                        + AlertText.fa(AlertText.percent(threshold)) + ").",
                details);
    }
}
