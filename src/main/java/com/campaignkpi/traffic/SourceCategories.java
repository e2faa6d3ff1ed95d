package com.campaignkpi.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

/**
 * Google's GA4 source-category list, which classifies traffic sources as search, social, shopping or video sites
 * for the default channel rules. The bundled copy ({@value #RESOURCE}, see the NOTICE.md next to it) is parsed
 * once, on the first call to {@link #bundled()}.
 *
 * <p>Look-ups ignore case and surrounding blanks. A host that is not listed as written is also matched through
 * its site name and parent domains, so "www.google.com", "news.google.co.uk" and "www.amazon.de" find the listed
 * "google", "news.google.com" and "amazon.com".
 *
 * <p>Native builds must include the resource, for example with
 * {@code quarkus.native.resources.includes=traffic/**}.
 */
public final class SourceCategories {

    /** Class-path location of the bundled list. */
    public static final String RESOURCE = "/traffic/ga4_source_categories.csv";

    private static final Logger LOG = Logger.getLogger(SourceCategories.class);

    private static final String SOURCE_COLUMN = "source";
    private static final String CATEGORY_COLUMN = "source_category";

    private final Map<String, SourceCategory> categoryBySource;

    private SourceCategories(Map<String, SourceCategory> categoryBySource) {
        this.categoryBySource = Map.copyOf(categoryBySource);
    }

    /** Returns the bundled list, parsing it on the first call. */
    public static SourceCategories bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Parses a list in Google's format: a header row {@code source,source_category}, then one source per row with
     * a category such as "SOURCE_CATEGORY_SOCIAL". Sources are stored in lower case.
     *
     * @throws IllegalArgumentException when a row has an unknown category, or repeats a source with another category
     * @throws UncheckedIOException when reading fails
     */
    public static SourceCategories parse(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        Map<String, SourceCategory> categories = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            for (CSVRecord row : parser) {
                addRow(categories, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the source-category CSV", e);
        }
        return new SourceCategories(categories);
    }

    /**
     * Returns the category of a traffic source ("google", "Facebook", "m.facebook.com", "www.google.co.uk"), or
     * empty when the source is null, blank or not in the list.
     */
    public Optional<SourceCategory> categoryOf(String source) {
        if (source == null) {
            return Optional.empty();
        }
        String key = source.strip().toLowerCase(Locale.ROOT);
        SourceCategory exact = categoryBySource.get(key);
        if (exact != null || !HostNames.isHostName(key, true)) {
            return Optional.ofNullable(exact);
        }

        for (String candidate : HostNames.lookupCandidates(key)) {
            SourceCategory category = categoryBySource.get(candidate);
            if (category != null) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** Returns the number of distinct sources in the list. */
    public int size() {
        return categoryBySource.size();
    }

    private static void addRow(Map<String, SourceCategory> categories, CSVRecord row) {
        String source = row.get(SOURCE_COLUMN).toLowerCase(Locale.ROOT);
        if (source.isEmpty()) {
            throw new IllegalArgumentException("Missing source in CSV data row " + row.getRecordNumber());
        }
        String value = row.get(CATEGORY_COLUMN);
        SourceCategory category = SourceCategory.fromCsvValue(value).orElseThrow(() -> new IllegalArgumentException(
                "Invalid source_category '" + value + "' for source '" + source + "' in CSV data row "
                        + row.getRecordNumber() + "; expected one of SOURCE_CATEGORY_SEARCH, "
                        + "SOURCE_CATEGORY_SOCIAL, SOURCE_CATEGORY_SHOPPING, SOURCE_CATEGORY_VIDEO"));

        SourceCategory previous = categories.putIfAbsent(source, category);
        if (previous != null && previous != category) {
            throw new IllegalArgumentException("Source '" + source + "' is listed as both " + previous.csvValue()
                    + " and " + category.csvValue() + "; keep one row per source");
        }
    }

    private static SourceCategories loadBundled() {
        InputStream stream = SourceCategories.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("Resource " + RESOURCE + " not found on the class path; native builds "
                    + "need quarkus.native.resources.includes=traffic/**");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            SourceCategories loaded = parse(reader);
            LOG.infof("Loaded %d GA4 source categories from %s", loaded.size(), RESOURCE);
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + RESOURCE, e);
        }
    }

    /** Holder whose class initialization, which the JVM runs once on first use, parses the bundled list. */
    private static final class Bundled {
        private static final SourceCategories INSTANCE = loadBundled();
    }
}
