package com.campaignkpi.spend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row of an ad platform's spend report: the delivery and cost of one campaign, ad group, ad or search term
 * over a day or a period. A number the file leaves empty (or writes as "--") is null, never 0.
 *
 * <p>A row covers either one day ({@code date}) or a period ({@code rangeStart} to {@code rangeEnd}, inclusive).
 * All three are null when the file states no dates, as in a Google Ads "All time" report or Kaggle's KAG data.
 *
 * @param date the day the row covers, or null for a row over several days
 * @param rangeStart first day of the period the row totals, inclusive, or null when {@code date} is set
 * @param rangeEnd last day of that period, inclusive, or null exactly when {@code rangeStart} is null
 * @param platform the platform that served the ads
 * @param account account name, or the account id when the file has no name
 * @param campaignId the platform's campaign id
 * @param campaignName campaign name
 * @param adGroup ad group (Google Ads) or ad set (Meta) name, or its id when the file has no name
 * @param ad ad name, or the ad id when the file has no name
 * @param keyword search term the user typed, or the keyword when the file has no search term column
 * @param impressions times an ad was shown
 * @param reach people who saw an ad at least once (Meta)
 * @param clicks clicks, or for Meta the link clicks where the file has them
 * @param interactions Google Ads interactions: clicks plus video views and other engagements
 * @param cost spend in {@code currency}, as written in the file without rounding
 * @param currency ISO 4217 code of {@code cost} and {@code conversionValue}, or null when the file does not state it
 * @param conversions conversions (fractional under data-driven attribution), or purchases for Meta
 * @param conversionValue value of the conversions, in {@code currency}
 * @param leads leads or enquiries a file reports apart from conversions (KAG's Total_Conversion, Meta's Leads)
 * @param extra further values that have no field of their own, under snake_case keys such as
 *     {@code campaign_type}, {@code match_type}, {@code cost_converted}, {@code converted_currency},
 *     {@code search_impression_share}, {@code account_id}, {@code ad_id}, {@code age}, {@code gender}
 */
public record SpendRow(
        LocalDate date,
        LocalDate rangeStart,
        LocalDate rangeEnd,
        AdPlatform platform,
        String account,
        String campaignId,
        String campaignName,
        String adGroup,
        String ad,
        String keyword,
        Long impressions,
        Long reach,
        Long clicks,
        Long interactions,
        BigDecimal cost,
        String currency,
        BigDecimal conversions,
        BigDecimal conversionValue,
        BigDecimal leads,
        Map<String, String> extra) {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public SpendRow {
        if (platform == null) {
            throw new IllegalArgumentException("platform is required");
        }
        if ((rangeStart == null) != (rangeEnd == null)) {
            throw new IllegalArgumentException("a range needs both rangeStart and rangeEnd");
        }
        if (rangeStart != null && (date != null || rangeStart.isAfter(rangeEnd))) {
            throw new IllegalArgumentException("invalid range " + rangeStart + ".." + rangeEnd + " with date " + date);
        }
        if (currency != null && !CURRENCY_CODE.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD: " + currency);
        }
        requireNotNegative("impressions", impressions);
        requireNotNegative("reach", reach);
        requireNotNegative("clicks", clicks);
        requireNotNegative("interactions", interactions);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    private static void requireNotNegative(String name, Long count) {
        if (count != null && count < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + count);
        }
    }

    /** Returns a builder with every value null and the given platform. */
    public static Builder builder(AdPlatform platform) {
        return new Builder().platform(platform);
    }

    /** Returns a builder holding this row's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.date = date;
        builder.rangeStart = rangeStart;
        builder.rangeEnd = rangeEnd;
        builder.platform = platform;
        builder.account = account;
        builder.campaignId = campaignId;
        builder.campaignName = campaignName;
        builder.adGroup = adGroup;
        builder.ad = ad;
        builder.keyword = keyword;
        builder.impressions = impressions;
        builder.reach = reach;
        builder.clicks = clicks;
        builder.interactions = interactions;
        builder.cost = cost;
        builder.currency = currency;
        builder.conversions = conversions;
        builder.conversionValue = conversionValue;
        builder.leads = leads;
        builder.extra.putAll(extra);
        return builder;
    }

    /** Collects the values of a {@link SpendRow}, which {@link #build()} validates. */
    public static final class Builder {
        private LocalDate date;
        private LocalDate rangeStart;
        private LocalDate rangeEnd;
        private AdPlatform platform;
        private String account;
        private String campaignId;
        private String campaignName;
        private String adGroup;
        private String ad;
        private String keyword;
        private Long impressions;
        private Long reach;
        private Long clicks;
        private Long interactions;
        private BigDecimal cost;
        private String currency;
        private BigDecimal conversions;
        private BigDecimal conversionValue;
        private BigDecimal leads;
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder date(LocalDate value) {
            date = value;
            return this;
        }

        /** Sets the period the row totals, inclusive on both ends. */
        public Builder range(LocalDate start, LocalDate end) {
            rangeStart = start;
            rangeEnd = end;
            return this;
        }

        public Builder platform(AdPlatform value) {
            platform = value;
            return this;
        }

        public Builder account(String value) {
            account = value;
            return this;
        }

        public Builder campaignId(String value) {
            campaignId = value;
            return this;
        }

        public Builder campaignName(String value) {
            campaignName = value;
            return this;
        }

        public Builder adGroup(String value) {
            adGroup = value;
            return this;
        }

        public Builder ad(String value) {
            ad = value;
            return this;
        }

        public Builder keyword(String value) {
            keyword = value;
            return this;
        }

        public Builder impressions(Long value) {
            impressions = value;
            return this;
        }

        public Builder reach(Long value) {
            reach = value;
            return this;
        }

        public Builder clicks(Long value) {
            clicks = value;
            return this;
        }

        public Builder interactions(Long value) {
            interactions = value;
            return this;
        }

        public Builder cost(BigDecimal value) {
            cost = value;
            return this;
        }

        public Builder currency(String value) {
            currency = value;
            return this;
        }

        public Builder conversions(BigDecimal value) {
            conversions = value;
            return this;
        }

        public Builder conversionValue(BigDecimal value) {
            conversionValue = value;
            return this;
        }

        public Builder leads(BigDecimal value) {
            leads = value;
            return this;
        }

        /** Adds an extra value. A null value adds nothing. */
        public Builder extra(String key, String value) {
            if (value != null) {
                extra.put(key, value);
            }
            return this;
        }

        public SpendRow build() {
            return new SpendRow(date, rangeStart, rangeEnd, platform, account, campaignId, campaignName, adGroup, ad,
                    keyword, impressions, reach, clicks, interactions, cost, currency, conversions, conversionValue,
                    leads, extra);
        }
    }
}
