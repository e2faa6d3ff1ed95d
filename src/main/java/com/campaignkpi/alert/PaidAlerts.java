package com.campaignkpi.alert;

import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.spend.PaidGroup;
import com.campaignkpi.spend.PaidReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paid-media rules, read from a snapshot's {@code paid} section ({@link PaidReport}):
 * <ul>
 *   <li>{@code clv_below_cac}: the overall {@code clv_to_cac} is below the threshold.</li>
 *   <li>{@code roas_below_1}: {@code roas} is below the threshold, overall (scope {@code property}) and per
 *       campaign of {@code byCampaign}.</li>
 *   <li>{@code spend_without_conversions}: a campaign's {@code cost} is above the threshold while its
 *       {@code tracked_conversions} (key events of the sessions credited to it) and its
 *       {@code platform_conversions} (what the ad platform reported) are both 0. Both must be 0, because a
 *       campaign whose sessions carry no matching UTM tags has no tracked conversions even when the platform
 *       counted some.</li>
 *   <li>{@code ctr_drop}: the overall {@code ctr} fell against the previous period's paid section by at least the
 *       threshold, relatively, with at least {@code min_clicks} clicks in the previous period and at least as
 *       many expected in the current one at the previous CTR. The second guard counts expected clicks rather
 *       than clicks so that a collapse to a handful of clicks still fires.</li>
 * </ul>
 * ROAS and CLV:CAC are ratios within one currency. With spend in several currencies the KPI has a value per
 * currency in {@code byCurrency}, and the rule compares the lowest of them, never a sum across currencies.
 *
 * <p>NOTE: the campaign scope is {@code campaign:<name>}, so two campaigns of the same name on different platforms
 * share a scope and, when both fire the same rule on one day, one stored alert replaces the other.
 */
final class PaidAlerts {

    /** Amounts behind CLV:CAC, for the message and the alert's details. */
    private static final Parts CLV_TO_CAC = new Parts("clv_to_cac", "clv", "CLV", "ارزش طول عمر", "cac",
            "CAC", "هزینه جذب");

    /** Amounts behind ROAS. */
    private static final Parts ROAS = new Parts("roas", "revenue", "revenue", "درآمد", "cost", "cost", "هزینه");

    private PaidAlerts() {
    }

    static void check(AlertSink sink) {
        PaidReport paid = sink.input().paid();
        if (paid == null) {
            return;
        }
        Map<String, KpiValue> overall = paid.kpis() == null ? Map.of() : paid.kpis();
        List<PaidGroup> campaigns = paid.byCampaign() == null ? List.of() : paid.byCampaign();

        ratioBelow(sink, AlertRule.CLV_BELOW_CAC, Alert.PROPERTY_SCOPE, overall.get("clv_to_cac"), "CLV:CAC",
                "نسبت ارزش طول عمر به هزینه جذب", CLV_TO_CAC, Map.of());

        ratioBelow(sink, AlertRule.ROAS_BELOW_1, Alert.PROPERTY_SCOPE, overall.get("roas"), "ROAS",
                "بازگشت هزینه تبلیغ", ROAS, Map.of());
        for (PaidGroup campaign : campaigns) {
            ratioBelow(sink, AlertRule.ROAS_BELOW_1, Alert.campaignScope(campaign.campaign()),
                    campaign.kpis().get("roas"), "ROAS of campaign '" + campaign.campaign() + "'",
                    "بازگشت هزینه تبلیغ کمپین «" + campaign.campaign() + "»", ROAS,
                    Map.of("platform", campaign.platform()));
        }

        for (PaidGroup campaign : campaigns) {
            spendWithoutConversions(sink, campaign);
        }

        ctrDrop(sink, overall.get("ctr"), previousCtr(sink.input().previousPaid()));
    }

    /**
     * Raises {@code rule} when a ratio is below its threshold in one currency. A single-currency value names its
     * numerator and denominator amounts in the message; a value per currency lists them all.
     */
    private static void ratioBelow(AlertSink sink, AlertRule rule, String scope, KpiValue kpi, String subject,
            String subjectFa, Parts parts, Map<String, String> context) {
        Map<String, BigDecimal> byCurrency = perCurrency(kpi);
        if (byCurrency.isEmpty()) {
            return;
        }
        Map.Entry<String, BigDecimal> lowest = byCurrency.entrySet().stream()
                .min(Map.Entry.comparingByValue()).orElseThrow();
        BigDecimal threshold = sink.threshold(rule);
        if (lowest.getValue().compareTo(threshold) >= 0) {
            return;
        }
        String currency = lowest.getKey();
        Map<String, String> details = new LinkedHashMap<>(context);
        details.put("currency", currency);
        String amounts;
        String amountsFa;
        if (kpi.value() != null && kpi.numerator() != null && kpi.denominator() != null) {
            details.put(parts.numeratorKey(), kpi.numerator().toPlainString());
            details.put(parts.denominatorKey(), kpi.denominator().toPlainString());
            amounts = parts.numeratorLabel() + " " + AlertText.money(kpi.numerator(), currency) + ", "
                    + parts.denominatorLabel() + " " + AlertText.money(kpi.denominator(), currency);
            amountsFa = parts.numeratorLabelFa() + " " + AlertText.moneyFa(kpi.numerator(), currency) + "، "
                    + parts.denominatorLabelFa() + " " + AlertText.moneyFa(kpi.denominator(), currency);
        } else {
            List<String> values = new ArrayList<>();
            List<String> valuesFa = new ArrayList<>();
            byCurrency.forEach((code, value) -> {
                details.put(parts.kpi() + "." + code, value.toPlainString());
                values.add(code + " " + AlertText.ratio(value));
                valuesFa.add(code + " " + AlertText.fa(AlertText.ratio(value)));
            });
            amounts = "per currency: " + String.join(", ", values);
            amountsFa = "به تفکیک ارز: " + String.join("، ", valuesFa);
        }
        sink.raise(rule, scope, lowest.getValue(),
                subject + " is " + AlertText.ratio(lowest.getValue()) + " in " + currency + ", below the threshold of "
                        + AlertText.number(threshold) + " (" + amounts + ").",
                subjectFa + " در " + currency + " برابر " + AlertText.fa(AlertText.ratio(lowest.getValue()))
                        + " است، کمتر از آستانه " + AlertText.fa(AlertText.number(threshold)) + " (" + amountsFa
                        + ").",
                details);
    }

    private static void spendWithoutConversions(AlertSink sink, PaidGroup campaign) {
        AlertRule rule = AlertRule.SPEND_WITHOUT_CONVERSIONS;
        Map<String, KpiValue> kpis = campaign.kpis();
        KpiValue tracked = kpis.get("tracked_conversions");
        KpiValue reported = kpis.get("platform_conversions");
        boolean none = tracked != null && tracked.value() != null && tracked.value().signum() == 0
                && (reported == null || reported.value() == null || reported.value().signum() == 0);
        if (!none) {
            return;
        }

        BigDecimal threshold = sink.threshold(rule);
        Map<String, BigDecimal> spent = new TreeMap<>();
        perCurrency(kpis.get("cost")).forEach((currency, cost) -> {
            if (cost.compareTo(threshold) > 0) {
                spent.put(currency, cost);
            }
        });
        if (spent.isEmpty()) {
            return;
        }

        Map.Entry<String, BigDecimal> first = spent.entrySet().iterator().next();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("platform", campaign.platform());
        details.put("currency", first.getKey());
        spent.forEach((currency, cost) -> details.put("cost." + currency, cost.toPlainString()));
        details.put("trackedConversions", tracked.value().toPlainString());
        details.put("platformConversions", reported == null || reported.value() == null ? "0"
                : reported.value().toPlainString());
        details.put("attributedSessions", Long.toString(campaign.attributedSessions()));

        List<String> amounts = spent.entrySet().stream().map(e -> AlertText.money(e.getValue(), e.getKey()))
                .toList();
        List<String> amountsFa = spent.entrySet().stream().map(e -> AlertText.moneyFa(e.getValue(), e.getKey()))
                .toList();
        sink.raise(rule, Alert.campaignScope(campaign.campaign()), first.getValue(),
                "Campaign '" + campaign.campaign() + "' spent " + String.join(" and ", amounts) + ", above the "
                        + "threshold of " + AlertText.number(threshold) + ", without a tracked or platform-reported "
                        + "conversion.",
                "کمپین «" + campaign.campaign() + "» " + String.join(" و ", amountsFa) + " هزینه کرد، بیش از "
                        + "آستانه " + AlertText.fa(AlertText.number(threshold)) + "، و هیچ تبدیلی نه در ردیابی و نه "
                        + "در گزارش پلتفرم نداشت.",
                details);
    }

    private static void ctrDrop(AlertSink sink, KpiValue current, KpiValue previous) {
        if (current == null || previous == null || current.denominator() == null || previous.numerator() == null
                || previous.denominator() == null) {
            return;
        }
        // Clicks expected in the current period at the previous CTR: current impressions × previous clicks /
        // previous impressions, compared without dividing.
        BigDecimal minimum = sink.threshold(AlertSettings.MIN_CLICKS);
        boolean enoughPrevious = previous.numerator().compareTo(minimum) >= 0;
        boolean enoughExpected = current.denominator().multiply(previous.numerator())
                .compareTo(minimum.multiply(previous.denominator())) >= 0;
        if (!enoughPrevious || !enoughExpected) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (current.numerator() != null) {
            details.put("currentClicks", current.numerator().toPlainString());
        }
        details.put("currentImpressions", current.denominator().toPlainString());
        details.put("previousClicks", previous.numerator().toPlainString());
        details.put("previousImpressions", previous.denominator().toPlainString());
        AlertEvaluator.relativeDrop(sink, AlertRule.CTR_DROP, "CTR", "نرخ کلیک", current, previous, details);
    }

    private static KpiValue previousCtr(PaidReport previous) {
        return previous == null || previous.kpis() == null ? null : previous.kpis().get("ctr");
    }

    /** A ratio KPI's id and the names of its numerator and denominator: detail keys, English and Persian labels. */
    private record Parts(String kpi, String numeratorKey, String numeratorLabel, String numeratorLabelFa,
            String denominatorKey, String denominatorLabel, String denominatorLabelFa) {
    }

    /** Returns a KPI's value by currency: its single value, or {@code byCurrency}; empty when it has neither. */
    private static Map<String, BigDecimal> perCurrency(KpiValue kpi) {
        Map<String, BigDecimal> values = new TreeMap<>();
        if (kpi == null) {
            return values;
        }
        if (kpi.value() != null) {
            if (kpi.currency() != null) {
                values.put(kpi.currency(), kpi.value());
            }
        } else if (kpi.byCurrency() != null) {
            values.putAll(kpi.byCurrency());
        }
        return values;
    }
}
