package com.campaignkpi.snapshot;

import java.util.List;

/**
 * Exchange rates a snapshot request may give so that amounts in several currencies are also reported combined.
 *
 * @param currency the reporting currency, an ISO 4217 code
 * @param rates    one entry per other currency; each must cover the snapshot's days
 */
public record ExchangeRatesRequest(String currency, List<Rate> rates) {

    /**
     * The price of 1 unit of {@code currency} in the reporting currency over {@code from} to {@code to}, inclusive.
     */
    public record Rate(String currency, String from, String to, String rate) {
    }
}
