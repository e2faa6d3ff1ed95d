package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.campaignkpi.api.RequestException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Format detection on every real export and on small inputs, and the errors for input that cannot be read. */
class SpendFormatsTest {

    @ParameterizedTest
    @CsvSource({
        SpendFiles.ACTIONTAKER_SEARCH_TERMS + ", google-ads",
        SpendFiles.CALPRESERVING_ADS + ", google-ads",
        SpendFiles.CALPRESERVING_CAMPAIGNS + ", google-ads",
        SpendFiles.GETGROUND_SEARCH_TERMS + ", google-ads",
        SpendFiles.GETGROUND_CAMPAIGNS + ", generic-csv",
        SpendFiles.KAG_CR + ", meta-ads",
        SpendFiles.KAG_LF + ", meta-ads",
    })
    void detectsRealExports(String file, String format) {
        assertEquals(format, SpendFormats.detect(SpendFiles.shared(file)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[{\"platform\": \"other\"}]| canonical",
        "  {\"platform\": \"other\"}| canonical",
        "ad_id,xyz_campaign_id,fb_campaign_id,Impressions,Clicks,Spent| meta-ads",
        "Campaign name,Day,Amount spent (GBP),Impressions| meta-ads",
        "Ad set name,Reporting starts,Reporting ends,Amount spent| meta-ads",
        "Campaign,Impr.,Clicks,Cost| google-ads",
        "Campaign,Clicks,Cost| generic-csv",
        "Campaign Name,Spend,Impressions| generic-csv",
    })
    void detectsHeaders(String start, String format) {
        assertEquals(format, SpendFormats.detect(SpendFiles.utf8(start + "\n")));
    }

    /** A preamble period marks Google Ads even when no column name is Google's own. */
    @Test
    void detectsGoogleByPreamble() {
        String csv = "Campaign report\n\"January 20, 2026 - January 21, 2026\"\nCampaign,Clicks,Cost\nA,1,1.00\n";

        assertEquals(SpendFormats.GOOGLE_ADS, SpendFormats.detect(SpendFiles.utf8(csv)));
    }

    @Test
    void ids() {
        assertEquals(List.of("google-ads", "meta-ads", "canonical", "generic-csv"), SpendFormats.ids());
    }

    @Test
    void nullFormatIsDetected() {
        String csv = "Campaign name,Day,Amount spent (GBP)\nA,2026-08-01,1.00\n";

        assertEquals(SpendFormats.META_ADS, SpendFormats.read(SpendFiles.utf8(csv), null).format());
    }

    @Test
    void unknownContent() {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.detect(SpendFiles.utf8("name,age\nAda,36\n")));

        assertEquals("Unknown spend report format: no header with a cost column such as Cost, Amount spent (USD) or"
                + " Spent in the first 10 rows, and no JSON. First line: name,age", error.getMessage());
        assertNull(error.line());
    }

    @Test
    void unknownFormatId() {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8("Campaign,Cost\n"), "bing-ads"));

        assertEquals("Unknown spend format 'bing-ads'. Use one of google-ads, meta-ads, canonical, generic-csv",
                error.getMessage());
        assertEquals("format", error.field());
    }

    @Test
    void nonNumericImpressions() {
        String csv = "Campaign report\nAll time\nCampaign,Impr.,Clicks,Cost\nA,100,1,1.00\nB,12x,1,1.00\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Invalid value '12x' in column 'Impr.' on line 5: expected a whole number such as 1356884 or"
                + " \"1,356,884\"", error.getMessage());
        assertEquals(5L, error.line());
        assertEquals("Impr.", error.field());
        assertEquals("12x", error.value());
        assertEquals(400, error.status());
    }

    /** CR-only line ends, as in Kaggle's KAG file, must still give the right line number. */
    @Test
    void lineNumberWithCarriageReturns() {
        String csv = "ad_id,xyz_campaign_id,fb_campaign_id,age,gender,interest,Impressions,Clicks,Spent,"
                + "Total_Conversion,Approved_Conversion\r1,916,103916,30-34,M,15,7350,1,1.43,2,1\r"
                + "2,916,103917,30-34,M,16,7350,1,1.43,two,1\r";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals(3L, error.line());
        assertEquals("Total_Conversion", error.field());
        assertEquals("two", error.value());
    }

    @Test
    void missingCostColumn() {
        String csv = "Search terms report\n\"January 20, 2026 - January 21, 2026\"\nSearch term,Impr.,Clicks,CTR\n"
                + "shoes,10,1,10.00%\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Missing required column for format google-ads: expected Cost. Columns found: Search term,"
                + " Impr., Clicks, CTR", error.getMessage());
        assertEquals("Cost", error.field());
    }

    @Test
    void missingKagColumns() {
        String csv = "ad_id,xyz_campaign_id,Impressions,Clicks,Spent,Total_Conversion\n1,916,10,1,1.00,1\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Missing required column for format meta-ads: expected Approved_Conversion. Columns found: ad_id,"
                + " xyz_campaign_id, Impressions, Clicks, Spent, Total_Conversion", error.getMessage());
    }

    @Test
    void rowWiderThanHeader() {
        String csv = "Campaign,Impr.,Cost\nA,1,356,1.00\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals("Invalid row on line 2: it has 4 cells but the header has 3. Check the delimiter and the"
                + " quoting", error.getMessage());
    }

    @Test
    void unclosedQuote() {
        String csv = "Campaign,Impr.,Cost\n\"A,1,1.00\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv)));

        assertEquals(2L, error.line());
    }

    @Test
    void noHeaderRow() {
        String csv = "Campaign report\nAll time\n";

        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8(csv), SpendFormats.GOOGLE_ADS));

        assertEquals("No header row found in the first 10 rows; expected column names such as Campaign, Impr.,"
                + " Clicks, Cost. First row: Campaign report", error.getMessage());
    }

    @Test
    void exceptionIsRequestException() {
        RequestException error = assertThrows(RequestException.class,
                () -> SpendFormats.read(SpendFiles.utf8("Campaign,Impr.,Cost\nA,-1,1.00\n")));

        assertEquals(400, error.status());
        assertEquals("Impr.", error.field());
    }

    @Test
    void trailingEmptyCellsAreAllowed() {
        String csv = "Campaign,Impr.,Cost\nA,1,1.00,,\n";

        assertEquals(1L, SpendFormats.read(SpendFiles.utf8(csv)).rows().get(0).impressions());
    }

    @Test
    void otherPreambleLinesAreWarned() {
        String csv = "Campaign report\nAll time\nDownloaded by Ada\nCampaign,Impr.,Cost,Currency code\nA,1,1.00,USD\n";

        assertEquals(List.of("Line 3 above the header was not read: Downloaded by Ada"),
                SpendFormats.read(SpendFiles.utf8(csv)).warnings());
    }
}
