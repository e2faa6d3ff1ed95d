package com.campaignkpi.snapshot;

import java.util.List;

/**
 * Input of the {@code snapshot} function.
 *
 * @param property the property's measurement id
 * @param from     first day, {@code yyyy-MM-dd}, inclusive, in {@code timeZone}
 * @param to       last day, inclusive
 * @param timeZone IANA zone of the days; the property's zone when absent
 * @param groupBy  optional dimension: date, source, medium, source_medium, campaign, channel_group, landing_page,
 *                 device_category
 * @param refresh  true to compute again even when a stored snapshot exists (after late events arrived)
 * @param exchangeRates optional rates that also combine the paid-media amounts into one currency
 * @param compare  optional base periods to compare the ungrouped KPIs with: {@code previous_period} (as many days,
 *                 ending the day before {@code from}) and {@code previous_year} ({@code from} and {@code to} one
 *                 year earlier)
 * @param includeBots true to count sessions with an event from a bot user agent in every KPI; by default they are
 *                 left out and only counted in {@code bot_sessions}
 */
public record SnapshotRequest(String property, String from, String to, String timeZone, String groupBy,
        Boolean refresh, ExchangeRatesRequest exchangeRates, List<String> compare, Boolean includeBots) {

    /** Creates a request that leaves bot sessions out of the KPIs. */
    public SnapshotRequest(String property, String from, String to, String timeZone, String groupBy,
            Boolean refresh, ExchangeRatesRequest exchangeRates, List<String> compare) {
        this(property, from, to, timeZone, groupBy, refresh, exchangeRates, compare, null);
    }
}
