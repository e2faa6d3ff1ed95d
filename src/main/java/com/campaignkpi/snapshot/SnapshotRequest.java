package com.campaignkpi.snapshot;

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
 */
public record SnapshotRequest(String property, String from, String to, String timeZone, String groupBy,
        Boolean refresh, ExchangeRatesRequest exchangeRates) {
}
