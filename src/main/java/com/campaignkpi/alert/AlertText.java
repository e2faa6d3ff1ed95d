package com.campaignkpi.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formats of alert messages, in English and in Persian. The Persian forms use Persian digits, the Persian
 * decimal separator (٫), thousands separator (٬) and percent sign (٪), written out here because a native image
 * carries no locale data for Persian.
 */
final class AlertText {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AlertText() {
    }

    /** Formats a fraction as a percentage with at most 2 decimals: 0.013 is {@code 1.3%}. */
    static String percent(BigDecimal fraction) {
        return points(fraction) + "%";
    }

    /** Formats a fraction as percentage points with at most 2 decimals: 0.12 is {@code 12}. */
    static String points(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Formats a ratio such as ROAS with 2 decimals: {@code 0.85}. */
    static String ratio(BigDecimal ratio) {
        return ratio.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Formats a threshold or count without trailing zeros: 1.0 is {@code 1}. */
    static String number(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** Formats a number with at most 1 decimal: 7.25 hours is {@code 7.3}. */
    static String oneDecimal(BigDecimal number) {
        return number.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Formats an amount with thousands separators and 2 decimals, then the currency code: {@code 1,250.00 USD}. */
    static String money(BigDecimal amount, String currency) {
        return moneyAmount(amount) + " " + currency;
    }

    /** Formats an amount as {@link #money} does, in Persian digits. */
    static String moneyFa(BigDecimal amount, String currency) {
        return fa(moneyAmount(amount)) + " " + currency;
    }

    /**
     * Rewrites a number formatted by this class in Persian digits and separators. Apply it to numbers only: it
     * would also rewrite digits in a campaign name.
     */
    static String fa(String number) {
        StringBuilder persian = new StringBuilder(number.length());
        for (char c : number.toCharArray()) {
            if (c >= '0' && c <= '9') {
                persian.append((char) ('۰' + (c - '0')));
            } else if (c == '.') {
                persian.append('٫');
            } else if (c == ',') {
                persian.append('٬');
            } else if (c == '%') {
                persian.append('٪');
            } else {
                persian.append(c);
            }
        }
        return persian.toString();
    }

    private static String moneyAmount(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
