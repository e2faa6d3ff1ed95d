package com.campaignkpi.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceCategoriesTest {


    @Test
    void bundledListHasEveryRowOfTheFile() throws IOException {
        List<String> rows = readBundledDataRows();
        SourceCategories categories = SourceCategories.bundled();

        assertEquals(819, rows.size());
        assertEquals(rows.size(), categories.size());
        for (String row : rows) {
            String[] columns = row.split(",");
            SourceCategory expected = SourceCategory.fromCsvValue(columns[1]).orElseThrow();
            assertEquals(Optional.of(expected), categories.categoryOf(columns[0]), row);
        }
    }

    @Test
    void bundledListEqualsSharedDatasetCopy() throws IOException {
        List<String> shared = Files.readAllLines(SharedData.require("ga4_bigquery_export/ga4_source_categories.csv"),
                StandardCharsets.UTF_8);

        assertEquals(shared.subList(1, shared.size()), readBundledDataRows());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "EMPTY", textBlock = """
            google                    | SEARCH
            facebook.com              | SOCIAL
            Google Shopping           | SHOPPING
            IGShopping                | SHOPPING
            '  YouTube.com  '         | VIDEO
            360.cn                    | SEARCH
            lm.facebook.com           | SOCIAL
            www.google.com            | SEARCH
            www.google.co.uk          | SEARCH
            news.google.co.uk         | SEARCH
            www.bing.com              | SEARCH
            m.facebook.com            | SOCIAL
            l.facebook.com            | SOCIAL
            www.facebook.com          | SOCIAL
            m.youtube.com             | VIDEO
            www.youtube.com           | VIDEO
            www.amazon.de             | SHOPPING
            out.reddit.com            | SOCIAL
            google.com.               | SEARCH
            mail.google.com           | EMPTY
            accounts.google.com       | EMPTY
            example.com               | EMPTY
            newsletter                | EMPTY
            google shopping tab       | EMPTY
            192.168.0.1               | EMPTY
            """)
    void categoryOfMatchesSourcesAndHosts(String source, String expected) {
        Optional<SourceCategory> expectedCategory =
                expected == null ? Optional.empty() : Optional.of(SourceCategory.valueOf(expected));

        assertEquals(expectedCategory, SourceCategories.bundled().categoryOf(source));
    }

    @Test
    void categoryOfRejectsNullAndBlank() {
        assertEquals(Optional.empty(), SourceCategories.bundled().categoryOf(null));
        assertEquals(Optional.empty(), SourceCategories.bundled().categoryOf("   "));
    }

    @Test
    void parseRejectsUnknownCategory() {
        String csv = "source,source_category\ngoogle,SOURCE_CATEGORY_SEARCH\nexample,SOURCE_CATEGORY_NEWS\n";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SourceCategories.parse(new StringReader(csv)));
        assertTrue(error.getMessage().contains("'SOURCE_CATEGORY_NEWS'"), error.getMessage());
        assertTrue(error.getMessage().contains("row 2"), error.getMessage());
    }

    @Test
    void parseRejectsConflictingDuplicate() {
        String csv = "source,source_category\nExample,SOURCE_CATEGORY_SOCIAL\nexample,SOURCE_CATEGORY_VIDEO\n";

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SourceCategories.parse(new StringReader(csv)));
        assertTrue(error.getMessage().contains("'example'"), error.getMessage());
    }

    @Test
    void parseKeepsRepeatedIdenticalRowOnce() {
        String csv = "source,source_category\nExample,SOURCE_CATEGORY_SOCIAL\n\nexample,SOURCE_CATEGORY_SOCIAL\n";

        SourceCategories categories = SourceCategories.parse(new StringReader(csv));

        assertEquals(1, categories.size());
        assertEquals(Optional.of(SourceCategory.SOCIAL), categories.categoryOf("EXAMPLE"));
    }

    /** Reads the bundled file line by line, without commons-csv, and returns its non-blank rows after the header. */
    private static List<String> readBundledDataRows() throws IOException {
        try (InputStream stream = SourceCategoriesTest.class.getResourceAsStream(SourceCategories.RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            assertEquals("source,source_category", lines.get(0));
            return lines.stream().skip(1).filter(line -> !line.isBlank()).toList();
        }
    }
}
