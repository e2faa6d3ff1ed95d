package com.campaignkpi.spend;

/**
 * A value this library reads from a report column, whatever the platform calls the column. Columns with an
 * {@code extraKey} go to {@link SpendRow#extra()} under that key.
 */
enum Column {
    DATE(Kind.DATE),
    RANGE_START(Kind.DATE),
    RANGE_END(Kind.DATE),
    ACCOUNT(Kind.TEXT),
    ACCOUNT_ID(Kind.TEXT, "account_id"),
    CAMPAIGN_ID(Kind.TEXT),
    CAMPAIGN_NAME(Kind.TEXT),
    CAMPAIGN_TYPE(Kind.TEXT, "campaign_type"),
    AD_GROUP(Kind.TEXT),
    AD_GROUP_ID(Kind.TEXT, "ad_group_id"),
    AD(Kind.TEXT),
    AD_ID(Kind.TEXT, "ad_id"),
    SEARCH_TERM(Kind.TEXT),
    KEYWORD(Kind.TEXT),
    MATCH_TYPE(Kind.TEXT, "match_type"),
    AGE(Kind.TEXT, "age"),
    GENDER(Kind.TEXT, "gender"),
    INTEREST(Kind.TEXT, "interest"),
    RESULT_INDICATOR(Kind.TEXT, "result_indicator"),
    IMPRESSIONS(Kind.COUNT),
    REACH(Kind.COUNT),
    CLICKS(Kind.COUNT),
    INTERACTIONS(Kind.COUNT),
    COST(Kind.MONEY),
    CURRENCY(Kind.CURRENCY),
    /** Google Ads manager accounts: the cost in the manager's currency, beside the account's own. */
    COST_CONVERTED(Kind.MONEY, "cost_converted"),
    CONVERTED_CURRENCY(Kind.CURRENCY, "converted_currency"),
    CONVERSIONS(Kind.DECIMAL),
    /** Meta's "Results": the count of whatever each campaign optimises for, read as conversions as a fallback. */
    RESULTS(Kind.DECIMAL),
    CONVERSION_VALUE(Kind.MONEY),
    LEADS(Kind.DECIMAL),
    SEARCH_IMPRESSION_SHARE(Kind.PERCENT, "search_impression_share");

    /** Parsing rule for a cell of the column. */
    enum Kind {
        TEXT, DATE, COUNT, DECIMAL, MONEY, CURRENCY, PERCENT
    }

    private final Kind kind;
    private final String extraKey;

    Column(Kind kind) {
        this(kind, null);
    }

    Column(Kind kind, String extraKey) {
        this.kind = kind;
        this.extraKey = extraKey;
    }

    Kind kind() {
        return kind;
    }

    /** Key in {@link SpendRow#extra()}, or null for a column with a field of its own. */
    String extraKey() {
        return extraKey;
    }
}
