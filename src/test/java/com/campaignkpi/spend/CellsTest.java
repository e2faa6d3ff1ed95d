package com.campaignkpi.spend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cell, date and encoding parsing, case by case. */
class CellsTest {

    @ParameterizedTest
    @CsvSource({"'1,356,884', 1356884", "0, 0", "' 42 ', 42", "'1,000', 1000"})
    void counts(String raw, long expected) {
        assertEquals(expected, Cells.count(raw, 1, "Impr."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "--", " --"})
    void emptyCellsAreNull(String raw) {
        assertNull(Cells.count(raw, 1, "Impr."));
        assertNull(Cells.decimal(raw, 1, "Conversions"));
        assertNull(Cells.money(raw, 1, "Cost"));
        assertNull(Cells.percent(raw, 1, "CTR"));
        assertNull(Cells.text(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12x", "1.5", "-3", "1,23", "1.234", "1 000", "< 10%", "99999999999999999999"})
    void invalidCounts(String raw) {
        SpendFormatException error = assertThrows(SpendFormatException.class, () -> Cells.count(raw, 7, "Impr."));

        assertEquals(7L, error.line());
        assertEquals("Impr.", error.field());
        assertEquals(raw, error.value());
    }

    @ParameterizedTest
    @CsvSource({"'18,703.32', 18703.32", "0.00, 0.00", "-1.5, -1.5", "1.429999948, 1.429999948", "7, 7"})
    void decimals(String raw, String expected) {
        assertEquals(new BigDecimal(expected), Cells.decimal(raw, 1, "Conversions"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.234,56", "12,5", "1,2345.00", ".5", "1e3", "NaN"})
    void invalidDecimals(String raw) {
        assertThrows(SpendFormatException.class, () -> Cells.decimal(raw, 1, "Conversions"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "'€1,622.60', 1622.60, EUR, null",
        "'£0.72', 0.72, GBP, null",
        "'USD 12.00', 12.00, USD, null",
        "'12.00 USD', 12.00, USD, null",
        "'$12.00', 12.00, null, $",
        "'-$5.00', -5.00, null, $",
        "'R$ 1,000.00', 1000.00, BRL, null",
        "'1622.60', 1622.60, null, null",
    })
    void money(String raw, String amount, String currency, String ambiguousSymbol) {
        assertEquals(new Cells.Money(new BigDecimal(amount), currency, ambiguousSymbol), Cells.money(raw, 1, "Cost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 abc", "€12€", "USD 12 EUR", "--5", "-$-5", "€"})
    void invalidMoney(String raw) {
        assertThrows(SpendFormatException.class, () -> Cells.money(raw, 1, "Cost"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "6.46%, 0.0646, null",
        "100.00%, 1.0000, null",
        "0%, 0.00, null",
        "< 10%, null, < 10%",
        "> 90%, null, > 90%",
    })
    void percentages(String raw, String fraction, String bucket) {
        Cells.Percent percent = Cells.percent(raw, 1, "Search impr. share");

        assertEquals(fraction == null ? null : new BigDecimal(fraction), percent.fraction());
        assertEquals(bucket, percent.bucket());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-20, 2026-01-20",
        "'January 20, 2026', 2026-01-20",
        "'Jan 20, 2026', 2026-01-20",
        "10 February 2026, 2026-02-10",
        "1 Sep 2026, 2026-09-01",
    })
    void dates(String text, LocalDate expected) {
        assertEquals(expected, Dates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03/04/2026", "2026-02-30", "February 30, 2026", "yesterday"})
    void invalidDates(String text) {
        assertNull(Dates.parse(text));
    }

    @Test
    void periods() {
        assertEquals(new ReportPeriod("January 28, 2026 - February 24, 2026", LocalDate.of(2026, 1, 28),
                LocalDate.of(2026, 2, 24)), Dates.period("January 28, 2026 - February 24, 2026"));
        assertEquals(new ReportPeriod("All time", null, null), Dates.period("All time"));
        assertEquals(new ReportPeriod("2026-01-20", LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 20)),
                Dates.period("2026-01-20"));
        assertNull(Dates.period("February 24, 2026 - January 28, 2026"));
        assertNull(Dates.period("Search terms report"));
    }

    @Test
    void delimiterChoice() {
        assertEquals('\t', CsvRows.delimiter("Report\nJanuary 20, 2026 - January 21, 2026\nA\tB\tC\n"));
        assertEquals(',', CsvRows.delimiter("Report\n\"January 20, 2026 - January 21, 2026\"\nA,B,C\n"));
        assertEquals(';', CsvRows.delimiter("A;B;C\n1;2;3\n"));
    }

    @Test
    void windows1252Fallback() {
        byte[] content = "Campaign,Cost\nCaf\u00e9,1.00\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        DecodedText text = DecodedText.decode(content);

        assertEquals("Campaign,Cost\nCaf\u00e9,1.00\n", text.text());
        assertEquals("The file is not valid UTF-8 and was read as windows-1252. Save it as UTF-8 if names look wrong",
                text.warning());
    }

    @Test
    void utf8WithBom() {
        DecodedText text = DecodedText.decode(SpendFiles.withBom("Campaign", StandardCharsets.UTF_8));

        assertEquals("Campaign", text.text());
        assertEquals(StandardCharsets.UTF_8, text.charset());
        assertNull(text.warning());
    }
}
