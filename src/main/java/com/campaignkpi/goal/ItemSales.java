package com.campaignkpi.goal;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.kpi.KpiUnit;
import com.campaignkpi.kpi.KpiValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sales of one product or item, from the {@code items} of purchase events: what a goal such as "sales of
 * product X up 20 %" measures. An item matches when its {@code item_id} or {@code item_name} equals the goal's
 * scope, ignoring case.
 */
final class ItemSales {

    /** Sum of price × quantity of the matching items, in the purchases' currency. */
    static final String ITEM_REVENUE = "item_revenue";
    /** Sum of the quantities of the matching items. */
    static final String ITEMS_PURCHASED = "items_purchased";
    /** Purchase events that contain a matching item. */
    static final String ITEM_PURCHASES = "item_purchases";

    static final List<String> KPIS = List.of(ITEM_REVENUE, ITEMS_PURCHASED, ITEM_PURCHASES);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ItemSales() {
    }

    /** Returns the three item KPIs over {@code purchases}, which must already be limited to the range. */
    static Map<String, KpiValue> of(List<TrackedEvent> purchases, String item) {
        String itemKey = item.toLowerCase(Locale.ROOT);
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        long orders = 0;
        TreeSet<String> currencies = new TreeSet<>();
        boolean unpriced = false;

        for (TrackedEvent event : purchases) {
            boolean matched = false;
            for (JsonNode line : items(event)) {
                if (!matches(line, itemKey)) {
                    continue;
                }
                matched = true;
                BigDecimal count = decimal(line.get("quantity"), BigDecimal.ONE);
                BigDecimal price = decimal(line.get("price"), null);
                quantity = quantity.add(count);
                if (price == null || event.currency() == null) {
                    unpriced = true;
                } else {
                    revenue = revenue.add(price.multiply(count));
                    currencies.add(event.currency());
                }
            }
            orders += matched ? 1 : 0;
        }

        KpiValue revenueValue;
        if (currencies.size() > 1) {
            revenueValue = new KpiValue(null, null, null, KpiUnit.CURRENCY, null, "the item was sold in "
                    + currencies + ", which are not added up without an exchange rate", null);
        } else if (unpriced && currencies.isEmpty() && quantity.signum() > 0) {
            revenueValue = new KpiValue(null, null, null, KpiUnit.CURRENCY, null,
                    "the matching items carry no price or the purchases no currency", null);
        } else {
            revenueValue = new KpiValue(revenue, null, null, KpiUnit.CURRENCY,
                    currencies.isEmpty() ? null : currencies.first(), null, null);
        }
        return Map.of(
                ITEM_REVENUE, revenueValue,
                ITEMS_PURCHASED, new KpiValue(quantity, null, null, KpiUnit.COUNT, null, null, null),
                ITEM_PURCHASES, new KpiValue(BigDecimal.valueOf(orders), null, null, KpiUnit.COUNT, null, null,
                        null));
    }

    private static Iterable<JsonNode> items(TrackedEvent event) {
        if (event.itemsJson() == null) {
            return List.of();
        }
        try {
            JsonNode items = MAPPER.readTree(event.itemsJson());
            return items.isArray() ? items : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Stored items of event " + event.eventId() + " are not JSON", e);
        }
    }

    private static boolean matches(JsonNode line, String itemKey) {
        return itemKey.equals(text(line.get("item_id"))) || itemKey.equals(text(line.get("item_name")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal decimal(JsonNode node, BigDecimal fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
