package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** This project's JSON spend rows, as an array and as one object per line. */
class CanonicalReaderTest {

    private static final String FIRST = "{\"date\": \"2026-01-20\", \"platform\": \"google_ads\","
            + " \"account\": \"Shop\", \"campaign_id\": 12345, \"campaign_name\": \"Brand\","
            + " \"ad_group\": \"Exact\", \"ad\": \"RSA 1\","
            + " \"impressions\": 1000, \"reach\": null, \"clicks\": 25, \"cost\": 12.30, \"currency\": \"EUR\","
            + " \"conversions\": 1.5, \"conversion_value\": \"90.00\", \"extra\": {\"campaign_type\": \"Search\"}}";
    private static final String SECOND = "{\"range_start\": \"2026-01-01\", \"range_end\": \"2026-01-31\","
            + " \"platform\": \"META_ADS\", \"campaign_name\": \"Spring\", \"impressions\": \"1,200\", \"cost\": 0.1}";

    @Test
    void arrayAndLinesGiveSameRows() {
        SpendReport array = SpendFormats.read(SpendFiles.utf8("[" + FIRST + ",\n" + SECOND + "]"));
        SpendReport lines = SpendFormats.read(SpendFiles.utf8(FIRST + "\n" + SECOND + "\n"));

        assertEquals(SpendFormats.CANONICAL, array.format());
        assertEquals(2, array.rows().size());
        assertEquals(array.rows(), lines.rows());
    }

    @Test
    void fieldsAreRead() {
        SpendRow row = SpendFormats.read(SpendFiles.utf8(FIRST)).rows().get(0);

        assertEquals(LocalDate.of(2026, 1, 20), row.date());
        assertEquals(AdPlatform.GOOGLE_ADS, row.platform());
        assertEquals("Shop", row.account());
        assertEquals("12345", row.campaignId());
        assertEquals("Brand", row.campaignName());
        assertEquals("Exact", row.adGroup());
        assertEquals("RSA 1", row.ad());
        assertEquals(1_000L, row.impressions());
        assertNull(row.reach());
        assertEquals(25L, row.clicks());
        assertEquals(new BigDecimal("12.30"), row.cost());
        assertEquals("EUR", row.currency());
        assertEquals(new BigDecimal("1.5"), row.conversions());
        assertEquals(new BigDecimal("90.00"), row.conversionValue());
        assertEquals(Map.of("campaign_type", "Search"), row.extra());
    }

    /** 0.1 stays 0.1: JSON numbers are read as decimals, not as doubles. */
    @Test
    void periodAndDecimalCost() {
        SpendRow row = SpendFormats.read(SpendFiles.utf8(SECOND)).rows().get(0);

        assertNull(row.date());
        assertEquals(LocalDate.of(2026, 1, 1), row.rangeStart());
        assertEquals(LocalDate.of(2026, 1, 31), row.rangeEnd());
        assertEquals(AdPlatform.META_ADS, row.platform());
        assertEquals(1_200L, row.impressions());
        assertEquals(new BigDecimal("0.1"), row.cost());
    }

    @Test
    void oneDayRangeIsDate() {
        String json = "{\"platform\": \"other\", \"range_start\": \"2026-01-05\", \"range_end\": \"2026-01-05\"}";
        SpendRow row = SpendFormats.read(SpendFiles.utf8(json)).rows().get(0);

        assertEquals(LocalDate.of(2026, 1, 5), row.date());
        assertNull(row.rangeStart());
    }

    @Test
    void unknownFieldsAreListed() {
        String json = "[{\"platform\": \"other\", \"ctr\": 0.1, \"cpc\": 2}, {\"platform\": \"other\", \"ctr\": 0.2}]";
        SpendReport report = SpendFormats.read(SpendFiles.utf8(json));

        assertEquals(List.of("ctr", "cpc"), report.ignoredColumns());
        assertEquals(List.of("Fields not read: ctr, cpc"), report.warnings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cost\": 1}| platform| ''| one of google_ads, meta_ads, other",
        "{\"platform\": \"bing\"}| platform| bing| one of google_ads, meta_ads, other",
        "{\"platform\": \"other\", \"impressions\": -3}| impressions| -3| a whole number, 0 or more",
        "{\"platform\": \"other\", \"clicks\": 1.5}| clicks| 1.5| a whole number, 0 or more",
        "{\"platform\": \"other\", \"cost\": \"12,5\"}| cost| 12,5| a number such as 18703.32 or \"18,703.32\"",
        "{\"platform\": \"other\", \"cost\": true}| cost| true| a number such as 12.34, or a string such as \"12.34\"",
        "{\"platform\": \"other\", \"currency\": \"eur\"}| currency| eur| an ISO 4217 currency code such as USD",
        "{\"platform\": \"other\", \"date\": \"20/01/2026\"}| date| 20/01/2026| an ISO date such as 2026-01-20",
        "{\"platform\": \"other\", \"range_start\": \"2026-01-02\"}| range_end| ''| both range_start and range_end,"
                + " or neither",
        "{\"platform\": \"other\", \"campaign_name\": [\"a\"]}| campaign_name| [\"a\"]| a string",
    })
    void invalidField(String json, String field, String value, String expected) {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8("\n" + json), SpendFormats.CANONICAL));

        assertEquals("Invalid value '" + value + "' in column '" + field + "' on line 2: expected " + expected,
                error.getMessage());
        assertEquals(2L, error.line());
        assertEquals(field, error.field());
    }

    @Test
    void malformedJson() {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8("[{\"platform\": \"other\"},\n{\"platform\": }]")));

        assertEquals(2L, error.line());
    }

    @Test
    void arrayOfNonObjects() {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8("[1, 2]")));

        assertEquals("Invalid row on line 1: expected a JSON object, found '1'", error.getMessage());
    }

    @Test
    void contentAfterArrayIsRejected() {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8("[" + FIRST + "]\n[" + SECOND + "]")));

        assertEquals("Invalid row on line 2: content after the array's closing ']': send one array, or one object "
                + "per line", error.getMessage());
        assertEquals("$", error.field());
    }

    @Test
    void numberBeyondDecimalIsRejected() {
        SpendFormatException error = assertThrows(SpendFormatException.class,
                () -> SpendFormats.read(SpendFiles.utf8("[{\"platform\": \"other\"},\n{\"platform\": \"other\","
                        + " \"cost\": 1e99999999999999999999}]")));

        assertEquals(2L, error.line());
        assertEquals("$", error.field());
        assertTrue(error.getMessage().startsWith("Invalid row on line 2: a number is out of range: "),
                error.getMessage());
    }
}
