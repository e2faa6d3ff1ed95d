package com.campaignkpi.privacy;

import java.util.Map;

/**
 * Outcome of the {@code erase} function: the items it deleted.
 *
 * @param property     the property
 * @param scope        {@code property} for everything of the property, {@code visitors} for the given ids
 * @param deleted      items deleted per table, by the table's logical name (events, rejections, visitors, ...)
 * @param itemsScanned items read to find them, the erasure's read cost in items
 * @param note         what an erasure of visitors leaves, in one sentence
 */
public record EraseResult(String property, String scope, Map<String, Integer> deleted, long itemsScanned,
        String note) {
}
