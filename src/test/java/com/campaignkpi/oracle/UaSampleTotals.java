package com.campaignkpi.oracle;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Google's own per-session totals of the Universal Analytics sample, one row per session, as bundled in
 * {@code data/samples/ga360_session_totals.csv}.
 */
record UaSampleTotals(String visitorId, String visitId, int visitNumber, String date, int pageviews, boolean bounce,
        boolean newVisit, int transactions, long totalTransactionRevenueMicros, String source, String medium) {

    static final Path BUNDLED = Path.of("data", "samples", "ga360_session_totals.csv");

    static List<UaSampleTotals> read(Path file) throws IOException {
        List<UaSampleTotals> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                rows.add(new UaSampleTotals(row.get("fullVisitorId"), row.get("visitId"),
                        Integer.parseInt(row.get("visitNumber")), row.get("date"), number(row.get("pageviews")),
                        number(row.get("bounces")) == 1, number(row.get("newVisits")) == 1,
                        number(row.get("transactions")), longNumber(row.get("totalTransactionRevenue")),
                        row.get("source"), row.get("medium")));
            }
        }
        return rows;
    }

    BigDecimal revenue() {
        return BigDecimal.valueOf(totalTransactionRevenueMicros, 6);
    }

    private static int number(String text) {
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private static long longNumber(String text) {
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }
}
