package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Real Google Ads report downloads: the data rows must add up to the report's own "Total: ..." rows. Where a total
 * covers rows the report does not list (removed campaigns or ads), the test names the total that does match and
 * checks that the gap is the same in every total that includes those rows.
 */
class GoogleAdsReportsTest {

    @Test
    void campaignReportMatchesCampaignsTotal() {
        SpendReport report = read(SpendFiles.CALPRESERVING_CAMPAIGNS);
        RowSums sums = RowSums.of(report.rows());
        ReportTotal campaigns = total(report, "Campaigns");

        assertEquals(12, sums.rows());
        assertEquals(14_117_313L, sums.impressions());
        assertEquals(campaigns.impressions(), sums.impressions());
        assertEquals(167_739L, sums.clicks());
        assertEquals(campaigns.clicks(), sums.clicks());
        assertEquals(283_527L, sums.interactions());
        assertEquals(campaigns.interactions(), sums.interactions());
        assertEquals(new BigDecimal("199421.15"), sums.cost());
        assertEquals(campaigns.cost(), sums.cost());
        assertEquals(new BigDecimal("18703.32"), sums.conversions());
        assertEquals(campaigns.conversions(), sums.conversions());
    }

    @Test
    void campaignReportPeriodAndLabels() {
        SpendReport report = read(SpendFiles.CALPRESERVING_CAMPAIGNS);

        assertEquals("Campaign report", report.title());
        assertEquals(new ReportPeriod("All time", null, null), report.period());
        assertEquals(List.of("Campaigns", "Account", "Performance Max", "Search", "Display"),
                report.totals().stream().map(ReportTotal::label).toList());
        assertTrue(report.rows().stream().allMatch(row -> row.date() == null), "no row has a day");
        assertTrue(report.rows().stream().allMatch(row -> row.rangeStart() == null), "no row has a period");
        assertTrue(report.rows().stream().allMatch(row -> "USD".equals(row.currency())));
        assertEquals(List.of("Column 'Search impr. share' holds buckets such as '< 10%' or '> 90%', read as no value"
                + " (7 rows, first on line 6)"), report.warnings());
    }

    /**
     * "Total: Account" also counts removed campaigns, which the report does not list. They were Search campaigns:
     * the Search total exceeds the listed Search rows by the same amounts as Account exceeds Campaigns.
     */
    @Test
    void campaignReportTotalsByCampaignType() {
        SpendReport report = read(SpendFiles.CALPRESERVING_CAMPAIGNS);
        ReportTotal account = total(report, "Account");
        ReportTotal campaigns = total(report, "Campaigns");
        ReportTotal search = total(report, "Search");
        RowSums pmaxRows = RowSums.of(report.rows(), row -> "Performance Max".equals(row.extra().get("campaign_type")));
        RowSums displayRows = RowSums.of(report.rows(), row -> "Display".equals(row.extra().get("campaign_type")));
        RowSums searchRows = RowSums.of(report.rows(), row -> "Search".equals(row.extra().get("campaign_type")));

        assertEquals(total(report, "Performance Max").impressions(), pmaxRows.impressions());
        assertEquals(total(report, "Performance Max").clicks(), pmaxRows.clicks());
        assertEquals(total(report, "Performance Max").cost(), pmaxRows.cost());
        assertEquals(total(report, "Performance Max").conversions(), pmaxRows.conversions());
        assertEquals(total(report, "Display").impressions(), displayRows.impressions());
        assertEquals(total(report, "Display").clicks(), displayRows.clicks());
        assertEquals(total(report, "Display").conversions(), displayRows.conversions());
        // Google adds unrounded costs; the four Display rows, each rounded to the cent, add up to 0.01 less.
        assertEquals(new BigDecimal("15944.50"), displayRows.cost());
        assertEquals(new BigDecimal("15944.51"), total(report, "Display").cost());

        assertEquals(5_251L, account.impressions() - campaigns.impressions());
        assertEquals(5_251L, search.impressions() - searchRows.impressions());
        assertEquals(124L, account.clicks() - campaigns.clicks());
        assertEquals(124L, search.clicks() - searchRows.clicks());
        assertEquals(new BigDecimal("1.00"), account.conversions().subtract(campaigns.conversions()));
        assertEquals(new BigDecimal("1.00"), search.conversions().subtract(searchRows.conversions()));
        assertEquals(new BigDecimal("126.44"), account.cost().subtract(campaigns.cost()));
        assertEquals(new BigDecimal("126.43"), search.cost().subtract(searchRows.cost()));
    }

    @Test
    void campaignReportAccountIsSumOfTypes() {
        SpendReport report = read(SpendFiles.CALPRESERVING_CAMPAIGNS);
        List<ReportTotal> types = List.of(total(report, "Performance Max"), total(report, "Search"),
                total(report, "Display"));
        ReportTotal account = total(report, "Account");

        assertEquals(14_122_564L, account.impressions());
        assertEquals(account.impressions(), types.stream().mapToLong(ReportTotal::impressions).sum());
        assertEquals(account.clicks(), types.stream().mapToLong(ReportTotal::clicks).sum());
        assertEquals(new BigDecimal("199547.59"), account.cost());
        assertEquals(account.cost(), types.stream().map(ReportTotal::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(account.conversions(),
                types.stream().map(ReportTotal::conversions).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** "Total: Account" and "Total: Search" include removed ads, which the report does not list. */
    @Test
    void adReportMatchesAllButRemovedAds() {
        SpendReport report = read(SpendFiles.CALPRESERVING_ADS);
        RowSums sums = RowSums.of(report.rows());
        ReportTotal listed = total(report, "All but removed ads");

        assertEquals(15, sums.rows());
        assertEquals(305L, sums.impressions());
        assertEquals(listed.impressions(), sums.impressions());
        assertEquals(17L, sums.interactions());
        assertEquals(listed.interactions(), sums.interactions());
        assertEquals(new BigDecimal("117.06"), sums.cost());
        assertEquals(listed.cost(), sums.cost());
        assertEquals(new BigDecimal("0.00"), sums.conversions());
        assertEquals(listed.conversions(), sums.conversions());
        assertEquals(1_042L, total(report, "Account").impressions());
        assertEquals(new BigDecimal("133.89"), total(report, "Account").cost());
        assertEquals(new BigDecimal("1.00"), total(report, "Search").conversions());
    }

    @Test
    void adReportRowValues() {
        SpendReport report = read(SpendFiles.CALPRESERVING_ADS);
        SpendRow first = report.rows().get(0);

        assertEquals(new ReportPeriod("January 20, 2026 - January 21, 2026", LocalDate.of(2026, 1, 20),
                LocalDate.of(2026, 1, 21)), report.period());
        assertNull(first.date());
        assertEquals(LocalDate.of(2026, 1, 20), first.rangeStart());
        assertEquals(LocalDate.of(2026, 1, 21), first.rangeEnd());
        assertEquals("Bay Area Pressure", first.campaignName());
        assertEquals("Pressure Washing", first.adGroup());
        assertNull(first.ad(), "the Ad name column holds ' --' for responsive search ads");
        assertEquals(14L, first.impressions());
        assertNull(first.clicks(), "the report has Interactions but no Clicks column");
        assertEquals(2L, first.interactions());
        assertEquals(new BigDecimal("11.91"), first.cost());
        assertEquals("USD", first.currency());
        assertEquals(82, report.ignoredColumns().size());
        assertTrue(report.ignoredColumns().contains("Headline 1"));
    }

    /**
     * Impressions and clicks add up exactly. Cost and conversions differ by 0.01 because each of the 757 rows with
     * a cost is rounded to the cent, while Google totals the unrounded amounts.
     */
    @Test
    void actionTakerSearchTermsMatchTotal() {
        SpendReport report = read(SpendFiles.ACTIONTAKER_SEARCH_TERMS);
        RowSums sums = RowSums.of(report.rows());
        ReportTotal terms = total(report, "Search terms");

        assertEquals(18_948, sums.rows());
        assertEquals(122_910L, sums.impressions());
        assertEquals(terms.impressions(), sums.impressions());
        assertEquals(1_457L, sums.clicks());
        assertEquals(terms.clicks(), sums.clicks());
        assertEquals(new BigDecimal("573.10"), sums.cost());
        assertEquals(new BigDecimal("573.09"), terms.cost());
        assertEquals(new BigDecimal("275.10"), sums.conversions());
        assertEquals(new BigDecimal("275.11"), terms.conversions());
        assertEquals(List.of("Search terms", "Other search terms", "Campaign"),
                report.totals().stream().map(ReportTotal::label).toList());
        assertTrue(report.rows().stream().allMatch(row -> "USD".equals(row.currency())));
        assertEquals(LocalDate.of(2026, 2, 24), report.period().end());
    }

    /**
     * Listed and other search terms add up to the Search total. Cost differs by 0.06 over the 1,756 rows with a
     * cost, each rounded to the penny.
     */
    @Test
    void getGroundSearchTermsMatchTotal() {
        SpendReport report = read(SpendFiles.GETGROUND_SEARCH_TERMS);
        RowSums sums = RowSums.of(report.rows());
        ReportTotal terms = total(report, "Search terms");
        ReportTotal other = total(report, "Other search terms");
        ReportTotal search = total(report, "Search");

        assertEquals(8_869, sums.rows());
        assertEquals(42_698L, sums.impressions());
        assertEquals(terms.impressions(), sums.impressions());
        assertEquals(3_958L, sums.clicks());
        assertEquals(terms.clicks(), sums.clicks());
        assertEquals(new BigDecimal("2235.33"), sums.cost());
        assertEquals(new BigDecimal("2235.27"), terms.cost());
        assertTrue(report.rows().stream().allMatch(row -> row.conversions() == null), "no Conversions column");
        assertNull(terms.conversions());
        assertEquals(search.impressions(), terms.impressions() + other.impressions());
        assertEquals(search.clicks(), terms.clicks() + other.clicks());
        assertEquals(search.cost(), terms.cost().add(other.cost()));
    }

    /** The account bills in GBP; a manager account views it converted to EUR. */
    @Test
    void getGroundKeepsAccountCurrency() {
        SpendReport report = read(SpendFiles.GETGROUND_SEARCH_TERMS);
        RowSums sums = RowSums.of(report.rows());
        ReportTotal terms = total(report, "Search terms");
        SpendRow first = report.rows().get(0);

        assertTrue(report.rows().stream().allMatch(row -> "GBP".equals(row.currency())));
        assertTrue(report.rows().stream().allMatch(row -> "EUR".equals(row.extra().get("converted_currency"))));
        assertEquals("GBP", terms.currency());
        assertEquals(new BigDecimal("2570.39"), sums.costConverted());
        assertEquals("2570.25", terms.values().extra().get("cost_converted"));
        assertEquals(new BigDecimal("0.72"), first.cost());
        assertEquals("0.83", first.extra().get("cost_converted"));
        assertEquals("GetGround Search", first.account());
        assertEquals("Broad match", first.extra().get("match_type"));
        assertEquals(new ReportPeriod("10 February 2026 - 23 February 2026", LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 23)), report.period());
        assertEquals(List.of("Column 'Cost (Converted currency)' is kept in extra cost_converted, and cost stays in"
                + " the account's own currency"), report.warnings());
    }

    @Test
    void getGroundManagerAccountIsSumOfTypes() {
        SpendReport report = read(SpendFiles.GETGROUND_SEARCH_TERMS);
        List<ReportTotal> types = report.totals().subList(3, report.totals().size());
        ReportTotal manager = total(report, "Manager account");

        assertEquals(List.of("Search", "Smart", "Display", "In-stream video", "Performance Max", "Demand Gen"),
                types.stream().map(ReportTotal::label).toList());
        assertEquals(226_833L, manager.impressions());
        assertEquals(manager.impressions(), types.stream().mapToLong(ReportTotal::impressions).sum());
        assertEquals(8_232L, manager.clicks());
        assertEquals(manager.clicks(), types.stream().mapToLong(ReportTotal::clicks).sum());
        assertEquals(new BigDecimal("4742.98"), manager.cost());
        assertEquals(manager.cost(), types.stream().map(ReportTotal::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * The same account's campaign summary (no preamble, no platform named) adds up to the search terms report's
     * "Total: Manager account" clicks. Its costs carry a euro sign, yet they equal the GBP costs of the Google Ads
     * export: the Display campaign's 221.44 is the GBP Display total, whose EUR value is 254.63. The reader
     * reports EUR because that is what the file states.
     */
    @Test
    void getGroundSummaryMatchesManagerAccount() {
        SpendReport summary = read(SpendFiles.GETGROUND_CAMPAIGNS);
        SpendReport searchTerms = read(SpendFiles.GETGROUND_SEARCH_TERMS);
        RowSums sums = RowSums.of(summary.rows());
        SpendRow display = summary.rows().stream()
                .filter(row -> row.campaignName().equals("GG_PLG_AI_Analyser_Display_UK_202601"))
                .findFirst().orElseThrow();

        assertEquals(SpendFormats.GENERIC_CSV, summary.format());
        assertEquals(13, sums.rows());
        assertEquals(8_232L, sums.clicks());
        assertEquals(total(searchTerms, "Manager account").clicks(), sums.clicks());
        assertEquals(new BigDecimal("4742.97"), sums.cost());
        assertTrue(summary.rows().stream().allMatch(row -> row.platform() == AdPlatform.OTHER));
        assertTrue(summary.rows().stream().allMatch(row -> "EUR".equals(row.currency())));
        assertTrue(summary.rows().stream().allMatch(row -> row.impressions() == null));
        assertEquals(new BigDecimal("221.44"), display.cost());
        assertEquals(new BigDecimal("221.44"), total(searchTerms, "Display").cost());
        assertEquals("GBP", total(searchTerms, "Display").currency());
        assertEquals("254.63", total(searchTerms, "Display").values().extra().get("cost_converted"));
        assertEquals(List.of("Campaign Group Name", "Campaign Status", "CTR"), summary.ignoredColumns());
    }

    /** Google Ads' other download form: the same report as UTF-16LE with a byte order mark, tab separated. */
    @Test
    void utf16TabSeparatedReadsLikeCsv() {
        byte[] csv = SpendFiles.shared(SpendFiles.GETGROUND_SEARCH_TERMS);
        byte[] tsv = SpendFiles.withBom(toTabSeparated(new String(csv, StandardCharsets.UTF_8)),
                StandardCharsets.UTF_16LE);
        SpendReport fromCsv = SpendFormats.read(csv);
        SpendReport fromTsv = SpendFormats.read(tsv);

        assertEquals((byte) 0xFF, tsv[0]);
        assertEquals((byte) 0xFE, tsv[1]);
        assertEquals(SpendFormats.GOOGLE_ADS, SpendFormats.detect(tsv));
        assertEquals(8_869, fromTsv.rows().size());
        assertEquals(fromCsv.rows(), fromTsv.rows());
        assertEquals(fromCsv.totals(), fromTsv.totals());
        assertEquals(fromCsv.period(), fromTsv.period());
        assertEquals(fromCsv.ignoredColumns(), fromTsv.ignoredColumns());
    }

    private static String toTabSeparated(String csv) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.TDF.builder().setRecordSeparator("\r\n").get())) {
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(csv))) {
                printer.printRecord(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static SpendReport read(String file) {
        return SpendFormats.read(SpendFiles.shared(file));
    }

    private static ReportTotal total(SpendReport report, String label) {
        return report.total(label).orElseThrow(() -> new AssertionError("no total " + label + " in "
                + report.totals().stream().map(ReportTotal::label).toList()));
    }
}
