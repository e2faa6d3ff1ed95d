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
import java.util.TreeMap;

/**
 * The counts and sums every KPI is built from, over one set of sessions (a whole range or one group of it).
 *
 * @param engagementMsec         engagement time of all sessions, milliseconds
 * @param convertingSessions     sessions with at least one key event
 * @param convertingUsers        users with at least one key event
 * @param revenueByCurrency      revenue of distinct transactions per ISO 4217 code
 * @param buyers                 distinct customers with a purchase in these sessions
 * @param lifetimeRevenueByCurrency what those buyers spent up to the range's end, per currency
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
        Map<String, BigDecimal> revenueByCurrency,
        long buyers,
        Map<String, BigDecimal> lifetimeRevenueByCurrency) {

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
        Set<String> buyers = new HashSet<>();

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
            for (TrackedEvent purchase : session.purchases()) {
                transactions.putIfAbsent(transactionKey(purchase), toPurchase(purchase));
                buyers.add(session.customerId());
            }
        }

        return new SessionTotals(sessions.size(), engaged, single, engagementMsec, pageViews, users.size(),
                newUsers.size(), returningUsers.size(), conversions, convertingSessions, convertingUsers.size(),
                transactions.size(), sumByCurrency(transactions.values()), buyers.size(),
                lifetimeRevenue(buyers, transactions, history));
    }

    /** Returns the transaction id, or the event id for a purchase without one (then each event is a transaction). */
    static String transactionKey(TrackedEvent purchase) {
        return purchase.transactionId() != null ? purchase.transactionId() : purchase.eventId();
    }

    private static Purchase toPurchase(TrackedEvent event) {
        return new Purchase(transactionKey(event), event.timestampMicros(), event.value(), event.currency());
    }

    /**
     * Sums each buyer's stored purchases before the range's end, together with the range's own purchases in case the
     * history lags behind, each transaction once.
     */
    private static Map<String, BigDecimal> lifetimeRevenue(Set<String> buyers, Map<String, Purchase> inRange,
            VisitorHistory history) {
        Map<String, Purchase> lifetime = new HashMap<>(inRange);
        for (String buyer : buyers) {
            for (Purchase purchase : history.purchasesOf(buyer)) {
                if (purchase.timestampMicros() < history.rangeEndMicros()) {
                    lifetime.putIfAbsent(purchase.transactionKey(), purchase);
                }
            }
        }
        return sumByCurrency(lifetime.values());
    }

    private static Map<String, BigDecimal> sumByCurrency(Collection<Purchase> purchases) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Purchase purchase : purchases) {
            if (purchase.value() != null && purchase.currency() != null) {
                sums.merge(purchase.currency(), purchase.value(), BigDecimal::add);
            }
        }
        return sums;
    }
}
