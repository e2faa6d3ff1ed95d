package com.campaignkpi.snapshot;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.kpi.ExchangeRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the exchange rates of a snapshot request against its range. */
final class ExchangeRateParser {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ExchangeRateParser() {
    }

    /** Returns the rates that cover the whole range, or null when the request gave none. */
    static ExchangeRates parse(ExchangeRatesRequest request, SnapshotRange range) {
        if (request == null) {
            return null;
        }
        String currency = code("exchangeRates.currency", request.currency());
        Map<String, BigDecimal> rates = new HashMap<>();
        List<ExchangeRatesRequest.Rate> entries = request.rates() == null ? List.of() : request.rates();
        for (int i = 0; i < entries.size(); i++) {
            String path = "exchangeRates.rates[" + i + "]";
            ExchangeRatesRequest.Rate entry = entries.get(i);
            String from = path + ".currency";
            String code = code(from, entry == null ? null : entry.currency());
            LocalDate first = Days.require(path + ".from", entry.from());
            LocalDate last = Days.require(path + ".to", entry.to());
            if (first.isAfter(range.from()) || last.isBefore(range.to())) {
                throw RequestException.invalid(path, path + " covers " + first + " to " + last + ", not the whole "
                        + "snapshot range " + range.from() + " to " + range.to() + "; give a rate for those days");
            }
            rates.put(code, rate(path + ".rate", entry.rate()));
        }
        return new ExchangeRates(currency, rates);
    }

    private static String code(String path, String value) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw RequestException.invalid(path, path + " '" + value + "' is not an ISO 4217 code such as USD or IRR");
        }
        return value;
    }


    private static BigDecimal rate(String path, String value) {
        try {
            BigDecimal rate = new BigDecimal(value == null ? "" : value.trim());
            // Bounds before any arithmetic, so a value such as 1e-999999999 cannot exhaust memory later.
            if (rate.signum() > 0 && rate.compareTo(new BigDecimal("1e15")) < 0
                    && rate.compareTo(new BigDecimal("1e-15")) > 0 && rate.precision() <= 30) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // Reported below with the limits.
        }
        throw RequestException.invalid(path, path + " '" + value + "' is not a positive rate between 1e-15 and 1e15 "
                + "with at most 30 digits");
    }
}
