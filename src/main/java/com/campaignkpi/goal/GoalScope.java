package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The part of a property a goal measures.
 *
 * @param kind  {@code property}, {@code campaign} (utm_campaign), {@code source_medium} ("google / cpc"),
 *              {@code product} or {@code item} (an item_id or item_name of purchased items)
 * @param value what the kind names; null for the whole property
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalScope(String kind, String value) {

    public static final String PROPERTY = "property";
    public static final String CAMPAIGN = "campaign";
    public static final String SOURCE_MEDIUM = "source_medium";
    public static final String PRODUCT = "product";
    public static final String ITEM = "item";

    public static final GoalScope WHOLE_PROPERTY = new GoalScope(PROPERTY, null);

    /** Returns whether the scope is a product or item, whose KPIs come from purchased items. */
    @JsonIgnore
    public boolean isItem() {
        return PRODUCT.equals(kind) || ITEM.equals(kind);
    }
}
