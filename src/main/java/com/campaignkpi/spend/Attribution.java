package com.campaignkpi.spend;

import com.campaignkpi.session.Session;
import com.campaignkpi.traffic.DefaultChannelGroup;
import com.campaignkpi.traffic.TrafficSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Credits sessions to ad platforms and campaigns by last non-direct click, GA4's default: a direct session takes the
 * traffic source of the same client's latest earlier non-direct session in the range.
 */
final class Attribution {

    /** A session with the platform and campaign it is credited to; platform is null for unpaid traffic. */
    record Credited(Session session, AdPlatform platform, String campaign, String campaignId) {
    }

    private static final Set<String> META_SOURCES = Set.of("facebook", "fb", "ig", "instagram", "meta",
            "facebook.com", "m.facebook.com", "l.facebook.com", "lm.facebook.com", "instagram.com", "l.instagram.com");

    private static final Set<DefaultChannelGroup> PAID_CHANNELS = EnumSet.of(DefaultChannelGroup.CROSS_NETWORK,
            DefaultChannelGroup.PAID_SHOPPING, DefaultChannelGroup.PAID_SEARCH, DefaultChannelGroup.PAID_SOCIAL,
            DefaultChannelGroup.PAID_VIDEO, DefaultChannelGroup.DISPLAY, DefaultChannelGroup.PAID_OTHER);

    private Attribution() {
    }

    static List<Credited> credit(List<Session> sessions) {
        List<Session> ordered = new ArrayList<>(sessions);
        ordered.sort(Comparator.comparingLong(Session::startMicros));
        Map<String, TrafficSource> lastNonDirect = new HashMap<>();
        List<Credited> credited = new ArrayList<>();
        for (Session session : ordered) {
            TrafficSource source = session.trafficSource();
            if (isDirect(source)) {
                source = lastNonDirect.getOrDefault(session.clientId(), source);
            } else {
                lastNonDirect.put(session.clientId(), source);
            }
            credited.add(new Credited(session, platformOf(source), source.campaign(), source.campaignId()));
        }
        return credited;
    }

    /** Google Ads for paid Google traffic (gclid resolves to google / cpc), Meta for paid Facebook or Instagram. */
    static AdPlatform platformOf(TrafficSource source) {
        if (!PAID_CHANNELS.contains(source.channelGroup())) {
            return null;
        }
        String name = source.source().toLowerCase(Locale.ROOT);
        if (name.equals("google") || name.equals("adwords") || name.startsWith("google.")) {
            return AdPlatform.GOOGLE_ADS;
        }
        if (META_SOURCES.contains(name)) {
            return AdPlatform.META_ADS;
        }
        return AdPlatform.OTHER;
    }

    /** Tells whether a spend row's campaign is the one a session was credited to: by id, else by name. */
    static boolean matches(SpendRow row, Credited credited) {
        if (credited.platform() != row.platform()) {
            return false;
        }
        if (row.campaignId() != null && row.campaignId().equals(credited.campaignId())) {
            return true;
        }
        return row.campaignName() != null && credited.campaign() != null
                && row.campaignName().equalsIgnoreCase(credited.campaign());
    }

    private static boolean isDirect(TrafficSource source) {
        return source.channelGroup() == DefaultChannelGroup.DIRECT;
    }
}
