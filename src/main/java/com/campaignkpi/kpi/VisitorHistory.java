package com.campaignkpi.kpi;

import com.campaignkpi.session.Session;
import com.campaignkpi.visitor.Purchase;
import java.util.List;
import java.util.Map;

/**
 * History of the range's visitors from outside their sessions in the range.
 *
 * @param firstSeenMicros earliest stored event time per client id
 * @param purchases       every stored purchase per customer id
 * @param rangeEndMicros  end of the range (exclusive); lifetime value counts purchases before it
 */
public record VisitorHistory(Map<String, Long> firstSeenMicros, Map<String, List<Purchase>> purchases,
        long rangeEndMicros) {

    public static final VisitorHistory NONE = new VisitorHistory(Map.of(), Map.of(), Long.MAX_VALUE);

    /**
     * Tells whether {@code session} is its client's first: by the sender's session number when it sends one, else by
     * the absence of any event of the client stored before the session started.
     */
    public boolean isFirstSession(Session session) {
        if (session.sessionNumber() != null) {
            return session.sessionNumber() == 1;
        }
        Long firstSeen = firstSeenMicros.get(session.clientId());
        return firstSeen == null || firstSeen >= session.startMicros();
    }

    public List<Purchase> purchasesOf(String customerId) {
        return purchases.getOrDefault(customerId, List.of());
    }
}
