package com.campaignkpi.kpi;

/**
 * A KPI as users see it documented: what is counted above and below the line, in which unit, what an empty
 * denominator means, and where the definition comes from.
 *
 * @param id            stable snake_case id used in the API and in stored snapshots
 * @param name          name shown to English-speaking users
 * @param better        the direction in which a change is an improvement
 * @param numerator     what is counted or summed, for ratios and averages; for counts, what is counted
 * @param denominator   what it is divided by, or null for counts and sums
 * @param definition    one-line definition in English
 * @param source        where the definition comes from
 * @param nameFa        name shown to Persian-speaking users
 * @param descriptionFa one-line meaning in Persian
 */
public record KpiDefinition(String id, String name, KpiDirection better, KpiUnit unit, String numerator,
        String denominator, String definition, String source, String nameFa, String descriptionFa) {

    public boolean isRatio() {
        return denominator != null;
    }
}
