package com.campaignkpi.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks {@link AlertEvaluator} runs on a day's KPIs, with the stable id a dashboard or webhook receiver keys on,
 * an English description and a Persian one for the dashboard.
 */
public enum AlertRule {
    CLV_BELOW_CAC("clv_below_cac", "Customer lifetime value is below the customer acquisition cost.",
            "ارزش طول عمر مشتری کمتر از هزینه جذب اوست."),
    ROAS_BELOW_1("roas_below_1", "Return on ad spend is below the threshold: the ads cost more than the revenue "
            + "they brought.", "بازگشت هزینه تبلیغ کمتر از آستانه است: تبلیغ بیش از فروشی که آورد خرج داشت."),
    SPEND_WITHOUT_CONVERSIONS("spend_without_conversions", "A campaign spent money without a single conversion.",
            "کمپین هزینه کرد ولی هیچ تبدیلی نداشت."),
    CTR_DROP("ctr_drop", "Click-through rate fell sharply against the previous period.",
            "نرخ کلیک نسبت به دوره قبل به‌شدت افت کرد."),
    ENGAGEMENT_RATE_DROP("engagement_rate_drop", "Engagement rate fell sharply against the previous period.",
            "نرخ تعامل نسبت به دوره قبل به‌شدت افت کرد."),
    CONVERSION_RATE_DROP("conversion_rate_drop", "Session conversion rate fell sharply against the previous "
            + "period.", "نرخ تبدیل نشست نسبت به دوره قبل به‌شدت افت کرد."),
    BOUNCE_RATE_SPIKE("bounce_rate_spike", "Bounce rate rose sharply against the previous period.",
            "نرخ پرش نسبت به دوره قبل به‌شدت بالا رفت."),
    TRACKING_GAP("tracking_gap", "No tracking event arrived for hours although the property usually has traffic.",
            "چند ساعت است هیچ رویدادی نرسیده، در حالی که این سایت معمولاً بازدید دارد.");

    private final String id;
    private final String description;
    private final String nameFa;

    AlertRule(String id, String description, String nameFa) {
        this.id = id;
        this.description = description;
        this.nameFa = nameFa;
    }

    /** Returns the stable id, such as {@code ctr_drop}: the JSON value and part of the stored key. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Returns the English one-line description. */
    public String description() {
        return description;
    }

    /** Returns the Persian one-line description shown on the dashboard. */
    public String nameFa() {
        return nameFa;
    }

    /** Returns the rule with this id, or empty for an unknown id. */
    public static Optional<AlertRule> fromId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }

    /** Returns the rule with this id for Jackson, raising {@link IllegalArgumentException} for an unknown id. */
    @JsonCreator
    public static AlertRule fromJson(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException("Unknown alert rule '" + id + "'; known: "
                + ids()));
    }

    /** Returns every rule id, comma-separated, in declaration order, for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(AlertRule::id).collect(Collectors.joining(", "));
    }
}
