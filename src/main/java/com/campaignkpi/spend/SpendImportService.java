package com.campaignkpi.spend;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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

    private static final int MAX_DIGITS = 38;

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

    /** DynamoDB stores numbers of at most 38 significant digits; the parser has already bounded the exponent. */
    private static void checkStorable(int rowNumber, SpendRow row) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        amounts.put("cost", row.cost());
        amounts.put("conversions", row.conversions());
        amounts.put("conversion value", row.conversionValue());
        amounts.forEach((column, amount) -> {
            if (amount != null && amount.stripTrailingZeros().precision() > MAX_DIGITS) {
                throw RequestException.invalid(column, "data row " + rowNumber + ": " + column + " "
                        + amount.toString() + " has more than " + MAX_DIGITS + " significant digits");
            }
        });
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
