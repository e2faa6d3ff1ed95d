package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written Google Ads downloads, one quirk of the real exports per case. */
class GoogleAdsFixturesTest {

    /** UTF-16LE, tab separated, with a byte order mark, as some Google Ads downloads are. */
    private static final String DAILY_TSV = String.join("\r\n",
            "Campaign report",
            "January 20, 2026 - January 21, 2026",
            "Campaign\tCampaign ID\tDay\tImpr.\tClicks\tCost\tCurrency code\tConversions\tConv. value"
                    + "\tSearch impr. share",
            "Brand\t111\t2026-01-20\t1,356,884\t\"1,234\"\t\"2,500.10\"\tEUR\t12.50\t --\t< 10%",
            "Brand\t111\t2026-01-21\t --\t0\t0.00\tEUR\t0.00\t100.00\t> 90%",
            "Generic\t222\t2026-01-20\t10\t1\t0.50\tEUR\t0.33\t1.00\t45.67%",
            "Total: Account\t\t\t\"1,356,894\"\t1,235\t2500.60\tEUR\t12.83\t101.00\t --",
            "");

    @Test
    void utf16LittleEndianWithBom() {
        SpendReport report = SpendFormats.read(SpendFiles.withBom(DAILY_TSV, StandardCharsets.UTF_16LE));
        SpendRow first = report.rows().get(0);

        assertEquals(SpendFormats.GOOGLE_ADS, report.format());
        assertEquals("Campaign report", report.title());
        assertEquals(LocalDate.of(2026, 1, 20), report.period().start());
        assertEquals(3, report.rows().size());
        assertEquals(LocalDate.of(2026, 1, 20), first.date());
        assertNull(first.rangeStart());
        assertEquals("Brand", first.campaignName());
        assertEquals("111", first.campaignId());
        assertEquals(1_356_884L, first.impressions());
        assertEquals(1_234L, first.clicks());
        assertEquals(new BigDecimal("2500.10"), first.cost());
        assertEquals("EUR", first.currency());
        assertEquals(new BigDecimal("12.50"), first.conversions());
        assertNull(first.conversionValue());
    }

    @Test
    void dashesAreNullNotZero() {
        SpendReport report = SpendFormats.read(SpendFiles.withBom(DAILY_TSV, StandardCharsets.UTF_16LE));
        SpendRow second = report.rows().get(1);

        assertEquals(LocalDate.of(2026, 1, 21), second.date());
        assertNull(second.impressions());
        assertEquals(0L, second.clicks());
        assertEquals(new BigDecimal("100.00"), second.conversionValue());
    }

    /** Impression share buckets have no single value: they are read as none, with one warning per column. */
    @Test
    void bucketsAreNullWithWarning() {
        SpendReport report = SpendFormats.read(SpendFiles.withBom(DAILY_TSV, StandardCharsets.UTF_16LE));

        assertEquals(Map.of(), report.rows().get(0).extra());
        assertEquals(Map.of(), report.rows().get(1).extra());
        assertEquals(Map.of("search_impression_share", "0.4567"), report.rows().get(2).extra());
        assertEquals(List.of("Column 'Search impr. share' holds buckets such as '< 10%' or '> 90%', read as no value"
                + " (2 rows, first on line 4)"), report.warnings());
    }

    @Test
    void quotedThousandsInTotal() {
        SpendReport report = SpendFormats.read(SpendFiles.withBom(DAILY_TSV, StandardCharsets.UTF_16LE));
        ReportTotal account = report.total("Account").orElseThrow();

        assertEquals(1_356_894L, account.impressions());
        assertEquals(1_235L, account.clicks());
        assertEquals(new BigDecimal("2500.60"), account.cost());
        assertEquals(new BigDecimal("12.83"), account.conversions());
        assertEquals("EUR", account.currency());
        assertEquals(RowSums.of(report.rows()).impressions(), account.impressions());
        assertEquals(RowSums.of(report.rows()).cost(), account.cost());
    }

    @Test
    void utf16BigEndianWithBom() {
        byte[] content = SpendFiles.withBom(DAILY_TSV, StandardCharsets.UTF_16BE);
        SpendReport report = SpendFormats.read(content);

        assertEquals((byte) 0xFE, content[0]);
        assertEquals(SpendFormats.GOOGLE_ADS, SpendFormats.detect(content));
        assertEquals(SpendFormats.read(SpendFiles.withBom(DAILY_TSV, StandardCharsets.UTF_16LE)).rows(), report.rows());
    }

    @Test
    void utf16WithoutBom() {
        byte[] content = DAILY_TSV.getBytes(StandardCharsets.UTF_16LE);

        assertEquals(3, SpendFormats.read(content).rows().size());
    }

    /** A one-day report states its day twice; the rows then carry a date, not a range. */
    @Test
    void utf8BomCsvWithUnquotedOneDayPeriod() {
        String csv = "\uFEFFSearch terms report\n"
                + "January 20, 2026 - January 20, 2026\n"
                + "Search term,Keyword,Match type,Clicks,Impr.,Cost,Currency code\n"
                + "blue shoes,shoes,Broad match,2,40,1.10,USD\n";
        SpendReport report = SpendFormats.read(SpendFiles.utf8(csv));
        SpendRow row = report.rows().get(0);

        assertEquals(new ReportPeriod("January 20, 2026 - January 20, 2026", LocalDate.of(2026, 1, 20),
                LocalDate.of(2026, 1, 20)), report.period());
        assertEquals(LocalDate.of(2026, 1, 20), row.date());
        assertNull(row.rangeStart());
        assertEquals("blue shoes", row.keyword());
        assertEquals(Map.of("keyword", "shoes", "match_type", "Broad match"), row.extra());
    }

    @Test
    void currencySymbolInCost() {
        String csv = "Campaign report\n"
                + "\"10 February 2026 - 23 February 2026\"\n"
                + "Campaign,Impr.,Clicks,Cost\n"
                + "A,100,10,\"€1,622.60\"\n"
                + "B,50,5,€0.00\n";
        SpendReport report = SpendFormats.read(SpendFiles.utf8(csv));

        assertEquals(new BigDecimal("1622.60"), report.rows().get(0).cost());
        assertEquals("EUR", report.rows().get(0).currency());
        assertEquals("EUR", report.rows().get(1).currency());
        assertEquals(LocalDate.of(2026, 2, 23), report.rows().get(0).rangeEnd());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void dollarSignNamesNoCurrency() {
        String csv = "Campaign,Impr.,Cost\nA,100,$12.00\nB,100,$3.00\n";
        SpendReport report = SpendFormats.read(SpendFiles.utf8(csv));

        assertEquals(new BigDecimal("12.00"), report.rows().get(0).cost());
        assertNull(report.rows().get(0).currency());
        assertEquals(List.of("Currency symbol '$' in column 'Cost' stands for several currencies, so the currency is"
                + " left empty (2 rows, first on line 2)"), report.warnings());
    }

    @Test
    void symbolContradictingCurrencyCode() {
        String csv = "Campaign,Impr.,Cost,Currency code\nA,100,£5.00,EUR\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Invalid value '£5.00' in column 'Cost' on line 2: expected an amount in EUR, the currency"
                + " stated for this row", error.getMessage());
        assertEquals(2L, error.line());
        assertEquals("Cost", error.field());
    }

    @Test
    void headerNamesIgnoreCase() {
        String csv = "CAMPAIGN,impr.,CLICKS,cost,currency CODE\nA,\"1,000\",3,1.50,USD\n";
        SpendRow row = SpendFormats.read(SpendFiles.utf8(csv), SpendFormats.GOOGLE_ADS).rows().get(0);

        assertEquals("A", row.campaignName());
        assertEquals(1_000L, row.impressions());
        assertEquals(3L, row.clicks());
        assertEquals("USD", row.currency());
    }
}
