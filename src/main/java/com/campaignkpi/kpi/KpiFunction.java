package com.campaignkpi.kpi;

import io.quarkus.funqy.Funq;
import java.util.List;

/** The {@code kpis} function: every KPI's definition, with its Persian name and meaning, for dashboards. */
public class KpiFunction {

    @Funq("kpis")
    public List<KpiDefinition> definitions() {
        return KpiRegistry.all();
    }
}
