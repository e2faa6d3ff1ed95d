package com.campaignkpi.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SpendImportSummaryTest {

    @Test
    void totalsPerCurrency() throws IOException {
        String result = """
                {"property":"G-X","format":"meta-ads","rows":3,"periodRows":0,
                 "totals":[{"currency":"EUR","rows":1,"impressions":1000,"reach":800,"clicks":10,"cost":5.5,
                            "conversions":1.5,"conversionValue":30},
                           {"currency":"USD","rows":2,"cost":20}],
                 "fileTotals":[{"label":"Total","fileCost":25.5,"matches":false}],
                 "ignoredColumns":["A","B","C","D","E","F","G"],"warnings":[]}
                """;

        assertEquals("""
                Imported 1 spend row (meta-ads) for G-X: 1,000 impressions, reach 800, 10 clicks, 5.50 EUR, \
                1.5 conversions, conversion value 30.00 EUR
                Imported 2 spend rows (meta-ads) for G-X: 20.00 USD
                File total 'Total' is not compared, because the imported rows are in several currencies.
                Ignored 7 columns the import does not read: A, B, C, D, E and 2 more.
                """, SpendImportSummary.render(JsonValues.READER.readTree(result)));
    }

    @Test
    void fileTotalThatDiffers() throws IOException {
        String result = """
                {"property":"G-X","format":"google-ads","title":"Campaign report","rows":2,"periodRows":1,
                 "from":"2026-01-01","to":"2026-01-31",
                 "totals":[{"currency":"USD","rows":2,"impressions":900,"clicks":50,"cost":45,"conversions":3}],
                 "fileTotals":[{"label":"Account","fileImpressions":1000,"importedImpressions":900,"fileClicks":50,
                                "importedClicks":50,"fileCost":50.00,"importedCost":45,"fileConversions":1,
                                "importedConversions":3,"matches":false},
                               {"label":"Campaign","fileCost":45.0,"importedCost":45,"matches":true}],
                 "ignoredColumns":["Campaign type"],
                 "warnings":["Skipped 1 row without a date (first on line 7)"]}
                """;

        assertEquals("""
                Imported 2 spend rows (google-ads) for G-X: 900 impressions, 50 clicks, 45.00 USD, 3 conversions
                1 row is a total for the period 2026-01-01 to 2026-01-31, not per day.
                File total 'Account' differs from the imported rows: file 1,000 impressions vs imported 900, \
                file cost 50.00 USD vs imported 45.00 USD, file 1 conversion vs imported 3.
                File total 'Campaign' matches the imported rows.
                Warning: Skipped 1 row without a date (first on line 7)
                Ignored 1 column the import does not read: Campaign type.
                """, SpendImportSummary.render(JsonValues.READER.readTree(result)));
    }

    @Test
    void noCurrencyAndNoRows() throws IOException {
        String withoutCurrency = """
                {"property":"G-X","format":"meta-ads","rows":4,"periodRows":4,"from":"2019-08-17",
                 "to":"2019-08-30","totals":[{"rows":4,"clicks":1,"cost":1234.567,"conversions":1.0}]}
                """;
        String empty = """
                {"property":"G-X","format":"canonical","rows":0,"periodRows":0,"totals":[],
                 "fileTotals":[{"label":"Total","fileCost":10,"matches":false}]}
                """;

        assertEquals("""
                Imported 4 spend rows (meta-ads) for G-X: 1 click, 1,234.57 (no currency in the report), 1 conversion
                4 rows are totals for the period 2019-08-17 to 2019-08-30, not per day.
                """, SpendImportSummary.render(JsonValues.READER.readTree(withoutCurrency)));
        assertEquals("""
                Imported 0 spend rows (canonical) for G-X.
                File total 'Total' differs from the imported rows: file cost 10.00 vs imported none.
                """, SpendImportSummary.render(JsonValues.READER.readTree(empty)));
    }
}
