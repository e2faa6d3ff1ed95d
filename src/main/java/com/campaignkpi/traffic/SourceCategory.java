package com.campaignkpi.traffic;

import java.util.Optional;

/**
 * Kind of site a traffic source is, as Google's GA4 source-category list classifies it. GA4's default channel
 * rules test these categories, for example "Source matches a list of search sites" for Paid Search and Organic
 * Search.
 */
public enum SourceCategory {
    SEARCH("SOURCE_CATEGORY_SEARCH"),
    SOCIAL("SOURCE_CATEGORY_SOCIAL"),
    SHOPPING("SOURCE_CATEGORY_SHOPPING"),
    VIDEO("SOURCE_CATEGORY_VIDEO");

    private final String csvValue;

    SourceCategory(String csvValue) {
        this.csvValue = csvValue;
    }

    /** Returns the value of the {@code source_category} column in Google's list, such as "SOURCE_CATEGORY_SEARCH". */
    public String csvValue() {
        return csvValue;
    }

    /** Returns the category whose {@link #csvValue()} equals {@code value}, or empty for any other value. */
    public static Optional<SourceCategory> fromCsvValue(String value) {
        for (SourceCategory category : values()) {
            if (category.csvValue.equals(value)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
