package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written Meta Ads Manager exports with the column names of the English UI. */
class MetaAdsManagerTest {

    /** Broken down by day, with the summary row an export may start with. */
    private static final String DAILY = String.join("\n",
            "Campaign name,Ad set name,Day,Impressions,Reach,Link clicks,Clicks (all),Amount spent (USD),Purchases,"
                    + "Purchases conversion value,Reporting starts,Reporting ends",
            ",,,\"12,000\",9000,140,200,\"1,250.50\",7,\"1,400.00\",2026-08-01,2026-08-02",
            "Spring sale,Lookalike,2026-08-01,7000,5000,80,120,700.25,4,800.00,2026-08-01,2026-08-02",
            "Spring sale,Lookalike,2026-08-02,5000,4000,60,80,550.25,3,600.00,2026-08-01,2026-08-02");

    /** One row per campaign over the reporting period, with Results instead of Purchases. */
    private static final String PERIOD = String.join("\n",
            "Account name,Campaign name,Reporting starts,Reporting ends,Impressions,Link clicks,Amount spent,Currency,"
                    + "Results,Result indicator",
            "Clinic,Flu shots,2026-08-01,2026-08-31,48000,960,\"1,250.50\",AUD,41,actions:lead",
            "Clinic,Webster packs,2026-08-01,2026-08-01,30500,310,640.00,AUD,9,actions:lead");

    @Test
    void dailyRowsUseDayAndLinkClicks() {
        SpendReport report = SpendFormats.read(SpendFiles.utf8(DAILY));
        SpendRow first = report.rows().get(0);

        assertEquals(SpendFormats.META_ADS, report.format());
        assertEquals(2, report.rows().size());
        assertEquals(AdPlatform.META_ADS, first.platform());
        assertEquals(LocalDate.of(2026, 8, 1), first.date());
        assertNull(first.rangeStart());
        assertEquals("Spring sale", first.campaignName());
        assertEquals("Lookalike", first.adGroup());
        assertEquals(7_000L, first.impressions());
        assertEquals(5_000L, first.reach());
        assertEquals(80L, first.clicks());
        assertEquals(new BigDecimal("700.25"), first.cost());
        assertEquals("USD", first.currency());
        assertEquals(new BigDecimal("4"), first.conversions());
        assertEquals(new BigDecimal("800.00"), first.conversionValue());
        assertEquals(List.of("Clicks (all)"), report.ignoredColumns());
    }

    @Test
    void summaryRowIsTotal() {
        SpendReport report = SpendFormats.read(SpendFiles.utf8(DAILY));
        ReportTotal summary = report.total("Summary").orElseThrow();
        RowSums sums = RowSums.of(report.rows());

        assertEquals(1, report.totals().size());
        assertEquals(12_000L, summary.impressions());
        assertEquals(sums.impressions(), summary.impressions());
        assertEquals(140L, summary.clicks());
        assertEquals(sums.clicks(), summary.clicks());
        assertEquals(new BigDecimal("1250.50"), summary.cost());
        assertEquals(sums.cost(), summary.cost());
        assertEquals(LocalDate.of(2026, 8, 1), summary.values().rangeStart());
        assertEquals(LocalDate.of(2026, 8, 2), summary.values().rangeEnd());
        assertEquals(List.of("A row without account, campaign, ad set or ad names is kept as total 'Summary'"
                + " (1 row, first on line 2)"), report.warnings());
    }

    @Test
    void periodRowsAndOneDayRows() {
        SpendReport report = SpendFormats.read(SpendFiles.utf8(PERIOD));
        SpendRow month = report.rows().get(0);
        SpendRow day = report.rows().get(1);

        assertNull(month.date());
        assertEquals(LocalDate.of(2026, 8, 1), month.rangeStart());
        assertEquals(LocalDate.of(2026, 8, 31), month.rangeEnd());
        assertEquals(LocalDate.of(2026, 8, 1), day.date());
        assertNull(day.rangeStart());
        assertEquals("Clinic", month.account());
        assertEquals(new BigDecimal("1250.50"), month.cost());
        assertEquals("AUD", month.currency());
    }

    @Test
    void resultsAreConversionsWithWarning() {
        SpendReport report = SpendFormats.read(SpendFiles.utf8(PERIOD));
        SpendRow month = report.rows().get(0);

        assertEquals(new BigDecimal("41"), month.conversions());
        assertEquals(Map.of("result_indicator", "actions:lead"), month.extra());
        assertEquals(List.of("Column 'Results' is read as conversions because the file has no Purchases column."
                + " Results count whatever each campaign optimises for (see Result indicator)"), report.warnings());
    }

    @Test
    void resultsIgnoredBesidePurchases() {
        String csv = "Campaign name,Day,Amount spent (EUR),Purchases,Results\nA,2026-08-01,10.00,2,5\n";
        SpendReport report = SpendFormats.read(SpendFiles.utf8(csv));

        assertEquals(new BigDecimal("2"), report.rows().get(0).conversions());
        assertEquals("EUR", report.rows().get(0).currency());
        assertEquals(List.of("Results"), report.ignoredColumns());
        assertEquals(List.of(), report.warnings());
    }

    /** Without name columns no row can be recognised as a summary, so every row is data. */
    @Test
    void rowsWithoutNameColumns() {
        String csv = "Age,Gender,Day,Impressions,Amount spent (USD)\n25-34,female,2026-08-01,100,1.00\n"
                + "35-44,male,2026-08-01,200,2.00\n";
        SpendReport report = SpendFormats.read(SpendFiles.utf8(csv));

        assertEquals(2, report.rows().size());
        assertEquals(List.of(), report.totals());
        assertEquals(Map.of("age", "25-34", "gender", "female"), report.rows().get(0).extra());
    }

    @Test
    void currencyColumnContradictsHeader() {
        String csv = "Campaign name,Day,Amount spent (USD),Currency\nA,2026-08-01,10.00,EUR\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Invalid value '10.00' in column 'Amount spent (USD)' on line 2: expected an amount in EUR, the"
                + " currency stated for this row", error.getMessage());
    }

    @Test
    void periodEndingBeforeStart() {
        String csv = "Campaign name,Reporting starts,Reporting ends,Amount spent (USD)\nA,2026-08-05,2026-08-01,1.00\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Invalid value '2026-08-01' in column 'Reporting ends' on line 2: expected a day on or after the"
                + " start, 2026-08-05", error.getMessage());
        assertEquals("2026-08-01", error.value());
    }

    @Test
    void missingAmountSpent() {
        String csv = "Campaign name,Reporting starts,Reporting ends,Impressions\nA,2026-08-01,2026-08-01,10\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv), SpendFormats.META_ADS));

        assertEquals("Missing required column for format meta-ads: expected Amount spent. Columns found:"
                + " Campaign name, Reporting starts, Reporting ends, Impressions", error.getMessage());
        assertEquals("Amount spent", error.field());
        assertEquals(400, error.status());
    }
}
