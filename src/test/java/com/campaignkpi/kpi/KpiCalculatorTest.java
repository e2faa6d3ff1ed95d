package com.campaignkpi.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {

    /** 1,830 sessions, 951 engaged, 916 single-interaction, 9,732 page views, 40 transactions for 3,936.82 USD. */
    private static final SessionTotals SAMPLE = new SessionTotals(1830, 951, 916, 355_187_000L, 9732, 1804, 1230,
            589, 40, 40, 40, 40, MoneyTotals.of("USD", "3936.82", 40), 40, MoneyTotals.of("USD", "4000.00", 40));

    private static final SessionTotals EMPTY = new SessionTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            MoneyTotals.NONE, 0, MoneyTotals.NONE);

    static Stream<Arguments> sampleCases() {
        return Stream.of(
                Arguments.of("sessions", "1830", null, null),
                Arguments.of("engaged_sessions", "951", null, null),
                Arguments.of("engagement_rate", "0.519672", "951", "1830"),
                Arguments.of("bounce_rate", "0.480328", "879", "1830"),
                Arguments.of("single_page_bounce_rate", "0.500546", "916", "1830"),
                Arguments.of("average_engagement_time", "194.091", "355187.000", "1830"),
                Arguments.of("page_views", "9732", null, null),
                Arguments.of("users", "1804", null, null),
                Arguments.of("new_users", "1230", null, null),
                Arguments.of("returning_users", "589", null, null),
                Arguments.of("return_rate", "0.326497", "589", "1804"),
                Arguments.of("conversions", "40", null, null),
                Arguments.of("session_conversion_rate", "0.021858", "40", "1830"),
                Arguments.of("user_conversion_rate", "0.022173", "40", "1804"),
                Arguments.of("transactions", "40", null, null),
                Arguments.of("revenue", "3936.82", null, null),
                Arguments.of("aov", "98.4205", "3936.82", "40"),
                Arguments.of("clv", "100.0000", "4000.00", "40"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleCases")
    void sampleTotals(String id, String value, String numerator, String denominator) {
        KpiValue kpi = KpiCalculator.compute(SAMPLE).get(id);

        assertEquals(new BigDecimal(value), kpi.value(), id + " value");
        assertEquals(numerator == null ? null : new BigDecimal(numerator), kpi.numerator(), id + " numerator");
        assertEquals(denominator == null ? null : new BigDecimal(denominator), kpi.denominator(), id + " denominator");
        assertNull(kpi.reason(), id + " reason");
    }

    static Stream<Arguments> emptyCases() {
        return Stream.of(
                Arguments.of("engagement_rate", "no sessions in the range"),
                Arguments.of("bounce_rate", "no sessions in the range"),
                Arguments.of("single_page_bounce_rate", "no sessions in the range"),
                Arguments.of("average_engagement_time", "no sessions in the range"),
                Arguments.of("return_rate", "no users in the range"),
                Arguments.of("session_conversion_rate", "no sessions in the range"),
                Arguments.of("user_conversion_rate", "no users in the range"),
                Arguments.of("aov", "no transactions in the range"),
                Arguments.of("clv", "no customer bought in the range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyCases")
    void zeroDenominatorIsNullWithReason(String id, String reason) {
        KpiValue kpi = KpiCalculator.compute(EMPTY).get(id);

        assertNull(kpi.value(), id);
        assertEquals(reason, kpi.reason());
        assertEquals(0, kpi.denominator().signum());
    }

    @Test
    void emptyCountsAreZero() {
        Map<String, KpiValue> kpis = KpiCalculator.compute(EMPTY);

        assertEquals(BigDecimal.ZERO, kpis.get("sessions").value());
        assertEquals(BigDecimal.ZERO, kpis.get("transactions").value());
        assertEquals(BigDecimal.ZERO, kpis.get("revenue").value());
    }

    @Test
    void everyRegisteredKpiIsComputed() {
        List<String> registered = KpiRegistry.all().stream().map(KpiDefinition::id).toList();

        assertEquals(registered, List.copyOf(KpiCalculator.compute(SAMPLE).keySet()));
    }

    @Test
    void everyPaidKpiIsRegistered() {
        PaidTotals totals = new PaidTotals(0, 0, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of(), 0,
                MoneyTotals.NONE);
        List<String> registered = KpiRegistry.paid().stream().map(KpiDefinition::id).toList();

        assertEquals(registered, List.copyOf(PaidKpis.compute(totals).keySet()));
    }

    @Test
    void mixedCurrenciesAreNotAdded() {
        // T1 100.10 USD and T2 60.00 USD from one buyer, T3 1,250,000 IRR from another, T4 without a value.
        MoneyTotals revenue = new MoneyTotals(Map.of("USD", new BigDecimal("160.10"),
                "IRR", new BigDecimal("1250000")), Map.of("USD", 2L, "IRR", 1L));
        SessionTotals totals = new SessionTotals(4, 4, 0, 0, 4, 3, 3, 0, 4, 4, 3, 4, revenue, 3, revenue);

        Map<String, KpiValue> kpis = KpiCalculator.compute(totals);
        KpiValue revenueKpi = kpis.get("revenue");
        KpiValue aov = kpis.get("aov");

        assertNull(revenueKpi.value());
        assertEquals(new BigDecimal("160.10"), revenueKpi.byCurrency().get("USD"));
        assertEquals(new BigDecimal("1250000"), revenueKpi.byCurrency().get("IRR"));
        assertEquals("amounts are in 2 currencies (IRR, USD) and are not added up without an exchange rate; "
                + "see byCurrency", revenueKpi.reason());
        assertNull(aov.value());
        assertEquals(new BigDecimal("80.0500"), aov.byCurrency().get("USD"));
        assertEquals(new BigDecimal("1250000.0000"), aov.byCurrency().get("IRR"));
    }

    @Test
    void averageSkipsTransactionsWithoutValue() {
        // 3 transactions, of which 2 carried a value.
        SessionTotals totals = new SessionTotals(3, 3, 0, 0, 3, 3, 3, 0, 3, 3, 3, 3,
                MoneyTotals.of("EUR", "30.00", 2), 3, MoneyTotals.of("EUR", "30.00", 2));

        KpiValue aov = KpiCalculator.compute(totals).get("aov");

        assertEquals(new BigDecimal("15.0000"), aov.value());
        assertEquals(new BigDecimal("2"), aov.denominator());
        assertEquals("EUR", aov.currency());
    }

    @Test
    void noValuedPurchaseHasReason() {
        SessionTotals totals = new SessionTotals(1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, MoneyTotals.NONE, 1,
                MoneyTotals.NONE);

        KpiValue aov = KpiCalculator.compute(totals).get("aov");

        assertNull(aov.value());
        assertEquals("no purchase carried a value and currency", aov.reason());
    }
}
