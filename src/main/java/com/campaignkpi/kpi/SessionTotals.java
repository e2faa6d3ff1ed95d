package com.campaignkpi.kpi;

import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.session.Session;
import com.campaignkpi.visitor.Purchase;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The counts and sums every KPI is built from, over one set of sessions (a whole range or one group of it).
 *
 * @param engagementMsec         engagement time of all sessions, milliseconds
 * @param convertingSessions     sessions with at least one key event
 * @param convertingUsers        users with at least one key event
 * @param transactions           distinct transactions, with or without a value
 * @param revenue                revenue of distinct transactions per currency, over the transactions with a value
 * @param buyers                 distinct customers with a purchase in these sessions
 * @param lifetimeRevenue        what those buyers spent up to the range's end, per currency, over the buyers who
 *                               spent in that currency
 */
public record SessionTotals(
        long sessions,
        long engagedSessions,
        long singleInteractionSessions,
        long engagementMsec,
        long pageViews,
        long users,
        long newUsers,
        long returningUsers,
        long conversions,
        long convertingSessions,
        long convertingUsers,
        long transactions,
        MoneyTotals revenue,
        long buyers,
        MoneyTotals lifetimeRevenue) {

    public static SessionTotals of(Collection<Session> sessions, VisitorHistory history) {
        long engaged = 0;
        long single = 0;
        long engagementMsec = 0;
        long pageViews = 0;
        long conversions = 0;
        long convertingSessions = 0;
        Set<String> users = new HashSet<>();
        Set<String> newUsers = new HashSet<>();
        Set<String> returningUsers = new HashSet<>();
        Set<String> convertingUsers = new HashSet<>();
        Map<String, Purchase> transactions = new HashMap<>();
        Map<String, Map<String, Purchase>> purchasesByBuyer = new HashMap<>();
        Map<String, Set<String>> idsByBuyer = new HashMap<>();

        for (Session session : sessions) {
            engaged += session.engaged() ? 1 : 0;
            single += session.singleInteraction() ? 1 : 0;
            engagementMsec += session.engagementTimeMsec();
            pageViews += session.pageViews();
            conversions += session.keyEvents();
            users.add(session.clientId());
            (history.isFirstSession(session) ? newUsers : returningUsers).add(session.clientId());
            if (session.keyEvents() > 0) {
                convertingSessions++;
                convertingUsers.add(session.clientId());
            }
            for (TrackedEvent event : session.purchases()) {
                Purchase purchase = toPurchase(event);
                transactions.putIfAbsent(purchase.transactionKey(), purchase);
                purchasesByBuyer.computeIfAbsent(session.customerId(), id -> new HashMap<>())
                        .putIfAbsent(purchase.transactionKey(), purchase);
                idsByBuyer.computeIfAbsent(session.customerId(), id -> new HashSet<>())
                        .addAll(session.customerIds());
            }
        }

        return new SessionTotals(sessions.size(), engaged, single, engagementMsec, pageViews, users.size(),
                newUsers.size(), returningUsers.size(), conversions, convertingSessions, convertingUsers.size(),
                transactions.size(), revenue(transactions.values()), purchasesByBuyer.size(),
                lifetimeRevenue(purchasesByBuyer, idsByBuyer, history));
    }

    /** Returns the transaction id, or the event id for a purchase without one (then each event is a transaction). */
    static String transactionKey(TrackedEvent purchase) {
        return purchase.transactionId() != null ? purchase.transactionId() : purchase.eventId();
    }

    private static Purchase toPurchase(TrackedEvent event) {
        return new Purchase(transactionKey(event), event.timestampMicros(), event.value(), event.currency());
    }

    private static MoneyTotals revenue(Collection<Purchase> transactions) {
        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (Purchase purchase : transactions) {
            if (purchase.value() != null && purchase.currency() != null) {
                sums.merge(purchase.currency(), purchase.value(), BigDecimal::add);
                counts.merge(purchase.currency(), 1L, Long::sum);
            }
        }
        return new MoneyTotals(sums, counts);
    }

    /**
     * Sums each buyer's stored purchases before the range's end, together with the range's own purchases in case the
     * history lags behind, each transaction once. The history is looked up under each id the buyer had (client id
     * and user ids). A buyer counts once in each currency they spent in.
     */
    private static MoneyTotals lifetimeRevenue(Map<String, Map<String, Purchase>> purchasesByBuyer,
            Map<String, Set<String>> idsByBuyer, VisitorHistory history) {
        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, Long> buyers = new HashMap<>();
        purchasesByBuyer.forEach((buyer, inRange) -> {
            Map<String, Purchase> lifetime = new HashMap<>(inRange);
            for (String id : idsByBuyer.get(buyer)) {
                for (Purchase purchase : history.purchasesOf(id)) {
                    if (purchase.timestampMicros() < history.rangeEndMicros()) {
                        lifetime.putIfAbsent(purchase.transactionKey(), purchase);
                    }
                }
            }
            Set<String> currencies = new HashSet<>();
            for (Purchase purchase : lifetime.values()) {
                if (purchase.value() != null && purchase.currency() != null) {
                    sums.merge(purchase.currency(), purchase.value(), BigDecimal::add);
                    currencies.add(purchase.currency());
                }
            }
            currencies.forEach(currency -> buyers.merge(currency, 1L, Long::sum));
        });
        return new MoneyTotals(sums, buyers);
    }
}
