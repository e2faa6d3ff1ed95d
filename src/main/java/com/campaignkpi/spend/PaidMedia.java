package com.campaignkpi.spend;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.kpi.ExchangeRates;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.kpi.PaidKpis;
import com.campaignkpi.kpi.PaidTotals;
import com.campaignkpi.kpi.SessionTotals;
import com.campaignkpi.kpi.VisitorHistory;
import com.campaignkpi.session.Session;
import com.campaignkpi.visitor.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Joins a range's spend with the tracked sessions credited to it and computes the paid-media KPIs overall, per
 * platform and per campaign.
 */
public final class PaidMedia {

    /** Currency key of rows whose report states none, such as Kaggle's Meta data; never mixed with a real code. */
    static final String NO_CURRENCY = "(no currency)";

    private PaidMedia() {
    }

    /** Returns the paid-media report, or null when the range has no spend. */
    public static PaidReport report(List<SpendRow> spend, List<Session> sessions, VisitorHistory history,
            LocalDate from, LocalDate to, long rangeStartMicros, ExchangeRates rates) {
        List<SpendRow> rows = new ArrayList<>();
        int excluded = 0;
        for (SpendRow row : spend) {
            boolean inside = row.date() != null || (!row.rangeStart().isBefore(from) && !row.rangeEnd().isAfter(to));
            if (inside) {
                rows.add(row);
            } else {
                excluded++;
            }
        }
        if (rows.isEmpty() && excluded == 0) {
            return null;
        }
        List<Attribution.Credited> credited = Attribution.credit(sessions);
        Context context = new Context(history, rangeStartMicros);

        Set<AdPlatform> platforms = new HashSet<>();
        rows.forEach(row -> platforms.add(row.platform()));
        List<Attribution.Credited> paidSessions = credited.stream()
                .filter(c -> c.platform() != null && platforms.contains(c.platform())).toList();
        PaidTotals overallTotals = context.totals(rows, paidSessions);
        Map<String, KpiValue> overall = PaidKpis.compute(overallTotals);
        Map<String, KpiValue> combined = rates == null ? null : PaidKpis.combined(overallTotals, rates);

        List<PaidGroup> byPlatform = new ArrayList<>();
        for (AdPlatform platform : AdPlatform.values()) {
            List<SpendRow> platformRows = rows.stream().filter(row -> row.platform() == platform).toList();
            if (!platformRows.isEmpty()) {
                List<Attribution.Credited> matched = credited.stream().filter(c -> c.platform() == platform).toList();
                byPlatform.add(new PaidGroup(platform.name(), null, matched.size(),
                        context.kpis(platformRows, matched)));
            }
        }

        Map<String, List<SpendRow>> campaigns = new LinkedHashMap<>();
        rows.forEach(row -> campaigns.computeIfAbsent(row.platform() + "/" + campaignLabel(row),
                key -> new ArrayList<>()).add(row));
        List<PaidGroup> byCampaign = new ArrayList<>();
        List<String> unmatchedSpend = new ArrayList<>();
        Set<Attribution.Credited> matchedAnywhere = new HashSet<>();
        for (List<SpendRow> campaignRows : campaigns.values()) {
            SpendRow first = campaignRows.get(0);
            List<Attribution.Credited> matched = credited.stream()
                    .filter(c -> Attribution.matches(first, c)).toList();
            matchedAnywhere.addAll(matched);
            if (matched.isEmpty()) {
                unmatchedSpend.add(first.platform() + " / " + campaignLabel(first));
            }
            byCampaign.add(new PaidGroup(first.platform().name(), campaignLabel(first), matched.size(),
                    context.kpis(campaignRows, matched)));
        }
        byCampaign.sort(Comparator.comparing(PaidMedia::costOf).reversed());

        Map<String, BigDecimal> unmatchedRevenue = new TreeMap<>(SessionTotals.of(credited.stream()
                .filter(c -> c.platform() != null && !matchedAnywhere.contains(c))
                .map(Attribution.Credited::session).toList(), history).revenue().sums());
        return new PaidReport(overall, PaidKpis.warnings(overall), byPlatform, byCampaign, unmatchedSpend,
                unmatchedRevenue, excluded, combined == null ? null : rates.currency(), combined);
    }

    private static String campaignLabel(SpendRow row) {
        return row.campaignName() != null ? row.campaignName() : row.campaignId() != null ? row.campaignId()
                : "(not set)";
    }

    private static BigDecimal costOf(PaidGroup group) {
        KpiValue cost = group.kpis().get("cost");
        if (cost.value() != null) {
            return cost.value();
        }
        return cost.byCurrency() == null ? BigDecimal.ZERO
                : cost.byCurrency().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Inputs every group's KPIs need besides its rows and sessions. */
    private record Context(VisitorHistory history, long rangeStartMicros) {

        Map<String, KpiValue> kpis(List<SpendRow> rows, List<Attribution.Credited> credited) {
            return PaidKpis.compute(totals(rows, credited));
        }

        PaidTotals totals(List<SpendRow> rows, List<Attribution.Credited> credited) {
            List<Session> sessions = credited.stream().map(Attribution.Credited::session).toList();
            SessionTotals tracked = SessionTotals.of(sessions, history);
            return new PaidTotals(
                    sumLong(rows, SpendRow::impressions), sumLong(rows, SpendRow::clicks),
                    rows.stream().allMatch(row -> row.reach() == null) ? null : sumLong(rows, SpendRow::reach),
                    byCurrency(rows, SpendRow::cost, row -> true),
                    byCurrency(rows, row -> decimal(row.impressions()), row -> row.cost() != null),
                    byCurrency(rows, row -> decimal(row.clicks()), row -> row.cost() != null),
                    byCurrency(rows, SpendRow::conversions, row -> true),
                    byCurrency(rows, SpendRow::conversionValue, row -> true),
                    tracked.conversions(), tracked.revenue().sums(), newCustomers(sessions),
                    tracked.lifetimeRevenue());
        }

        /** Buyers in these sessions whose first purchase ever falls on or after the range's start. */
        private long newCustomers(List<Session> sessions) {
            Map<String, Long> firstPurchase = new HashMap<>();
            for (Session session : sessions) {
                for (TrackedEvent purchase : session.purchases()) {
                    firstPurchase.merge(session.customerId(), purchase.timestampMicros(), Math::min);
                }
                if (firstPurchase.containsKey(session.customerId())) {
                    for (String id : session.customerIds()) {
                        for (Purchase earlier : history.purchasesOf(id)) {
                            firstPurchase.merge(session.customerId(), earlier.timestampMicros(), Math::min);
                        }
                    }
                }
            }
            return firstPurchase.values().stream().filter(micros -> micros >= rangeStartMicros).count();
        }

        private static long sumLong(List<SpendRow> rows, Function<SpendRow, Long> field) {
            return rows.stream().map(field).filter(value -> value != null).mapToLong(Long::longValue).sum();
        }

        /** Sums a field per currency of the row's cost; rows without a currency count under "(no currency)". */
        private static Map<String, BigDecimal> byCurrency(List<SpendRow> rows,
                Function<SpendRow, BigDecimal> field, Predicate<SpendRow> include) {
            Map<String, BigDecimal> sums = new TreeMap<>();
            for (SpendRow row : rows) {
                BigDecimal value = field.apply(row);
                if (value != null && include.test(row)) {
                    sums.merge(row.currency() == null ? NO_CURRENCY : row.currency(), value, BigDecimal::add);
                }
            }
            return sums;
        }

        private static BigDecimal decimal(Long value) {
            return value == null ? null : BigDecimal.valueOf(value);
        }
    }
}
