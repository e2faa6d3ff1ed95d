package com.campaignkpi.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The definitions the dashboard reads KPI names, explanations and colours from. */
class KpiDefinitionsTest {

    /** KPIs for which a fall is the improvement: costs, bounces and bot traffic. */
    private static final Set<String> LOWER_IS_BETTER = Set.of("bounce_rate", "single_page_bounce_rate", "cost",
            "cpc", "cpm", "cpa", "tracked_cpa", "cac", "bot_sessions");

    @Test
    void everyKpiHasBothLanguages() {
        for (KpiDefinition definition : new KpiFunction().definitions()) {
            assertFalse(definition.name().isBlank(), definition.id());
            assertFalse(definition.definition().isBlank(), definition.id());
            assertFalse(definition.nameFa().isBlank(), definition.id());
            assertFalse(definition.descriptionFa().isBlank(), definition.id());
            assertNotNull(definition.better(), definition.id());
        }
    }

    @Test
    void betterDirectionPerKpi() {
        List<KpiDefinition> definitions = new KpiFunction().definitions();

        List<String> lower = definitions.stream().filter(definition -> definition.better() == KpiDirection.LOWER)
                .map(KpiDefinition::id).toList();

        assertEquals(LOWER_IS_BETTER, Set.copyOf(lower));
        assertEquals(37, definitions.size(), "18 behaviour, 1 bot-traffic, 3 brand and 15 paid-media KPIs");
    }
}
