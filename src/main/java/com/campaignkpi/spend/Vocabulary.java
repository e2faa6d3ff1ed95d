package com.campaignkpi.spend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column names of one report format and the {@link Column} each maps to, compared ignoring case and repeated
 * spaces. When two headers of a file map to the same column, the alias listed first wins and the other header is
 * ignored, so Meta's "Link clicks" wins over "Clicks (all)".
 */
final class Vocabulary {

    /** A header such as "Amount spent (USD)": the name and an ISO 4217 code in brackets. */
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("^(.*\\S)\\s*\\(([a-z]{3})\\)$");

    private static final Alias[] GOOGLE_ADS_ALIASES = {
        alias("Day", Column.DATE), alias("Date", Column.DATE), alias("Account", Column.ACCOUNT),
        alias("Account name", Column.ACCOUNT), alias("Customer ID", Column.ACCOUNT_ID),
        alias("Account ID", Column.ACCOUNT_ID), alias("Campaign", Column.CAMPAIGN_NAME),
        alias("Campaign name", Column.CAMPAIGN_NAME), alias("Campaign ID", Column.CAMPAIGN_ID),
        alias("Campaign type", Column.CAMPAIGN_TYPE), alias("Ad group", Column.AD_GROUP),
        alias("Ad group name", Column.AD_GROUP), alias("Ad group ID", Column.AD_GROUP_ID),
        alias("Ad name", Column.AD), alias("Ad", Column.AD), alias("Ad ID", Column.AD_ID),
        alias("Search term", Column.SEARCH_TERM), alias("Keyword", Column.KEYWORD),
        alias("Search keyword", Column.KEYWORD), alias("Match type", Column.MATCH_TYPE),
        alias("Search term match type", Column.MATCH_TYPE), alias("Impr.", Column.IMPRESSIONS),
        alias("Impressions", Column.IMPRESSIONS), alias("Clicks", Column.CLICKS),
        alias("Interactions", Column.INTERACTIONS), alias("Cost", Column.COST),
        alias("Currency code", Column.CURRENCY), alias("Currency", Column.CURRENCY),
        alias("Cost (Converted currency)", Column.COST_CONVERTED),
        alias("Converted currency code", Column.CONVERTED_CURRENCY), alias("Conversions", Column.CONVERSIONS),
        alias("Conv. value", Column.CONVERSION_VALUE), alias("Conversion value", Column.CONVERSION_VALUE),
        alias("Search impr. share", Column.SEARCH_IMPRESSION_SHARE),
    };

    /** English Ads Manager export headers. Other UI languages translate them and are not recognised. */
    private static final Alias[] META_ADS_MANAGER_ALIASES = {
        alias("Day", Column.DATE), alias("Reporting starts", Column.RANGE_START),
        alias("Reporting ends", Column.RANGE_END), alias("Account name", Column.ACCOUNT),
        alias("Account ID", Column.ACCOUNT_ID), alias("Campaign name", Column.CAMPAIGN_NAME),
        alias("Campaign ID", Column.CAMPAIGN_ID), alias("Ad set name", Column.AD_GROUP),
        alias("Ad set ID", Column.AD_GROUP_ID), alias("Ad name", Column.AD), alias("Ad ID", Column.AD_ID),
        alias("Age", Column.AGE), alias("Gender", Column.GENDER), alias("Impressions", Column.IMPRESSIONS),
        alias("Reach", Column.REACH), alias("Link clicks", Column.CLICKS), alias("Clicks (all)", Column.CLICKS),
        alias("Clicks", Column.CLICKS), alias("Amount spent", Column.COST), alias("Currency", Column.CURRENCY),
        alias("Purchases", Column.CONVERSIONS), alias("Website purchases", Column.CONVERSIONS),
        alias("Results", Column.RESULTS), alias("Result indicator", Column.RESULT_INDICATOR),
        alias("Purchases conversion value", Column.CONVERSION_VALUE),
        alias("Website purchases conversion value", Column.CONVERSION_VALUE), alias("Leads", Column.LEADS),
    };

    /**
     * Kaggle's "Clicks Conversion Tracking" data set (KAG_conversion_data.csv) of anonymised Facebook ads. Each
     * xyz_campaign_id has many fb_campaign_id values, so fb_campaign_id is read as the ad set. Total_Conversion
     * counts enquiries (leads) and Approved_Conversion purchases (conversions).
     */
    private static final Alias[] KAG_ALIASES = {
        alias("ad_id", Column.AD_ID), alias("xyz_campaign_id", Column.CAMPAIGN_ID),
        alias("fb_campaign_id", Column.AD_GROUP_ID), alias("age", Column.AGE), alias("gender", Column.GENDER),
        alias("interest", Column.INTEREST), alias("Impressions", Column.IMPRESSIONS),
        alias("Clicks", Column.CLICKS), alias("Spent", Column.COST), alias("Total_Conversion", Column.LEADS),
        alias("Approved_Conversion", Column.CONVERSIONS),
    };

    private static final Alias[] GENERIC_ALIASES = {
        alias("Spend", Column.COST), alias("Spent", Column.COST),
    };

    static final Vocabulary GOOGLE_ADS = new Vocabulary(GOOGLE_ADS_ALIASES);
    static final Vocabulary META_ADS_MANAGER = new Vocabulary(META_ADS_MANAGER_ALIASES);
    static final Vocabulary KAG = new Vocabulary(KAG_ALIASES);
    /** Google Ads and Meta names together, for reports from other sources. */
    static final Vocabulary GENERIC = new Vocabulary(GOOGLE_ADS_ALIASES, META_ADS_MANAGER_ALIASES, GENERIC_ALIASES);

    /** A header name as the platform writes it, and the column it maps to. */
    private record Alias(String header, Column column) {
    }

    /** The column a header maps to. A lower priority wins over a higher one. */
    record Match(Column column, int priority, String headerCurrency) {
    }

    private final Map<String, Match> byName = new LinkedHashMap<>();
    private final Map<Column, List<String>> namesByColumn = new LinkedHashMap<>();

    private Vocabulary(Alias[]... aliasLists) {
        for (Alias[] aliases : aliasLists) {
            for (Alias alias : aliases) {
                Match match = new Match(alias.column(), byName.size(), null);
                if (byName.putIfAbsent(normalize(alias.header()), match) == null) {
                    namesByColumn.computeIfAbsent(alias.column(), key -> new ArrayList<>()).add(alias.header());
                }
            }
        }
    }

    private static Alias alias(String header, Column column) {
        return new Alias(header, column);
    }

    /** Returns the column the header maps to, or null for a header this vocabulary does not read. */
    Match match(String header) {
        String name = normalize(header);
        Match match = byName.get(name);
        if (match != null) {
            return match;
        }
        Matcher suffix = CURRENCY_SUFFIX.matcher(name);
        if (!suffix.matches()) {
            return null;
        }
        Match base = byName.get(suffix.group(1));
        boolean money = base != null && base.column().kind() == Column.Kind.MONEY;
        return money ? new Match(base.column(), base.priority(), suffix.group(2).toUpperCase(Locale.ROOT)) : null;
    }

    /** Returns the header names that map to the column, as the platform writes them. */
    List<String> names(Column column) {
        return namesByColumn.getOrDefault(column, List.of());
    }

    static String normalize(String header) {
        return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
