package com.campaignkpi.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.kpi.KpiUnit;
import com.campaignkpi.kpi.KpiValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Exact KPI changes from a base period; values are compared with their scale, so 5.0000 is not 5. */
class KpiChangesTest {

    @Test
    void countUp() {
        KpiChange change = KpiChanges.change(count(150), count(120));

        assertEquals(new BigDecimal("120"), change.base());
        assertEquals(new BigDecimal("150"), change.current());
        assertEquals(new BigDecimal("30"), change.absolute());
        assertEquals(new BigDecimal("0.250000"), change.relative());
        assertNull(change.percentagePoints());
        assertNull(change.reason());
    }

    @Test
    void countDown() {
        KpiChange change = KpiChanges.change(count(2), count(3));

        assertEquals(new BigDecimal("-1"), change.absolute());
        assertEquals(new BigDecimal("-0.333333"), change.relative());
        assertNull(change.reason());
    }

    @Test
    void zeroBaseHasNoRelativeChange() {
        KpiChange change = KpiChanges.change(count(7), count(0));

        assertEquals(new BigDecimal("7"), change.absolute());
        assertNull(change.relative());
        assertEquals("the base is zero", change.reason());
    }

    @Test
    void nullBaseNamesItsReason() {
        KpiChange change = KpiChanges.change(ratio("0.500000", 1, 2), emptyRatio("no sessions in the range"));

        assertNull(change.base());
        assertEquals(new BigDecimal("0.500000"), change.current());
        assertNull(change.absolute());
        assertNull(change.relative());
        assertNull(change.percentagePoints());
        assertEquals("the base value is null: no sessions in the range", change.reason());
    }

    @Test
    void nullCurrentNamesItsReason() {
        KpiChange change = KpiChanges.change(emptyRatio("no users in the range"), ratio("0.250000", 1, 4));

        assertEquals(new BigDecimal("0.250000"), change.base());
        assertNull(change.current());
        assertNull(change.absolute());
        assertNull(change.relative());
        assertNull(change.percentagePoints());
        assertEquals("the current value is null: no users in the range", change.reason());
    }

    @Test
    void bothNullWithOneReason() {
        KpiChange change = KpiChanges.change(emptyRatio("no sessions in the range"),
                emptyRatio("no sessions in the range"));

        assertNull(change.absolute());
        assertEquals("the base and current values are null: no sessions in the range", change.reason());
    }

    @Test
    void ratioInPercentagePoints() {
        KpiChange change = KpiChanges.change(ratio("0.30", 3, 10), ratio("0.25", 1, 4));

        assertEquals(new BigDecimal("0.05"), change.absolute());
        assertEquals(new BigDecimal("5.0000"), change.percentagePoints());
        assertEquals(new BigDecimal("0.200000"), change.relative());
        assertNull(change.reason());
    }

    @Test
    void ratioFromZeroBase() {
        KpiChange change = KpiChanges.change(ratio("0.125000", 1, 8), ratio("0.000000", 0, 5));

        assertEquals(new BigDecimal("0.125000"), change.absolute());
        assertEquals(new BigDecimal("12.5000"), change.percentagePoints());
        assertNull(change.relative());
        assertEquals("the base is zero", change.reason());
    }

    @Test
    void moneyInSameCurrency() {
        KpiChange change = KpiChanges.change(money("1250.50", "EUR"), money("1000.00", "EUR"));

        assertEquals(new BigDecimal("250.50"), change.absolute());
        assertEquals(new BigDecimal("0.250500"), change.relative());
        assertNull(change.percentagePoints());
        assertNull(change.reason());
    }

    @Test
    void moneyWithoutPurchasesMatchesAnyCurrency() {
        KpiValue noRevenue = new KpiValue(BigDecimal.ZERO, null, null, KpiUnit.CURRENCY, null, null, null);

        KpiChange change = KpiChanges.change(money("80.00", "USD"), noRevenue);

        assertEquals(new BigDecimal("80.00"), change.absolute());
        assertNull(change.relative());
        assertEquals("the base is zero", change.reason());
    }

    @Test
    void moneyInDifferentCurrencies() {
        KpiChange change = KpiChanges.change(money("90.00", "USD"), money("80.00", "EUR"));

        assertEquals(new BigDecimal("80.00"), change.base());
        assertEquals(new BigDecimal("90.00"), change.current());
        assertNull(change.absolute());
        assertNull(change.relative());
        assertEquals("the base is in EUR but the current value is in USD, and amounts in different currencies are "
                + "not compared", change.reason());
    }

    @Test
    void moneySplitByCurrency() {
        Map<String, BigDecimal> byCurrency = new TreeMap<>(Map.of("USD", new BigDecimal("10.00"),
                "EUR", new BigDecimal("5.00")));
        KpiValue split = new KpiValue(null, null, null, KpiUnit.CURRENCY, null, "amounts are in 2 currencies",
                byCurrency);

        KpiChange currentSplit = KpiChanges.change(split, money("12.00", "USD"));
        KpiChange baseSplit = KpiChanges.change(money("12.00", "USD"), split);

        assertNull(currentSplit.absolute());
        assertEquals("the current value is in several currencies (EUR, USD), and amounts in different currencies "
                + "are not compared", currentSplit.reason());
        assertNull(baseSplit.absolute());
        assertEquals("the base is in several currencies (EUR, USD), and amounts in different currencies are not "
                + "compared", baseSplit.reason());
    }

    @Test
    void seconds() {
        KpiValue base = new KpiValue(new BigDecimal("42.500"), new BigDecimal("85.000"), new BigDecimal("2"),
                KpiUnit.SECONDS, null, null, null);
        KpiValue current = new KpiValue(new BigDecimal("30.000"), new BigDecimal("90.000"), new BigDecimal("3"),
                KpiUnit.SECONDS, null, null, null);

        KpiChange change = KpiChanges.change(current, base);

        assertEquals(new BigDecimal("-12.500"), change.absolute());
        assertEquals(new BigDecimal("-0.294118"), change.relative());
        assertNull(change.percentagePoints());
        assertNull(change.reason());
    }

    @Test
    void compareKeepsCurrentOrder() {
        Map<String, KpiValue> current = new LinkedHashMap<>();
        current.put("sessions", count(4));
        current.put("engagement_rate", ratio("0.750000", 3, 4));
        current.put("users", count(3));
        Map<String, KpiValue> base = Map.of("users", count(3), "sessions", count(2),
                "engagement_rate", ratio("0.500000", 1, 2));

        Map<String, KpiChange> changes = KpiChanges.compare(current, base);

        assertEquals(List.of("sessions", "engagement_rate", "users"), List.copyOf(changes.keySet()));
        assertEquals(new BigDecimal("1.000000"), changes.get("sessions").relative());
        assertEquals(new BigDecimal("25.0000"), changes.get("engagement_rate").percentagePoints());
        assertEquals(new BigDecimal("0"), changes.get("users").absolute());
    }

    @Test
    void kpiMissingFromBase() {
        Map<String, KpiChange> changes = KpiChanges.compare(Map.of("sessions", count(4)), Map.of());

        assertNull(changes.get("sessions").base());
        assertNull(changes.get("sessions").absolute());
        assertEquals("the base period has no value of this KPI", changes.get("sessions").reason());
    }

    private static KpiValue count(long count) {
        return new KpiValue(BigDecimal.valueOf(count), null, null, KpiUnit.COUNT, null, null, null);
    }

    private static KpiValue ratio(String value, long numerator, long denominator) {
        return new KpiValue(new BigDecimal(value), BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
                KpiUnit.RATIO, null, null, null);
    }

    private static KpiValue emptyRatio(String reason) {
        return new KpiValue(null, BigDecimal.ZERO, BigDecimal.ZERO, KpiUnit.RATIO, null, reason, null);
    }

    private static KpiValue money(String value, String currency) {
        return new KpiValue(new BigDecimal(value), null, null, KpiUnit.CURRENCY, currency, null, null);
    }
}
