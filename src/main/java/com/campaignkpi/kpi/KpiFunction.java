package com.campaignkpi.kpi;

import io.quarkus.funqy.Funq;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code kpis} function: every KPI's definition, with its Persian name and meaning, for dashboards; the
 * behaviour KPIs first, then the bot-traffic and brand KPIs, then the paid-media KPIs of a snapshot's {@code paid}
 * section.
 */
public class KpiFunction {

    @Funq("kpis")
    public List<KpiDefinition> definitions() {
        List<KpiDefinition> definitions = new ArrayList<>(KpiRegistry.all());
        definitions.addAll(KpiRegistry.bots());
        definitions.addAll(KpiRegistry.brand());
        definitions.addAll(KpiRegistry.paid());
        return definitions;
    }
}
