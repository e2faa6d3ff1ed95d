package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes every KPI of {@link KpiRegistry} from {@link SessionTotals}. Ratios keep 6 decimals and money averages
 * 4, rounded half-even; numerator and denominator are returned exactly so a dashboard can re-aggregate.
 */
public final class KpiCalculator {

    static final int RATIO_SCALE = 6;
    static final int MONEY_SCALE = 4;
    static final int SECONDS_SCALE = 3;

    private KpiCalculator() {
    }

    public static Map<String, KpiValue> compute(SessionTotals totals) {
        Map<String, KpiValue> kpis = new LinkedHashMap<>();
        kpis.put("sessions", KpiValue.count(totals.sessions()));
        kpis.put("engaged_sessions", KpiValue.count(totals.engagedSessions()));
        kpis.put("engagement_rate", ratio(totals.engagedSessions(), totals.sessions(), "no sessions in the range"));
        kpis.put("bounce_rate", ratio(totals.sessions() - totals.engagedSessions(), totals.sessions(),
                "no sessions in the range"));
        kpis.put("single_page_bounce_rate", ratio(totals.singleInteractionSessions(), totals.sessions(),
                "no sessions in the range"));
        kpis.put("average_engagement_time", averageSeconds(totals.engagementMsec(), totals.sessions()));
        kpis.put("page_views", KpiValue.count(totals.pageViews()));
        kpis.put("users", KpiValue.count(totals.users()));
        kpis.put("new_users", KpiValue.count(totals.newUsers()));
        kpis.put("returning_users", KpiValue.count(totals.returningUsers()));
        kpis.put("return_rate", ratio(totals.returningUsers(), totals.users(), "no users in the range"));
        kpis.put("conversions", KpiValue.count(totals.conversions()));
        kpis.put("session_conversion_rate", ratio(totals.convertingSessions(), totals.sessions(),
                "no sessions in the range"));
        kpis.put("user_conversion_rate", ratio(totals.convertingUsers(), totals.users(), "no users in the range"));
        kpis.put("transactions", KpiValue.count(totals.transactions()));
        kpis.put("revenue", Money.sum(totals.revenue()));
        kpis.put("aov", Money.average(totals.revenue(), totals.transactions(), "no transactions in the range"));
        kpis.put("clv", Money.average(totals.lifetimeRevenue(), totals.buyers(), "no customer bought in the range"));
        return kpis;
    }

    /** Returns the {@code bot_sessions} KPI: sessions that had an event from a bot user agent. */
    public static KpiValue botSessions(long botSessions) {
        return KpiValue.count(botSessions);
    }

    static KpiValue ratio(long numerator, long denominator, String reasonWhenEmpty) {
        BigDecimal top = BigDecimal.valueOf(numerator);
        BigDecimal bottom = BigDecimal.valueOf(denominator);
        if (denominator == 0) {
            return new KpiValue(null, top, bottom, KpiUnit.RATIO, null, reasonWhenEmpty, null);
        }
        return new KpiValue(top.divide(bottom, RATIO_SCALE, RoundingMode.HALF_EVEN), top, bottom, KpiUnit.RATIO,
                null, null, null);
    }

    static KpiValue averageSeconds(long totalMsec, long sessions) {
        BigDecimal seconds = BigDecimal.valueOf(totalMsec).movePointLeft(3);
        BigDecimal bottom = BigDecimal.valueOf(sessions);
        if (sessions == 0) {
            return new KpiValue(null, seconds, bottom, KpiUnit.SECONDS, null, "no sessions in the range", null);
        }
        return new KpiValue(seconds.divide(bottom, SECONDS_SCALE, RoundingMode.HALF_EVEN), seconds, bottom,
                KpiUnit.SECONDS, null, null, null);
    }
}
