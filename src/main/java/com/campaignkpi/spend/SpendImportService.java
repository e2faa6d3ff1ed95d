package com.campaignkpi.spend;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Imports one ad-platform report for a property: parses it, dates its rows, stores them (replacing an earlier import
 * of the same rows) and compares the sums with the file's own total rows.
 */
@ApplicationScoped
public class SpendImportService {

    private static final Logger LOG = Logger.getLogger(SpendImportService.class);

    /** DynamoDB numbers: at most 38 significant digits, magnitudes from 1E-130 to below 1E126. */
    private static final int MAX_DIGITS = 38;
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    /**
     * Bytes of a row's identity in UTF-8, which is its sort key. DynamoDB's limit is 1,024, and SpendStore appends
     * '#' and a count to rows of one report that share an identity.
     */
    static final int MAX_IDENTITY_BYTES = 1000;

    /**
     * Largest impressions, reach or clicks of one row: 10^12. Sums of counts are longs. A body within the HTTP limit
     * of 10 MB contains fewer than 700,000 rows with such a count, even as CSV, so one import's sums stay below 2^63 by
     * a factor of more than 10.
     */
    static final long MAX_COUNT = 1_000_000_000_000L;

    /** Characters of one text cell, so that a row stays far below DynamoDB's item limit of 400 KB. */
    static final int MAX_TEXT_CHARS = 1000;

    /** Characters of a value quoted in a message. */
    private static final int MAX_QUOTED = 80;

    @Inject
    PropertyAccess access;

    @Inject
    SpendStore store;

    Clock clock = Clock.systemUTC();

    /**
     * @param format null to detect it from the content
     * @param from   first day of the period the report covers, for a report without per-day rows
     * @param to     last day of that period, inclusive
     */
    public SpendImportResult importReport(String measurementId, String apiSecret, String format, String from,
            String to, byte[] content) {
        Property property = access.authenticate(measurementId, apiSecret);
        if (content == null || content.length == 0) {
            throw RequestException.invalid("$", "The report is empty: send the exported file as the body");
        }
        SpendReport report = SpendFormats.read(content, format == null || format.isBlank() ? null : format);

        Period period = period(report, from, to);
        List<SpendRow> rows = new ArrayList<>();
        int periodRows = 0;
        for (SpendRow row : report.rows()) {
            if (row.date() == null && row.rangeStart() == null) {
                if (period == null) {
                    throw RequestException.invalid("from", "The report has no per-day rows and states no period, so "
                            + "its totals cannot be placed in time: pass from and to (yyyy-MM-dd) for the days it "
                            + "covers");
                }
                row = withPeriod(row, period);
            }
            checkStorable(rows.size() + 1, row);
            periodRows += row.date() == null ? 1 : 0;
            rows.add(row);
        }
        store.putAll(property.id(), rows, clock.instant().toString());

        Map<String, SpendTotals> totals = totals(rows);
        List<FileTotalCheck> checks = checks(report, rows);
        LOG.infof("Imported %d spend rows (%d period totals) of format %s for %s", rows.size(), periodRows,
                report.format(), property.id());
        return new SpendImportResult(property.id(), report.format(), report.title(), rows.size(), periodRows,
                period == null ? null : period.from().toString(), period == null ? null : period.to().toString(),
                List.copyOf(totals.values()), checks, report.ignoredColumns(), report.warnings());
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    /**
     * Checks that DynamoDB can store the row and that sums over it cannot overflow: amounts of at most 38 significant
     * digits and a magnitude from 1E-130 to below 1E126, counts of at most {@link #MAX_COUNT}, text cells of at most
     * {@link #MAX_TEXT_CHARS} characters, and an identity that fits a sort key.
     */
    private static void checkStorable(int rowNumber, SpendRow row) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        amounts.put("cost", row.cost());
        amounts.put("conversions", row.conversions());
        amounts.put("conversion value", row.conversionValue());
        amounts.forEach((column, amount) -> checkAmount(rowNumber, column, amount));

        Map<String, Long> counts = new TreeMap<>();
        counts.put("impressions", row.impressions());
        counts.put("reach", row.reach());
        counts.put("clicks", row.clicks());
        counts.forEach((column, count) -> {
            if (count != null && count > MAX_COUNT) {
                throw RequestException.invalid(column, "data row " + rowNumber + ": " + column + " " + count
                        + " is more than " + MAX_COUNT + ", which no ad platform reports for one row");
            }
        });

        checkTexts(rowNumber, row);
    }

    /**
     * Checks the exponent before the digits, because canonical JSON rows can carry any exponent, such as
     * 1e999999999, and the plain form of that number, which the store writes, would fill the heap.
     */
    private static void checkAmount(int rowNumber, String column, BigDecimal amount) {
        if (amount == null || amount.signum() == 0) {
            return;
        }
        long exponent = (long) amount.precision() - amount.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
            throw RequestException.invalid(column, "data row " + rowNumber + ": " + column + " "
                    + abbreviate(amount.toString()) + " is outside the range DynamoDB stores: use a magnitude "
                    + "from 1E-130 to below 1E126");
        }
        if (amount.stripTrailingZeros().precision() > MAX_DIGITS) {
            throw RequestException.invalid(column, "data row " + rowNumber + ": " + column + " "
                    + abbreviate(amount.toString()) + " has more than " + MAX_DIGITS + " significant digits");
        }
    }

    /** Checks each text cell's length, then the UTF-8 length of the identity they form, and names the longest. */
    private static void checkTexts(int rowNumber, SpendRow row) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("account", row.account());
        identity.put(row.campaignId() != null ? "campaign_id" : "campaign_name",
                row.campaignId() != null ? row.campaignId() : row.campaignName());
        identity.put("ad_group", row.adGroup());
        identity.put("ad", row.ad());
        identity.put("keyword", row.keyword());
        Map<String, String> texts = new LinkedHashMap<>(identity);
        texts.put("campaign_name", row.campaignName());
        texts.forEach((column, text) -> {
            if (text != null && text.length() > MAX_TEXT_CHARS) {
                throw RequestException.invalid(column, "data row " + rowNumber + ": " + column + " is "
                        + text.length() + " characters long; the limit is " + MAX_TEXT_CHARS);
            }
        });

        int keyBytes = SpendItems.sortKey(row).getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes <= MAX_IDENTITY_BYTES) {
            return;
        }
        String longest = null;
        int longestBytes = -1;
        for (Map.Entry<String, String> entry : identity.entrySet()) {
            int bytes = entry.getValue() == null ? 0 : entry.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > longestBytes) {
                longest = entry.getKey();
                longestBytes = bytes;
            }
        }
        throw RequestException.invalid(longest, "data row " + rowNumber + ": account, campaign, ad group, ad and "
                + "keyword together are " + keyBytes + " bytes in UTF-8, and a row's key has room for "
                + MAX_IDENTITY_BYTES + "; shorten " + longest + " (" + longestBytes + " bytes)");
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }

    /** Returns the period undated rows cover: the caller's from/to, else the report's stated period, else null. */
    private static Period period(SpendReport report, String from, String to) {
        if (from != null || to != null) {
            if (from == null || to == null) {
                String missing = from == null ? "from" : "to";
                throw RequestException.invalid(missing, missing + " is missing: a period needs both from and to, "
                        + "as yyyy-MM-dd");
            }
            LocalDate first = Days.require("from", from);
            LocalDate last = Days.require("to", to);
            if (last.isBefore(first)) {
                throw RequestException.invalid("to", "to " + last + " is before from " + first);
            }
            return new Period(first, last);
        }
        if (report.period() != null && report.period().dated()) {
            return new Period(report.period().start(), report.period().end());
        }
        return null;
    }


    private static SpendRow withPeriod(SpendRow row, Period period) {
        return new SpendRow(null, period.from(), period.to(), row.platform(), row.account(), row.campaignId(),
                row.campaignName(), row.adGroup(), row.ad(), row.keyword(), row.impressions(), row.reach(),
                row.clicks(), row.interactions(), row.cost(), row.currency(), row.conversions(),
                row.conversionValue(), row.leads(), row.extra());
    }

    static Map<String, SpendTotals> totals(List<SpendRow> rows) {
        // Keyed by currency code; "" for rows whose file names no currency sorts first.
        Map<String, SpendTotals> totals = new TreeMap<>();
        for (SpendRow row : rows) {
            String currency = row.currency() == null ? "" : row.currency();
            totals.computeIfAbsent(currency, code -> SpendTotals.empty(code.isEmpty() ? null : code));
            totals.put(currency, totals.get(currency).plus(row));
        }
        return totals;
    }

    /**
     * Compares each total row with the imported rows it covers: a sub-total labelled like a campaign type (Google Ads'
     * "Total: Search") with the rows of that type, any other total with all rows.
     */
    private static List<FileTotalCheck> checks(SpendReport report, List<SpendRow> rows) {
        List<FileTotalCheck> checks = new ArrayList<>();
        for (ReportTotal total : report.totals()) {
            List<SpendRow> covered = rows.stream()
                    .filter(row -> total.label().equalsIgnoreCase(row.extra().get("campaign_type")))
                    .toList();
            Map<String, SpendTotals> sums = totals(covered.isEmpty() ? rows : covered);
            SpendTotals sum = sums.size() == 1 ? sums.values().iterator().next() : SpendTotals.empty(null);
            SpendRow file = total.values();
            boolean matches = sums.size() == 1 && same(file.impressions(), sum.impressions())
                    && same(file.clicks(), sum.clicks()) && same(file.cost(), sum.cost())
                    && same(file.conversions(), sum.conversions());
            checks.add(new FileTotalCheck(total.label(), file.impressions(), sum.impressions(), file.clicks(),
                    sum.clicks(), file.cost(), sum.cost(), file.conversions(), sum.conversions(), matches));
        }
        return checks;
    }

    /** Compares a total's value with a sum; one the total does not state cannot disagree, and 1.50 equals 1.5. */
    private static boolean same(Object file, Object imported) {
        if (file == null) {
            return true;
        }
        if (file instanceof BigDecimal left && imported instanceof BigDecimal right) {
            return left.compareTo(right) == 0;
        }
        return file.equals(imported);
    }
}
