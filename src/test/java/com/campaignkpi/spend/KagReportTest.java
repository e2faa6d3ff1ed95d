package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kaggle's KAG Facebook ads file (one row per ad, no dates, no currency). Expected sums and ratios were computed
 * from the file with Python's csv and decimal modules, independently of this library.
 */
class KagReportTest {

    /** Python's default decimal context: 28 significant digits, half-even rounding. */
    private static final MathContext PYTHON_DECIMAL = new MathContext(28, RoundingMode.HALF_EVEN);

    @Test
    void sumsEqualColumnSums() {
        SpendReport report = SpendFormats.read(SpendFiles.shared(SpendFiles.KAG_CR));
        RowSums sums = RowSums.of(report.rows());

        assertEquals(SpendFormats.META_ADS, report.format());
        assertEquals(1_143, sums.rows());
        assertEquals(213_434_828L, sums.impressions());
        assertEquals(38_165L, sums.clicks());
        // Spent keeps the file's float artefacts (1.429999948), so the sum is exact to 9 places.
        assertEquals(new BigDecimal("58705.229958205"), sums.cost());
        assertEquals(new BigDecimal("58705.23"), sums.cost().setScale(2, RoundingMode.HALF_EVEN));
        // Total_Conversion (enquiries) and Approved_Conversion (purchases), summed in Python: 3264 and 1079.
        assertEquals(new BigDecimal("3264"), sums.leads());
        assertEquals(new BigDecimal("1079"), sums.conversions());
    }

    @Test
    void crAndLfLineEndsGiveSameRows() {
        SpendReport cr = SpendFormats.read(SpendFiles.shared(SpendFiles.KAG_CR));
        SpendReport lf = SpendFormats.read(SpendFiles.shared(SpendFiles.KAG_LF));

        assertEquals(1_143, cr.rows().size());
        assertEquals(lf.rows(), cr.rows());
    }

    @Test
    void firstRowMapping() {
        SpendReport report = SpendFormats.read(SpendFiles.shared(SpendFiles.KAG_CR));
        SpendRow first = report.rows().get(0);

        assertEquals(AdPlatform.META_ADS, first.platform());
        assertEquals("916", first.campaignId());
        assertEquals("103916", first.adGroup());
        assertEquals("708746", first.ad());
        assertEquals(7_350L, first.impressions());
        assertEquals(1L, first.clicks());
        assertEquals(new BigDecimal("1.429999948"), first.cost());
        assertEquals(new BigDecimal("1"), first.conversions());
        assertEquals(new BigDecimal("2"), first.leads());
        assertNull(first.currency());
        assertNull(first.date());
        assertNull(first.rangeStart());
        assertEquals(Map.of("ad_group_id", "103916", "ad_id", "708746", "age", "30-34", "gender", "M",
                "interest", "15"), first.extra());
    }

    @Test
    void missingCurrencyIsWarned() {
        SpendReport report = SpendFormats.read(SpendFiles.shared(SpendFiles.KAG_CR));

        assertTrue(report.rows().stream().allMatch(row -> row.currency() == null));
        assertEquals(List.of("The file states no currency, so cost has none. Take the currency from the ad"
                + " account's settings (1143 rows, first on line 2)"), report.warnings());
        assertEquals(List.of(), report.ignoredColumns());
        assertEquals(List.of(), report.totals());
    }

    @Test
    void clickThroughRatePerCampaign() {
        SpendReport report = SpendFormats.read(SpendFiles.shared(SpendFiles.KAG_CR));
        Map<String, RowSums> byCampaign = report.rows().stream()
                .collect(Collectors.groupingBy(SpendRow::campaignId, TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> RowSums.of(entry.getValue()), (a, b) -> a,
                        TreeMap::new));

        assertEquals(List.of("1178", "916", "936"), List.copyOf(byCampaign.keySet()));
        assertCampaign(byCampaign.get("916"), 54, 482_925L, 113L, "149.710000657",
                "0.0002339907853186312574416317234");
        assertCampaign(byCampaign.get("936"), 464, 8_128_187L, 1_984L, "2893.369998934",
                "0.0002440888724631950519839172007");
        assertCampaign(byCampaign.get("1178"), 625, 204_823_716L, 36_068L, "55662.149958614",
                "0.0001760928895558168664413841608");
    }

    private static void assertCampaign(RowSums sums, long rows, long impressions, long clicks, String cost,
            String clickThroughRate) {
        BigDecimal ratio = BigDecimal.valueOf(sums.clicks()).divide(BigDecimal.valueOf(sums.impressions()),
                PYTHON_DECIMAL);

        assertEquals(rows, sums.rows());
        assertEquals(impressions, sums.impressions());
        assertEquals(clicks, sums.clicks());
        assertEquals(new BigDecimal(cost), sums.cost());
        assertEquals(new BigDecimal(clickThroughRate), ratio);
    }
}
