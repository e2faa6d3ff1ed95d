package com.campaignkpi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.kpi.KpiUnit;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.kpi.MoneyTotals;
import com.campaignkpi.kpi.PaidKpis;
import com.campaignkpi.kpi.PaidTotals;
import com.campaignkpi.spend.PaidGroup;
import com.campaignkpi.spend.PaidReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final String PROPERTY = "G-ALERTS";
    private static final String DAY = "2024-05-01";
    private static final Instant RAISED_AT = Instant.parse("2024-05-02T03:15:00Z");
    private static final String RAISED = "2024-05-02T03:15:00Z";
    private static final AlertSettings DEFAULTS = AlertSettings.defaults();

    // Behaviour KPIs. 500 sessions before, 400 now: engagement 50 % to 40 % (a 20 % drop), conversion 5 % to 3 %
    // (40 %), bounce 40 % to 50 % (10 points).

    private static Map<String, KpiValue> previousBehaviour() {
        return behaviour(500, "0.500000", 250, "0.050000", 25, "0.400000", 200);
    }

    private static Map<String, KpiValue> currentBehaviour() {
        return behaviour(400, "0.400000", 160, "0.030000", 12, "0.500000", 200);
    }

    private static Map<String, KpiValue> behaviour(long sessions, String engagement, long engaged, String conversion,
            long converted, String bounce, long bounced) {
        Map<String, KpiValue> kpis = new LinkedHashMap<>();
        kpis.put("sessions", count(sessions));
        kpis.put("engagement_rate", rate(engagement, engaged, sessions));
        kpis.put("bounce_rate", rate(bounce, bounced, sessions));
        kpis.put("session_conversion_rate", rate(conversion, converted, sessions));
        return kpis;
    }

    private static KpiValue count(long value) {
        return new KpiValue(BigDecimal.valueOf(value), null, null, KpiUnit.COUNT, null, null, null);
    }

    private static KpiValue rate(String value, long numerator, long denominator) {
        return new KpiValue(new BigDecimal(value), BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
                KpiUnit.RATIO, null, null, null);
    }

    private static KpiValue noValue(String reason) {
        return new KpiValue(null, BigDecimal.ZERO, BigDecimal.ZERO, KpiUnit.RATIO, null, reason, null);
    }

    // Paid media, through the real PaidKpis so that the KPI ids and values are those of a snapshot.

    /** Spend in one currency: cost, tracked revenue and the CLV of {@code newCustomers} buyers. */
    private static Map<String, KpiValue> paid(long impressions, long clicks, String currency, String cost,
            String revenue, long trackedConversions, String platformConversions, long newCustomers, String clv) {
        return PaidKpis.compute(new PaidTotals(impressions, clicks, null, Map.of(currency, new BigDecimal(cost)),
                Map.of(currency, BigDecimal.valueOf(impressions)), Map.of(currency, BigDecimal.valueOf(clicks)),
                platformConversions == null ? Map.of() : Map.of(currency, new BigDecimal(platformConversions)),
                Map.of(), trackedConversions,
                revenue == null ? Map.of() : Map.of(currency, new BigDecimal(revenue)), newCustomers,
                clv == null ? MoneyTotals.NONE : MoneyTotals.of(currency, clv, newCustomers)));
    }

    private static Map<String, KpiValue> paidWithoutConversions(String cost) {
        return paid(1000, 20, "USD", cost, null, 0, null, 0, null);
    }

    private static Map<String, KpiValue> ctrOnly(long impressions, long clicks) {
        return paid(impressions, clicks, "USD", "100", "500", 5, null, 0, null);
    }

    private static PaidReport report(Map<String, KpiValue> overall, PaidGroup... campaigns) {
        return new PaidReport(overall, List.of(), List.of(), List.of(campaigns), List.of(), Map.of(), 0, null,
                null);
    }

    private static PaidGroup campaign(String name, Map<String, KpiValue> kpis) {
        return new PaidGroup("GOOGLE_ADS", name, 3, kpis);
    }

    private static AlertInput behaviourInput(Map<String, KpiValue> current, Map<String, KpiValue> previous) {
        return new AlertInput(PROPERTY, DAY, current, previous, null, null, null);
    }

    private static AlertInput paidInput(PaidReport paid) {
        return new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), paid, null, null);
    }

    private static AlertInput trackingInput(String lastEventAt, String baseline, String now) {
        return new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), null, null, new TrackingActivity(
                lastEventAt == null ? null : Instant.parse(lastEventAt), new BigDecimal(baseline), Instant.parse(now)));
    }

    private static List<Alert> evaluate(AlertInput input, AlertSettings settings) {
        return AlertEvaluator.evaluate(input, settings, RAISED_AT);
    }

    private static List<Alert> ofRule(List<Alert> alerts, AlertRule rule) {
        return alerts.stream().filter(alert -> alert.rule() == rule).toList();
    }

    private static AlertSettings with(String key, String threshold) {
        return AlertSettings.of(Map.of(key, new BigDecimal(threshold)), Set.of(), null);
    }

    private static Map<String, String> details(String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put(pairs[i], pairs[i + 1]);
        }
        return details;
    }

    // Behaviour rules.

    @Test
    void behaviourDropsFireAtTheirThresholds() {
        List<Alert> alerts = evaluate(behaviourInput(currentBehaviour(), previousBehaviour()), DEFAULTS);

        assertEquals(List.of(
                new Alert(PROPERTY, AlertRule.ENGAGEMENT_RATE_DROP, "property", DAY, RAISED, new BigDecimal("0.200000"),
                        new BigDecimal("0.20"),
                        "Engagement rate fell by 20% against the previous period, from 50% to 40% (threshold: a 20% "
                                + "drop).",
                        "نرخ تعامل نسبت به دوره قبل ۲۰٪ افت کرد، از ۵۰٪ به ۴۰٪ (آستانه: افت ۲۰٪).",
                        details("currentSessions", "400", "previousSessions", "500", "current", "0.400000",
                                "previous", "0.500000")),
                new Alert(PROPERTY, AlertRule.CONVERSION_RATE_DROP, "property", DAY, RAISED,
                        new BigDecimal("0.400000"), new BigDecimal("0.30"),
                        "Session conversion rate fell by 40% against the previous period, from 5% to 3% (threshold: "
                                + "a 30% drop).",
                        "نرخ تبدیل نشست نسبت به دوره قبل ۴۰٪ افت کرد، از ۵٪ به ۳٪ (آستانه: افت ۳۰٪).",
                        details("currentSessions", "400", "previousSessions", "500", "current", "0.030000",
                                "previous", "0.050000")),
                new Alert(PROPERTY, AlertRule.BOUNCE_RATE_SPIKE, "property", DAY, RAISED, new BigDecimal("0.100000"),
                        new BigDecimal("0.10"),
                        "Bounce rate rose by 10 percentage points against the previous period, from 40% to 50% "
                                + "(threshold: 10 points).",
                        "نرخ پرش نسبت به دوره قبل ۱۰ واحد درصد بالا رفت، از ۴۰٪ به ۵۰٪ (آستانه: ۱۰ واحد درصد).",
                        details("currentSessions", "400", "previousSessions", "500", "current", "0.500000",
                                "previous", "0.400000"))),
                alerts);
    }

    @Test
    void behaviourJustInsideThresholdsIsQuiet() {
        Map<String, KpiValue> current = behaviour(400, "0.400001", 160, "0.035001", 14, "0.499999", 200);
        Map<String, KpiValue> previous = behaviour(500, "0.500000", 250, "0.050000", 25, "0.400000", 200);

        assertEquals(List.of(), evaluate(behaviourInput(current, previous), DEFAULTS));
    }

    @Test
    void conversionDropAtExactThreshold() {
        Map<String, KpiValue> current = behaviour(400, "0.500000", 200, "0.035000", 14, "0.400000", 160);

        List<Alert> alerts = evaluate(behaviourInput(current, previousBehaviour()), DEFAULTS);

        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(AlertRule.CONVERSION_RATE_DROP, alerts.get(0).rule());
        assertEquals(new BigDecimal("0.300000"), alerts.get(0).value());
    }

    @Test
    void fewSessionsNeverFire() {
        // Each of the three rates moved far past its threshold, on 99 sessions in one of the periods.
        Map<String, KpiValue> smallCurrent = behaviour(99, "0.100000", 10, "0.000000", 0, "0.900000", 89);
        Map<String, KpiValue> smallPrevious = behaviour(99, "0.900000", 89, "0.101010", 10, "0.101010", 10);

        assertEquals(List.of(), evaluate(behaviourInput(smallCurrent, previousBehaviour()), DEFAULTS));
        assertEquals(List.of(), evaluate(behaviourInput(previousBehaviour(), smallPrevious), DEFAULTS),
                "a small previous period");
        assertEquals(3, evaluate(behaviourInput(previousBehaviour(), smallPrevious), with("min_sessions", "0"))
                .size(), "the same periods without the guard");
    }

    @Test
    void minimumSessionsIsAThreshold() {
        Map<String, KpiValue> current = behaviour(99, "0.100000", 10, "0.050000", 5, "0.400000", 40);

        List<Alert> alerts = evaluate(behaviourInput(current, previousBehaviour()), with("min_sessions", "99"));

        assertEquals(List.of(AlertRule.ENGAGEMENT_RATE_DROP), alerts.stream().map(Alert::rule).toList());
    }

    @Test
    void sessionsKpiServesRatesWithoutDenominator() {
        Map<String, KpiValue> current = new LinkedHashMap<>();
        current.put("sessions", count(400));
        current.put("engagement_rate", new KpiValue(new BigDecimal("0.300000"), null, null, KpiUnit.RATIO, null,
                null, null));

        List<Alert> alerts = evaluate(behaviourInput(current, previousBehaviour()), DEFAULTS);

        assertEquals(List.of(AlertRule.ENGAGEMENT_RATE_DROP), alerts.stream().map(Alert::rule).toList());
        assertEquals("400", alerts.get(0).details().get("currentSessions"));
    }

    @Test
    void nullRatesNeverFire() {
        Map<String, KpiValue> current = new LinkedHashMap<>();
        current.put("sessions", count(0));
        current.put("engagement_rate", noValue("no sessions in the range"));
        current.put("bounce_rate", noValue("no sessions in the range"));
        current.put("session_conversion_rate", noValue("no sessions in the range"));

        assertEquals(List.of(), evaluate(behaviourInput(current, previousBehaviour()), DEFAULTS));
        assertEquals(List.of(), evaluate(behaviourInput(previousBehaviour(), current), DEFAULTS));
        assertEquals(List.of(), evaluate(behaviourInput(currentBehaviour(), Map.of()), DEFAULTS), "no previous");
        assertEquals(List.of(), evaluate(behaviourInput(currentBehaviour(), null), DEFAULTS), "previous null");
    }

    @Test
    void zeroPreviousRateCannotDrop() {
        Map<String, KpiValue> previous = behaviour(500, "0.000000", 0, "0.000000", 0, "0.400000", 200);
        Map<String, KpiValue> current = behaviour(400, "0.000000", 0, "0.000000", 0, "0.400000", 160);

        assertEquals(List.of(), evaluate(behaviourInput(current, previous), DEFAULTS));
    }

    @Test
    void disabledRulesNeverFire() {
        AlertSettings settings = AlertSettings.of(Map.of(), Set.of("engagement_rate_drop", "bounce_rate_spike"),
                null);

        List<Alert> alerts = evaluate(behaviourInput(currentBehaviour(), previousBehaviour()), settings);

        assertEquals(List.of(AlertRule.CONVERSION_RATE_DROP), alerts.stream().map(Alert::rule).toList());
    }

    @Test
    void overriddenThresholdIsReported() {
        List<Alert> alerts = evaluate(behaviourInput(currentBehaviour(), previousBehaviour()),
                with("conversion_rate_drop", "0.45"));

        assertEquals(List.of(AlertRule.ENGAGEMENT_RATE_DROP, AlertRule.BOUNCE_RATE_SPIKE),
                alerts.stream().map(Alert::rule).toList());

        Alert conversion = ofRule(evaluate(behaviourInput(currentBehaviour(), previousBehaviour()),
                with("conversion_rate_drop", "0.4")), AlertRule.CONVERSION_RATE_DROP).get(0);
        assertEquals(new BigDecimal("0.4"), conversion.threshold());
        assertEquals("Session conversion rate fell by 40% against the previous period, from 5% to 3% (threshold: a "
                + "40% drop).", conversion.message());
    }

    // Paid-media rules.

    @Test
    void clvBelowCacFires() {
        // CAC 1,000 USD / 10 new customers = 100; CLV 900 USD / 10 buyers = 90.
        PaidReport paid = report(paid(10_000, 200, "USD", "1000", "1500", 12, "12", 10, "900"));

        List<Alert> alerts = evaluate(paidInput(paid), DEFAULTS);

        assertEquals(List.of(new Alert(PROPERTY, AlertRule.CLV_BELOW_CAC, "property", DAY, RAISED,
                new BigDecimal("0.900000"), new BigDecimal("1.0"),
                "CLV:CAC is 0.90 in USD, below the threshold of 1 (CLV 90.00 USD, CAC 100.00 USD).",
                "نسبت ارزش طول عمر به هزینه جذب در USD برابر ۰٫۹۰ است، کمتر از آستانه ۱ (ارزش طول عمر ۹۰٫۰۰ USD، "
                        + "هزینه جذب ۱۰۰٫۰۰ USD).",
                details("currency", "USD", "clv", "90.0000000000", "cac", "100.0000000000"))), alerts);
    }

    @Test
    void clvEqualToCacIsQuiet() {
        PaidReport paid = report(paid(10_000, 200, "USD", "1000", "1500", 12, "12", 10, "1000"));

        assertEquals(List.of(), evaluate(paidInput(paid), DEFAULTS));
    }

    @Test
    void clvWithoutNewCustomersIsQuiet() {
        // No new customers: clv_to_cac is null with a reason.
        PaidReport paid = report(paid(10_000, 200, "USD", "1000", "1500", 12, "12", 0, null));

        assertNull(paid.kpis().get("clv_to_cac").value());
        assertEquals(List.of(), evaluate(paidInput(paid), DEFAULTS));
    }

    @Test
    void roasBelowOneFiresOverallAndPerCampaign() {
        PaidReport paid = report(paid(10_000, 200, "USD", "1000", "850", 4, "4", 0, null),
                campaign("Spring Sale", paid(6_000, 120, "USD", "400", "100", 1, "1", 0, null)),
                campaign("Brand", paid(4_000, 80, "USD", "600", "600", 3, "3", 0, null)));

        List<Alert> alerts = evaluate(paidInput(paid), DEFAULTS);

        assertEquals(List.of(
                new Alert(PROPERTY, AlertRule.ROAS_BELOW_1, "property", DAY, RAISED, new BigDecimal("0.850000"),
                        new BigDecimal("1.0"),
                        "ROAS is 0.85 in USD, below the threshold of 1 (revenue 850.00 USD, cost 1,000.00 USD).",
                        "بازگشت هزینه تبلیغ در USD برابر ۰٫۸۵ است، کمتر از آستانه ۱ (درآمد ۸۵۰٫۰۰ USD، هزینه "
                                + "۱٬۰۰۰٫۰۰ USD).",
                        details("currency", "USD", "revenue", "850", "cost", "1000")),
                new Alert(PROPERTY, AlertRule.ROAS_BELOW_1, "campaign:Spring Sale", DAY, RAISED,
                        new BigDecimal("0.250000"), new BigDecimal("1.0"),
                        "ROAS of campaign 'Spring Sale' is 0.25 in USD, below the threshold of 1 (revenue 100.00 USD, "
                                + "cost 400.00 USD).",
                        "بازگشت هزینه تبلیغ کمپین «Spring Sale» در USD برابر ۰٫۲۵ است، کمتر از آستانه ۱ (درآمد "
                                + "۱۰۰٫۰۰ USD، هزینه ۴۰۰٫۰۰ USD).",
                        details("platform", "GOOGLE_ADS", "currency", "USD", "revenue", "100", "cost", "400"))),
                alerts);
    }

    @Test
    void roasThresholdAboveOne() {
        PaidReport paid = report(paid(10_000, 200, "USD", "1000", "2999", 4, "4", 0, null));

        assertEquals(1, evaluate(paidInput(paid), with("roas_below_1", "3")).size());
        assertEquals(0, evaluate(paidInput(paid), with("roas_below_1", "2.999")).size(), "ROAS equal to threshold");
    }

    @Test
    void roasWithoutCostIsQuiet() {
        PaidReport paid = report(paid(10_000, 200, "USD", "0", "100", 4, "4", 0, null));

        assertNull(paid.kpis().get("roas").value());
        assertEquals(List.of(), evaluate(paidInput(paid), DEFAULTS));
    }

    @Test
    void mixedCurrenciesCompareEachCurrency() {
        Map<String, KpiValue> mixed = PaidKpis.compute(new PaidTotals(10_000, 200, null,
                Map.of("EUR", new BigDecimal("200"), "USD", new BigDecimal("1000")),
                Map.of("EUR", new BigDecimal("2000"), "USD", new BigDecimal("8000")),
                Map.of("EUR", new BigDecimal("40"), "USD", new BigDecimal("160")),
                Map.of(), Map.of(), 5, Map.of("EUR", new BigDecimal("100"), "USD", new BigDecimal("1500")), 0,
                MoneyTotals.NONE));
        assertNull(mixed.get("roas").value(), "ROAS over two currencies has no single value");

        List<Alert> alerts = evaluate(paidInput(report(mixed)), DEFAULTS);

        assertEquals(List.of(new Alert(PROPERTY, AlertRule.ROAS_BELOW_1, "property", DAY, RAISED,
                new BigDecimal("0.500000"), new BigDecimal("1.0"),
                "ROAS is 0.50 in EUR, below the threshold of 1 (per currency: EUR 0.50, USD 1.50).",
                "بازگشت هزینه تبلیغ در EUR برابر ۰٫۵۰ است، کمتر از آستانه ۱ (به تفکیک ارز: EUR ۰٫۵۰، USD ۱٫۵۰).",
                details("currency", "EUR", "roas.EUR", "0.500000", "roas.USD", "1.500000"))), alerts);
    }

    @Test
    void mixedCurrenciesAboveThresholdAreQuiet() {
        Map<String, KpiValue> mixed = PaidKpis.compute(new PaidTotals(10_000, 200, null,
                Map.of("EUR", new BigDecimal("200"), "USD", new BigDecimal("1000")),
                Map.of("EUR", new BigDecimal("2000"), "USD", new BigDecimal("8000")),
                Map.of("EUR", new BigDecimal("40"), "USD", new BigDecimal("160")),
                Map.of(), Map.of(), 5, Map.of("EUR", new BigDecimal("200"), "USD", new BigDecimal("1500")), 0,
                MoneyTotals.NONE));

        assertEquals(List.of(), evaluate(paidInput(report(mixed)), DEFAULTS));
    }

    @Test
    void spendWithoutConversionsFires() {
        PaidReport paid = report(paid(1000, 20, "USD", "120.5", "50", 1, null, 0, null),
                campaign("Brand", paidWithoutConversions("120.5")));

        List<Alert> alerts = ofRule(evaluate(paidInput(paid), DEFAULTS), AlertRule.SPEND_WITHOUT_CONVERSIONS);

        assertEquals(List.of(new Alert(PROPERTY, AlertRule.SPEND_WITHOUT_CONVERSIONS, "campaign:Brand", DAY, RAISED,
                new BigDecimal("120.5"), BigDecimal.ZERO,
                "Campaign 'Brand' spent 120.50 USD, above the threshold of 0, without a tracked or platform-reported "
                        + "conversion.",
                "کمپین «Brand» ۱۲۰٫۵۰ USD هزینه کرد، بیش از آستانه ۰، و هیچ تبدیلی نه در ردیابی و نه در گزارش پلتفرم "
                        + "نداشت.",
                details("platform", "GOOGLE_ADS", "currency", "USD", "cost.USD", "120.5", "trackedConversions", "0",
                        "platformConversions", "0", "attributedSessions", "3"))), alerts);
    }

    @Test
    void spendWithAnyConversionIsQuiet() {
        PaidReport paid = report(paid(1000, 20, "USD", "300", "50", 1, null, 0, null),
                campaign("Tracked", paid(1000, 20, "USD", "100", "50", 1, null, 0, null)),
                campaign("Platform only", paid(1000, 20, "USD", "100", null, 0, "2", 0, null)),
                campaign("No cost", paidWithoutConversions("0")));

        assertEquals(List.of(), ofRule(evaluate(paidInput(paid), DEFAULTS), AlertRule.SPEND_WITHOUT_CONVERSIONS));
    }

    @Test
    void spendThresholdIsExclusive() {
        PaidReport paid = report(paidWithoutConversions("120.5"), campaign("Brand", paidWithoutConversions("120.5")));

        assertEquals(0, ofRule(evaluate(paidInput(paid), with("spend_without_conversions", "120.5")),
                AlertRule.SPEND_WITHOUT_CONVERSIONS).size());
        assertEquals(1, ofRule(evaluate(paidInput(paid), with("spend_without_conversions", "120.49")),
                AlertRule.SPEND_WITHOUT_CONVERSIONS).size());
    }

    @Test
    void spendInTwoCurrenciesListsBoth() {
        Map<String, KpiValue> twoCurrencies = PaidKpis.compute(new PaidTotals(1000, 20, null,
                Map.of("EUR", new BigDecimal("10"), "USD", new BigDecimal("20")),
                Map.of("EUR", new BigDecimal("500"), "USD", new BigDecimal("500")),
                Map.of("EUR", new BigDecimal("10"), "USD", new BigDecimal("10")),
                Map.of(), Map.of(), 0, Map.of(), 0, MoneyTotals.NONE));
        PaidReport paid = report(twoCurrencies, campaign("Europe", twoCurrencies));

        Alert alert = ofRule(evaluate(paidInput(paid), DEFAULTS), AlertRule.SPEND_WITHOUT_CONVERSIONS).get(0);

        assertEquals(new BigDecimal("10"), alert.value());
        assertEquals("Campaign 'Europe' spent 10.00 EUR and 20.00 USD, above the threshold of 0, without a tracked "
                + "or platform-reported conversion.", alert.message());
        assertEquals(details("platform", "GOOGLE_ADS", "currency", "EUR", "cost.EUR", "10", "cost.USD", "20",
                "trackedConversions", "0", "platformConversions", "0", "attributedSessions", "3"), alert.details());
    }

    @Test
    void ctrDropFiresAtThreshold() {
        // CTR 2 % (200 / 10,000) before, 1.4 % (140 / 10,000) now: exactly a 30 % drop.
        AlertInput input = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(10_000, 140)),
                report(ctrOnly(10_000, 200)), null);

        List<Alert> alerts = evaluate(input, DEFAULTS);

        assertEquals(List.of(new Alert(PROPERTY, AlertRule.CTR_DROP, "property", DAY, RAISED,
                new BigDecimal("0.300000"), new BigDecimal("0.30"),
                "CTR fell by 30% against the previous period, from 2% to 1.4% (threshold: a 30% drop).",
                "نرخ کلیک نسبت به دوره قبل ۳۰٪ افت کرد، از ۲٪ به ۱٫۴٪ (آستانه: افت ۳۰٪).",
                details("currentClicks", "140", "currentImpressions", "10000", "previousClicks", "200",
                        "previousImpressions", "10000", "current", "0.014000", "previous", "0.020000"))), alerts);
    }

    @Test
    void ctrJustAboveThresholdIsQuiet() {
        AlertInput input = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(10_000, 141)),
                report(ctrOnly(10_000, 200)), null);

        assertEquals(List.of(), evaluate(input, DEFAULTS));
    }

    @Test
    void ctrNeedsPreviousPaidReport() {
        AlertInput input = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(10_000, 10)), null);

        assertEquals(List.of(), evaluate(input, DEFAULTS));
    }

    @Test
    void ctrMinimumClicksGuard() {
        // 99 clicks before: too few to judge, although CTR fell by 90 %.
        AlertInput fewBefore = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(4_950, 10)),
                report(ctrOnly(4_950, 99)), null);
        assertEquals(List.of(), evaluate(fewBefore, DEFAULTS));

        // 4,999 impressions now would have brought 99.98 clicks at the previous 2 %: too few.
        AlertInput fewExpected = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(4_999, 10)),
                report(ctrOnly(10_000, 200)), null);
        assertEquals(List.of(), evaluate(fewExpected, DEFAULTS));

        // 5,000 impressions would have brought 100: a collapse to 10 clicks fires.
        AlertInput enough = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(5_000, 10)),
                report(ctrOnly(10_000, 200)), null);
        List<Alert> alerts = evaluate(enough, DEFAULTS);
        assertEquals(List.of(AlertRule.CTR_DROP), alerts.stream().map(Alert::rule).toList());
        assertEquals(new BigDecimal("0.900000"), alerts.get(0).value());

        assertEquals(1, evaluate(fewBefore, with("min_clicks", "99")).size(), "guard lowered to 99 clicks");
    }

    @Test
    void ctrWithoutImpressionsIsQuiet() {
        AlertInput input = new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), report(ctrOnly(0, 0)),
                report(ctrOnly(10_000, 200)), null);

        assertEquals(List.of(), evaluate(input, DEFAULTS));
    }

    // Tracking gap.

    @Test
    void trackingGapFiresAtThreshold() {
        List<Alert> alerts = evaluate(trackingInput("2024-05-01T00:00:00Z", "12.4", "2024-05-01T06:00:00Z"),
                DEFAULTS);

        assertEquals(List.of(new Alert(PROPERTY, AlertRule.TRACKING_GAP, "property", DAY, RAISED,
                new BigDecimal("6.00"), new BigDecimal("6"),
                "No tracking event arrived for 6 hours although the property averaged 12.4 events per hour over the "
                        + "previous 7 days (threshold: 6 hours).",
                "۶ ساعت است هیچ رویدادی نرسیده، در حالی که این سایت در ۷ روز گذشته به‌طور میانگین ۱۲٫۴ رویداد در ساعت "
                        + "داشت (آستانه: ۶ ساعت).",
                details("lastEventAt", "2024-05-01T00:00:00Z", "checkedAt", "2024-05-01T06:00:00Z",
                        "eventsPerHourBaseline", "12.4"))), alerts);
    }

    @Test
    void trackingGapHours() {
        Alert alert = evaluate(trackingInput("2024-05-01T00:00:00Z", "3", "2024-05-01T07:30:00Z"), DEFAULTS)
                .get(0);

        assertEquals(new BigDecimal("7.50"), alert.value());
        assertEquals("No tracking event arrived for 7.5 hours although the property averaged 3 events per hour over "
                + "the previous 7 days (threshold: 6 hours).", alert.message());
    }

    @Test
    void trackingGapQuietCases() {
        assertEquals(List.of(), evaluate(trackingInput("2024-05-01T00:00:01Z", "12.4", "2024-05-01T06:00:00Z"),
                DEFAULTS), "one second short of 6 hours");
        assertEquals(List.of(), evaluate(trackingInput("2024-05-01T00:00:00Z", "0.99", "2024-05-01T12:00:00Z"),
                DEFAULTS), "a baseline under 1 event per hour");
        assertEquals(List.of(), evaluate(trackingInput(null, "12.4", "2024-05-01T12:00:00Z"), DEFAULTS),
                "no event known");
        assertEquals(List.of(), evaluate(new AlertInput(PROPERTY, DAY, Map.of(), Map.of(), null, null,
                new TrackingActivity(Instant.parse("2024-05-01T00:00:00Z"), null,
                        Instant.parse("2024-05-01T12:00:00Z"))), DEFAULTS), "no baseline");
    }

    @Test
    void trackingGapBaselineBoundaryAndOverrides() {
        AlertInput input = trackingInput("2024-05-01T00:00:00Z", "1", "2024-05-01T06:00:00Z");

        assertEquals(1, evaluate(input, DEFAULTS).size(), "a baseline of exactly 1 event per hour");
        assertEquals(0, evaluate(input, with("min_events_per_hour", "1.5")).size());
        assertEquals(0, evaluate(input, with("tracking_gap", "6.5")).size());
        assertEquals(0, evaluate(input, AlertSettings.of(Map.of(), Set.of("tracking_gap"), null)).size());
    }

    // Everything at once.

    @Test
    void alertsComeInRuleOrder() {
        PaidReport paid = report(paid(10_000, 100, "USD", "1000", "500", 0, null, 10, "90"),
                campaign("Brand", paidWithoutConversions("120.5")));
        PaidReport previousPaid = report(ctrOnly(10_000, 200));
        AlertInput input = new AlertInput(PROPERTY, DAY, currentBehaviour(), previousBehaviour(), paid, previousPaid,
                new TrackingActivity(Instant.parse("2024-05-01T00:00:00Z"), BigDecimal.TEN,
                        Instant.parse("2024-05-01T08:00:00Z")));

        List<Alert> alerts = evaluate(input, DEFAULTS);

        assertEquals(List.of("clv_below_cac property", "roas_below_1 property", "roas_below_1 campaign:Brand",
                "spend_without_conversions campaign:Brand", "ctr_drop property", "engagement_rate_drop property",
                "conversion_rate_drop property", "bounce_rate_spike property", "tracking_gap property"),
                alerts.stream().map(alert -> alert.rule().id() + " " + alert.scope()).toList());
        for (Alert alert : alerts) {
            assertEquals(PROPERTY, alert.property(), alert.rule().id());
            assertEquals(DAY, alert.day(), alert.rule().id());
            assertEquals(RAISED, alert.raisedAt(), alert.rule().id());
        }
    }
}
