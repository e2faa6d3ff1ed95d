package com.campaignkpi.benchmark;

import com.campaignkpi.kpi.KpiCalculator;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.kpi.SessionTotals;
import com.campaignkpi.session.Session;
import com.campaignkpi.session.Sessionizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a snapshot's KPIs from events already in memory, with the steps {@code SnapshotService.compute} takes
 * after reading the store: sessionize, keep the sessions that start in the range, leave out bot sessions, total
 * them and compute every KPI of {@code KpiCalculator} plus {@code bot_sessions}.
 *
 * <p>NOTE: the branded searches, groups, traffic-source lists and paid-media KPIs of a snapshot are not computed
 * here, because they need brand terms and spend rows that the synthetic day does not have. This copy of the steps
 * has to follow {@code SnapshotService.compute} when that changes.
 */
final class OurKpis {

    private OurKpis() {
    }

    static Map<String, KpiValue> compute(SyntheticDay day) {
        List<Session> built = Sessionizer.sessionize(day.events(), SyntheticDay.SESSION_TIMEOUT,
                SyntheticDay.KEY_EVENTS);
        List<Session> started = built.stream()
                .filter(session -> session.startMicros() >= day.startMicros()
                        && session.startMicros() < day.endMicros())
                .toList();
        long botSessions = started.stream().filter(Session::bot).count();
        List<Session> sessions = started.stream().filter(session -> !session.bot()).toList();

        Map<String, KpiValue> kpis = new LinkedHashMap<>(
                KpiCalculator.compute(SessionTotals.of(sessions, day.history())));
        kpis.put("bot_sessions", KpiCalculator.botSessions(botSessions));
        return kpis;
    }
}
