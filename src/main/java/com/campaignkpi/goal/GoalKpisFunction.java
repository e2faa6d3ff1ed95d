package com.campaignkpi.goal;

import com.campaignkpi.kpi.KpiDefinition;
import com.campaignkpi.kpi.KpiRegistry;
import io.quarkus.funqy.Funq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code goal-kpis} function: for each goal type, the KPIs to watch, with their Persian names. */
public class GoalKpisFunction {

    /** KPIs to watch that are breakdowns rather than entries of the KPI definitions. */
    private static final List<WatchedKpi> EXTRA = List.of(
            new WatchedKpi("traffic_sources", "breakdown", "منابع ترافیک",
                    "سهم هر منبع و رسانه (مثلاً google / cpc) از جلسه‌ها؛ در هر گزارش زیر trafficSources"));

    /**
     * One KPI to watch.
     *
     * @param unit {@code count}, {@code ratio}, {@code currency}, {@code seconds}, or {@code breakdown} for a
     *             share per source
     */
    public record WatchedKpi(String id, String unit, String nameFa, String descriptionFa) {
    }

    /** The KPIs to watch for one goal type. */
    public record GoalTypeKpis(GoalType type, String nameFa, List<WatchedKpi> kpis) {
    }

    @Funq("goal-kpis")
    public List<GoalTypeKpis> goalKpis() {
        List<GoalTypeKpis> types = new ArrayList<>();
        for (GoalType type : GoalType.values()) {
            List<WatchedKpi> kpis = new ArrayList<>();
            for (String id : type.kpis()) {
                kpis.add(watched(id));
            }
            types.add(new GoalTypeKpis(type, type.nameFa(), kpis));
        }
        return types;
    }

    private static WatchedKpi watched(String id) {
        Optional<KpiDefinition> definition = KpiRegistry.find(id);
        if (definition.isPresent()) {
            KpiDefinition found = definition.get();
            return new WatchedKpi(id, found.unit().id(), found.nameFa(), found.descriptionFa());
        }
        return EXTRA.stream().filter(extra -> extra.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalStateException("KPI to watch " + id + " has no definition"));
    }
}
