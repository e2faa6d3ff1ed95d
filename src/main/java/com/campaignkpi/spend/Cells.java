package com.campaignkpi.spend;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses report cells as the platforms write them: "--" or " --" for no value, commas as thousands separators
 * ("1,356,884", also inside quotes), percentages ("6.46%"), Google's impression share buckets ("< 10%",
 * "> 90%") and amounts with a currency symbol or code ("€1,622.60", "USD 12.00").
 *
 * <p>Decimal commas ("1.234,56") and spaces as separators are rejected rather than guessed, because "1,234"
 * would mean one thousand in one locale and one point two in another.
 */
final class Cells {

    private static final Pattern COUNT = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(-?[\\d.,]+)\\s*%");
    private static final Pattern BUCKET = Pattern.compile("([<>])\\s*([\\d.]+)\\s*%");
    /** Sign, currency prefix, number, currency suffix: "€1,622.60", "-$5.00", "12.00 USD". */
    private static final Pattern MONEY = Pattern.compile("(-?)\\s*([^\\d\\s.,-]*)\\s*(-?[\\d.,]+)\\s*([^\\d\\s.,]*)");
    private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");
    /** Symbols that name one currency only. "$", "¥" and "kr" name several and are not listed. */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("₹", "INR"), Map.entry("₩", "KRW"),
            Map.entry("₺", "TRY"), Map.entry("₪", "ILS"), Map.entry("₱", "PHP"), Map.entry("฿", "THB"),
            Map.entry("₴", "UAH"), Map.entry("₫", "VND"), Map.entry("₦", "NGN"), Map.entry("R$", "BRL"),
            Map.entry("US$", "USD"), Map.entry("A$", "AUD"), Map.entry("C$", "CAD"), Map.entry("zł", "PLN"));
    private static final String COUNT_EXAMPLE = "a whole number such as 1356884 or \"1,356,884\"";
    private static final String DECIMAL_EXAMPLE = "a number such as 18703.32 or \"18,703.32\"";
    private static final String MONEY_EXAMPLE = "an amount such as 1622.60, \"1,622.60\" or \"€1,622.60\"";

    /** An amount of money and the currency its symbol or code names, or a null currency when it names none. */
    record Money(BigDecimal amount, String currency, String ambiguousSymbol) {
    }

    /** A percentage as a fraction (6.46% is 0.0646), or a bucket such as "< 10%" with a null fraction. */
    record Percent(BigDecimal fraction, String bucket) {
    }

    private Cells() {
    }

    /** Returns the trimmed text, or null for an empty cell and for "--". */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        return text.isEmpty() || text.equals("--") ? null : text;
    }

    static Long count(String raw, long line, String column) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        if (!COUNT.matcher(text).matches()) {
            throw SpendFormatException.invalidValue(line, column, raw, COUNT_EXAMPLE);
        }
        try {
            return Long.parseLong(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw SpendFormatException.invalidValue(line, column, raw, COUNT_EXAMPLE + " below 2^63");
        }
    }

    static BigDecimal decimal(String raw, long line, String column) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw SpendFormatException.invalidValue(line, column, raw, DECIMAL_EXAMPLE);
        }
        return new BigDecimal(text.replace(",", ""));
    }

    static Money money(String raw, long line, String column) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        Matcher matcher = MONEY.matcher(text);
        boolean twoSigns = matcher.matches() && !matcher.group(1).isEmpty() && matcher.group(3).startsWith("-");
        if (!matcher.matches() || twoSigns || (!matcher.group(2).isEmpty() && !matcher.group(4).isEmpty())) {
            throw SpendFormatException.invalidValue(line, column, raw, MONEY_EXAMPLE);
        }
        BigDecimal amount = decimal(matcher.group(3), line, column);
        if (!matcher.group(1).isEmpty()) {
            amount = amount.negate();
        }
        String symbol = matcher.group(2).isEmpty() ? matcher.group(4) : matcher.group(2);
        if (symbol.isEmpty()) {
            return new Money(amount, null, null);
        }
        if (ISO_CODE.matcher(symbol).matches()) {
            return new Money(amount, symbol, null);
        }
        String code = SYMBOLS.get(symbol);
        if (code != null) {
            return new Money(amount, code, null);
        }
        if (symbol.equals("$") || symbol.equals("¥") || symbol.equals("kr")) {
            return new Money(amount, null, symbol);
        }
        throw SpendFormatException.invalidValue(line, column, raw, MONEY_EXAMPLE + " with a known currency symbol");
    }

    static Percent percent(String raw, long line, String column) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        if (BUCKET.matcher(text).matches()) {
            return new Percent(null, text);
        }
        Matcher matcher = PERCENT.matcher(text);
        if (!matcher.matches()) {
            throw SpendFormatException.invalidValue(line, column, raw,
                    "a percentage such as 6.46% or a bucket such as < 10%");
        }
        BigDecimal value = decimal(matcher.group(1), line, column);
        return new Percent(value.movePointLeft(2), null);
    }

    /** Returns an ISO 4217 code as written. Lower case and other forms are rejected. */
    static String currency(String raw, long line, String column) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        if (!ISO_CODE.matcher(text).matches()) {
            throw SpendFormatException.invalidValue(line, column, raw, "an ISO 4217 currency code such as USD");
        }
        return text;
    }
}
