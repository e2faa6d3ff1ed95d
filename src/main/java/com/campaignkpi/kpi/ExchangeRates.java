package com.campaignkpi.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rates that convert amounts into one reporting currency for a snapshot's whole range: {@code rates.get("EUR")} is
 * the price of 1 EUR in {@code currency}. Amounts in a currency without a rate are never converted.
 */
public record ExchangeRates(String currency, Map<String, BigDecimal> rates) {

    public ExchangeRates {
        Objects.requireNonNull(currency, "currency");
        Map<String, BigDecimal> withOwn = new HashMap<>(rates);
        withOwn.put(currency, BigDecimal.ONE);
        rates = Map.copyOf(withOwn);
    }

    /** Tells whether every currency in {@code amounts} has a rate. */
    public boolean covers(Map<String, ?> amounts) {
        return rates.keySet().containsAll(amounts.keySet());
    }

    /** Converts each amount and adds them up, in {@link #currency()}; call after {@link #covers}. */
    BigDecimal sum(Map<String, BigDecimal> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
            total = total.add(amount.getValue().multiply(rates.get(amount.getKey())));
        }
        return total.setScale(Math.max(total.scale(), 2), RoundingMode.HALF_EVEN);
    }

    /** Adds up counts kept per currency (clicks, conversions); counts need no rate. */
    static BigDecimal count(Map<String, BigDecimal> counts) {
        return counts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
