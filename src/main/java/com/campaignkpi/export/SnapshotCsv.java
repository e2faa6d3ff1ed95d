package com.campaignkpi.export;

import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.snapshot.Snapshot;
import com.campaignkpi.snapshot.SnapshotGroup;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a snapshot as CSV for BI tools, one row per KPI and group ("long" layout). New KPIs add rows, never
 * columns, so a report built on these columns keeps working. The whole range comes first with an empty
 * {@code group}, then each group in the snapshot's order.
 */
public final class SnapshotCsv {

    /** The columns, in order; their names and meaning never change. */
    public static final List<String> COLUMNS = List.of("property", "from", "to", "time_zone", "group_by", "group",
            "kpi", "value", "unit", "currency", "numerator", "denominator", "reason");

    private SnapshotCsv() {
    }

    public static String write(Snapshot snapshot) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            rows(printer, snapshot, "", snapshot.kpis());
            if (snapshot.groups() != null) {
                for (SnapshotGroup group : snapshot.groups()) {
                    rows(printer, snapshot, group.key(), group.kpis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write CSV to memory", e);
        }
        return out.toString();
    }

    private static void rows(CSVPrinter printer, Snapshot snapshot, String group, Map<String, KpiValue> kpis)
            throws IOException {
        for (Map.Entry<String, KpiValue> kpi : kpis.entrySet()) {
            KpiValue value = kpi.getValue();
            printer.printRecord(snapshot.property(), snapshot.from(), snapshot.to(), snapshot.timeZone(),
                    snapshot.groupBy() == null ? "" : snapshot.groupBy(), text(group), kpi.getKey(), plain(value.value()),
                    value.unit() == null ? "" : value.unit().id(), value.currency() == null ? "" : value.currency(),
                    plain(value.numerator()), plain(value.denominator()),
                    value.reason() == null ? "" : value.reason());
        }
    }

    /**
     * Returns a group key as a cell that a spreadsheet shows as text. Keys come from senders (sources, campaigns,
     * pages), and a cell starting with =, +, -, @, a tab or a carriage return would run as a formula in Excel or
     * Google Sheets, so such a key gets a leading apostrophe, which those tools hide (OWASP's advice on CSV
     * injection).
     */
    static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Writes a decimal without exponent, as spreadsheets and BI tools read it; empty for none. */
    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
