package com.campaignkpi.spend;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Reads the cells of one data or total row into a {@link SpendRow}, by the columns of its header. */
final class RowReader {

    private static final Column[] NAME_COLUMNS = {Column.ACCOUNT, Column.ACCOUNT_ID, Column.CAMPAIGN_NAME,
        Column.CAMPAIGN_ID, Column.AD_GROUP, Column.AD_GROUP_ID, Column.AD, Column.AD_ID, Column.SEARCH_TERM,
        Column.KEYWORD};

    private final AdPlatform platform;
    private final HeaderMap header;
    private final ReportPeriod period;
    private final Warnings warnings;

    RowReader(AdPlatform platform, HeaderMap header, ReportPeriod period, Warnings warnings) {
        this.platform = platform;
        this.header = header;
        this.period = period;
        this.warnings = warnings;
    }

    SpendRow read(CsvRows.Row row) {
        SpendRow.Builder builder = SpendRow.builder(platform);
        readDates(row, builder);
        readNames(row, builder);
        readMetrics(row, builder);
        readCurrency(row, builder);
        readExtras(row, builder);
        return builder.build();
    }

    /** Returns true when the header has a column that names an account, campaign, ad group, ad or search term. */
    boolean readsNames() {
        for (Column column : NAME_COLUMNS) {
            if (header.has(column)) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when the row has a value in one of the columns that name an account, campaign or ad. */
    boolean hasNames(CsvRows.Row row) {
        for (Column column : NAME_COLUMNS) {
            if (text(row, column) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the row's day: the Day column, else the row's reporting period, else the preamble's period. A period of
     * one day becomes a day.
     */
    private void readDates(CsvRows.Row row, SpendRow.Builder builder) {
        LocalDate day = Dates.cell(raw(row, Column.DATE), row.line(), header.name(Column.DATE));
        if (day != null) {
            builder.date(day);
            return;
        }
        LocalDate start = Dates.cell(raw(row, Column.RANGE_START), row.line(), header.name(Column.RANGE_START));
        LocalDate end = Dates.cell(raw(row, Column.RANGE_END), row.line(), header.name(Column.RANGE_END));
        if (start == null && end == null && period != null) {
            start = period.start();
            end = period.end();
        }
        if (start == null && end == null) {
            return;
        }
        if (start == null || end == null) {
            Column missing = start == null ? Column.RANGE_START : Column.RANGE_END;
            String name = header.has(missing) ? header.name(missing)
                    : missing == Column.RANGE_START ? "Reporting starts" : "Reporting ends";
            throw SpendFormatException.invalidValue(row.line(), name, "",
                    "both the start and the end of the reporting period");
        }
        if (start.isAfter(end)) {
            throw SpendFormatException.invalidValue(row.line(), header.name(Column.RANGE_END),
                    raw(row, Column.RANGE_END), "a day on or after the start, " + start);
        }
        if (start.equals(end)) {
            builder.date(start);
        } else {
            builder.range(start, end);
        }
    }

    private void readNames(CsvRows.Row row, SpendRow.Builder builder) {
        builder.account(firstText(row, Column.ACCOUNT, Column.ACCOUNT_ID))
                .campaignId(text(row, Column.CAMPAIGN_ID))
                .campaignName(text(row, Column.CAMPAIGN_NAME))
                .adGroup(firstText(row, Column.AD_GROUP, Column.AD_GROUP_ID))
                .ad(firstText(row, Column.AD, Column.AD_ID))
                .keyword(firstText(row, Column.SEARCH_TERM, Column.KEYWORD));
        if (header.has(Column.SEARCH_TERM)) {
            builder.extra("keyword", text(row, Column.KEYWORD));
        }
    }

    private void readMetrics(CsvRows.Row row, SpendRow.Builder builder) {
        builder.impressions(count(row, Column.IMPRESSIONS))
                .reach(count(row, Column.REACH))
                .clicks(count(row, Column.CLICKS))
                .interactions(count(row, Column.INTERACTIONS))
                .leads(decimal(row, Column.LEADS));
        Column conversions = header.has(Column.CONVERSIONS) ? Column.CONVERSIONS : Column.RESULTS;
        builder.conversions(decimal(row, conversions));
    }

    /**
     * Sets cost, conversion value and their currency. The currency comes from the currency column, a header such
     * as "Amount spent (USD)" or a symbol in the cells. When these disagree, the row is rejected.
     */
    private void readCurrency(CsvRows.Row row, SpendRow.Builder builder) {
        Cells.Money cost = money(row, Column.COST);
        Cells.Money value = money(row, Column.CONVERSION_VALUE);
        builder.cost(cost == null ? null : cost.amount());
        builder.conversionValue(value == null ? null : value.amount());

        String currency = Cells.currency(raw(row, Column.CURRENCY), row.line(), header.name(Column.CURRENCY));
        currency = agree(row, currency, header.headerCurrency(Column.COST), Column.COST);
        currency = agree(row, currency, cost == null ? null : cost.currency(), Column.COST);
        currency = agree(row, currency, header.headerCurrency(Column.CONVERSION_VALUE), Column.CONVERSION_VALUE);
        currency = agree(row, currency, value == null ? null : value.currency(), Column.CONVERSION_VALUE);
        builder.currency(currency);

        String symbol = cost == null ? null : cost.ambiguousSymbol();
        if (currency == null && symbol != null) {
            warnings.count("symbol", row.line(), "Currency symbol '" + symbol + "' in column '"
                    + header.name(Column.COST) + "' stands for several currencies, so the currency is left empty");
        } else if (currency == null && cost != null) {
            warnings.count("no-currency", row.line(),
                    "The file states no currency, so cost has none. Take the currency from the ad account's settings");
        }
    }

    private String agree(CsvRows.Row row, String currency, String other, Column column) {
        if (other == null || other.equals(currency)) {
            return currency == null ? other : currency;
        }
        if (currency == null) {
            return other;
        }
        throw SpendFormatException.invalidValue(row.line(), header.name(column), raw(row, column),
                "an amount in " + currency + ", the currency stated for this row");
    }

    private void readExtras(CsvRows.Row row, SpendRow.Builder builder) {
        for (Column column : Column.values()) {
            if (column.extraKey() != null && header.has(column)) {
                builder.extra(column.extraKey(), extraValue(row, column));
            }
        }
    }

    private String extraValue(CsvRows.Row row, Column column) {
        switch (column.kind()) {
            case MONEY:
                Cells.Money money = money(row, column);
                return money == null ? null : money.amount().toPlainString();
            case CURRENCY:
                return Cells.currency(raw(row, column), row.line(), header.name(column));
            case PERCENT:
                return percent(row, column);
            case DECIMAL:
                BigDecimal decimal = decimal(row, column);
                return decimal == null ? null : decimal.toPlainString();
            default:
                return text(row, column);
        }
    }

    /** Returns the percentage as a fraction. A bucket such as "< 10%" is no value and adds a warning. */
    private String percent(CsvRows.Row row, Column column) {
        Cells.Percent percent = Cells.percent(raw(row, column), row.line(), header.name(column));
        if (percent == null) {
            return null;
        }
        if (percent.bucket() != null) {
            warnings.count("bucket:" + column, row.line(), "Column '" + header.name(column)
                    + "' holds buckets such as '< 10%' or '> 90%', read as no value");
            return null;
        }
        return percent.fraction().toPlainString();
    }

    private String raw(CsvRows.Row row, Column column) {
        int index = header.index(column);
        return index < 0 || index >= row.cells().size() ? null : row.cells().get(index);
    }

    private String text(CsvRows.Row row, Column column) {
        return Cells.text(raw(row, column));
    }

    private String firstText(CsvRows.Row row, Column preferred, Column fallback) {
        String text = text(row, preferred);
        return text != null ? text : text(row, fallback);
    }

    private Long count(CsvRows.Row row, Column column) {
        return Cells.count(raw(row, column), row.line(), header.name(column));
    }

    private BigDecimal decimal(CsvRows.Row row, Column column) {
        return Cells.decimal(raw(row, column), row.line(), header.name(column));
    }

    private Cells.Money money(CsvRows.Row row, Column column) {
        return Cells.money(raw(row, column), row.line(), header.name(column));
    }
}
