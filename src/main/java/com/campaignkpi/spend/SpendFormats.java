package com.campaignkpi.spend;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Entry point of the spend report parsers: detects a report's format from its content and reads it into a
 * {@link SpendReport}. Formats:
 *
 * <ul>
 *   <li>{@value #GOOGLE_ADS}: Google Ads report downloads, UTF-8 CSV or UTF-16 TSV, with the title and period
 *       preamble and the "Total: ..." footer rows;
 *   <li>{@value #META_ADS}: Meta Ads Manager exports ("Amount spent (USD)", "Reporting starts", ...) and Kaggle's
 *       KAG Facebook data set (xyz_campaign_id, Spent, Approved_Conversion, ...);
 *   <li>{@value #CANONICAL}: this project's JSON spend rows, an array or one object per line;
 *   <li>{@value #GENERIC_CSV}: any other table with a cost column and Google Ads or Meta column names, such as a
 *       campaign summary without a preamble, with platform {@link AdPlatform#OTHER}.
 * </ul>
 *
 * <p>Every method throws {@link SpendFormatException} for input it cannot read. The whole file is held in memory.
 */
public final class SpendFormats {

    public static final String GOOGLE_ADS = "google-ads";
    public static final String META_ADS = "meta-ads";
    public static final String CANONICAL = "canonical";
    public static final String GENERIC_CSV = "generic-csv";

    private static final Logger LOG = Logger.getLogger(SpendFormats.class);

    private static final List<Column[]> COST = List.<Column[]>of(new Column[] {Column.COST});
    private static final TableReader.Layout GOOGLE_ADS_LAYOUT = new TableReader.Layout(GOOGLE_ADS,
            AdPlatform.GOOGLE_ADS, Vocabulary.GOOGLE_ADS, COST, false);
    private static final TableReader.Layout META_ADS_MANAGER_LAYOUT = new TableReader.Layout(META_ADS,
            AdPlatform.META_ADS, Vocabulary.META_ADS_MANAGER, COST, true);
    private static final TableReader.Layout KAG_LAYOUT = new TableReader.Layout(META_ADS, AdPlatform.META_ADS,
            Vocabulary.KAG, kagRequired(), false);
    private static final TableReader.Layout GENERIC_LAYOUT = new TableReader.Layout(GENERIC_CSV, AdPlatform.OTHER,
            Vocabulary.GENERIC, COST, false);

    /** Header names that only Meta Ads Manager writes. "Amount spent (...)" is recognised by its prefix. */
    private static final Set<String> META_MARKERS = Set.of("reporting starts", "reporting ends", "ad set name",
            "ad set id", "link clicks", "clicks (all)", "results", "result indicator", "purchases conversion value",
            "website purchases conversion value");
    /** Header names that only Google Ads writes. */
    private static final Set<String> GOOGLE_MARKERS = Set.of("impr.", "currency code", "conv. value", "interactions",
            "search term", "campaign type", "cost (converted currency)", "converted currency code",
            "search impr. share", "customer id", "ad group");
    private static final String KAG_MARKER = "xyz_campaign_id";

    private SpendFormats() {
    }

    /** Returns the format ids this library reads. */
    public static List<String> ids() {
        return List.of(GOOGLE_ADS, META_ADS, CANONICAL, GENERIC_CSV);
    }

    /** Returns the id of the content's format, judged by its first non-blank character and its header row. */
    public static String detect(byte[] content) {
        return detect(DecodedText.decode(content));
    }

    /** Detects the format and reads the report. */
    public static SpendReport read(byte[] content) {
        DecodedText text = DecodedText.decode(content);
        return read(text, detect(text));
    }

    /** Reads the report in the given format, one of {@link #ids()}, or detects the format when it is null. */
    public static SpendReport read(byte[] content, String format) {
        DecodedText text = DecodedText.decode(content);
        return read(text, format == null ? detect(text) : format);
    }

    private static SpendReport read(DecodedText text, String format) {
        SpendReport report = switch (format) {
            case GOOGLE_ADS -> TableReader.read(text, GOOGLE_ADS_LAYOUT);
            case META_ADS -> TableReader.read(text, isKag(text) ? KAG_LAYOUT : META_ADS_MANAGER_LAYOUT);
            case CANONICAL -> CanonicalReader.read(text);
            case GENERIC_CSV -> TableReader.read(text, GENERIC_LAYOUT);
            default -> throw SpendFormatException.unknownFormat(format, ids());
        };
        LOG.debugf("Read a %s report: %d rows, %d totals, %d ignored columns, %d warnings", format,
                report.rows().size(), report.totals().size(), report.ignoredColumns().size(),
                report.warnings().size());
        return report;
    }

    private static String detect(DecodedText text) {
        String body = text.text().stripLeading();
        if (body.startsWith("[") || body.startsWith("{")) {
            return CANONICAL;
        }
        CsvRows rows = CsvRows.open(text.text());
        boolean afterPeriod = false;
        for (int i = 0; i < TableReader.HEADER_SEARCH_ROWS; i++) {
            CsvRows.Row row = rows.next();
            if (row == null) {
                break;
            }
            String format = formatOfHeader(row, afterPeriod);
            if (format != null) {
                return format;
            }
            afterPeriod = afterPeriod || Dates.period(TableReader.preambleText(row)) != null;
        }
        String start = body.lines().findFirst().orElse("(empty file)");
        throw SpendFormatException.unreadable("Unknown spend report format: no header with a cost column such as"
                + " Cost, Amount spent (USD) or Spent in the first " + TableReader.HEADER_SEARCH_ROWS
                + " rows, and no JSON. First line: " + start);
    }

    /**
     * Returns the format whose header this row is, or null when the row is no header. A header below a stated
     * period is Google Ads', which is the only format here with a preamble.
     */
    private static String formatOfHeader(CsvRows.Row row, boolean afterPeriod) {
        List<String> names = new ArrayList<>();
        row.cells().forEach(cell -> names.add(Vocabulary.normalize(cell)));
        if (names.contains(KAG_MARKER)) {
            return META_ADS;
        }
        HeaderMap header = HeaderMap.resolve(row.cells(), Vocabulary.GENERIC);
        if (header.matched() < 2) {
            return null;
        }
        if (names.stream().anyMatch(name -> META_MARKERS.contains(name) || name.startsWith("amount spent"))) {
            return META_ADS;
        }
        if (afterPeriod || names.stream().anyMatch(GOOGLE_MARKERS::contains)) {
            return GOOGLE_ADS;
        }
        return header.has(Column.COST) ? GENERIC_CSV : null;
    }

    private static boolean isKag(DecodedText text) {
        CsvRows rows = CsvRows.open(text.text());
        CsvRows.Row row = rows.next();
        for (int i = 0; row != null && i < TableReader.HEADER_SEARCH_ROWS; i++, row = rows.next()) {
            if (row.cells().stream().map(Vocabulary::normalize).anyMatch(KAG_MARKER::equals)) {
                return true;
            }
        }
        return false;
    }

    private static List<Column[]> kagRequired() {
        Column[] columns = {Column.AD_ID, Column.CAMPAIGN_ID, Column.IMPRESSIONS, Column.CLICKS, Column.COST,
            Column.LEADS, Column.CONVERSIONS};
        List<Column[]> required = new ArrayList<>();
        for (Column column : columns) {
            required.add(new Column[] {column});
        }
        return List.copyOf(required);
    }
}
