package com.campaignkpi.visitor;

import java.math.BigDecimal;

/**
 * One purchase of a customer, as kept for lifetime value.
 *
 * @param transactionKey  the transaction id, or the event id when the sender gave none
 * @param timestampMicros purchase time, microseconds since the Unix epoch
 * @param value           revenue in {@code currency}
 */
public record Purchase(String transactionKey, long timestampMicros, BigDecimal value, String currency) {

    /** Encoding in a DynamoDB string set: the same purchase always encodes to the same string. */
    String encode() {
        return timestampMicros + "|" + value.toPlainString() + "|" + currency + "|" + transactionKey;
    }

    static Purchase decode(String text) {
        String[] parts = text.split("\\|", 4);
        return new Purchase(parts[3], Long.parseLong(parts[0]), new BigDecimal(parts[1]), parts[2]);
    }
}
