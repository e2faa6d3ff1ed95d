package com.campaignkpi.benchmark;

import com.campaignkpi.ingest.CampaignParams;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.ingest.TrackedEvent;
import com.campaignkpi.kpi.VisitorHistory;
import com.campaignkpi.property.Property;
import com.campaignkpi.visitor.Purchase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One UTC day of synthetic events of a web shop, as the events table would return them, and the visitor history
 * from before that day. The same size and seed always give the same events.
 *
 * <p>Each client has 1 to 4 visits more than 30 minutes apart, each a landing page view (direct, organic search,
 * newsletter, Google Ads, paid social or a referral) followed by page views, scrolls, product views, cart events and
 * searches; about 4 % of visits end in a purchase in USD or EUR, some of them sent twice, and a few sign up or leave
 * a lead. Most clients report {@code engagement_time_msec} as GA4 tags do; a fifth report none, as Universal
 * Analytics and Plausible do, so their sessions are measured from first to last event. 1 % of clients are crawlers.
 * No event carries a sender session id, so sessions come from the inactivity rule alone.
 *
 * @param events      every event of the day, grouped by client
 * @param history     first-seen times of all clients and purchases of returning customers before the day
 * @param startMicros the day's first microsecond
 * @param endMicros   the next day's first microsecond
 */
record SyntheticDay(List<TrackedEvent> events, VisitorHistory history, long startMicros, long endMicros) {

    static final LocalDate DAY = LocalDate.of(2026, 11, 17);
    static final Set<String> KEY_EVENTS = Property.DEFAULT_KEY_EVENTS;
    static final Duration SESSION_TIMEOUT = Property.DEFAULT_SESSION_TIMEOUT;
    static final long SEED = 20261117L;

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY_MICROS = 24 * HOUR;
    private static final String SITE = "https://shop.example";
    private static final String[] PAGES = {"/tea", "/tea/green", "/tea/black", "/teaware", "/gifts", "/blog/brewing",
        "/product/sencha", "/product/assam", "/product/teapot", "/about"};
    private static final String[] SEARCH_TERMS = {"green tea", "matcha", "teapot", "gift box", "oolong"};
    private static final String[] DEVICES = {"desktop", "mobile", "mobile", "tablet"};

    /** Generates {@code eventCount} events with {@link #SEED}. */
    static SyntheticDay generate(int eventCount) {
        return generate(eventCount, SEED);
    }

    static SyntheticDay generate(int eventCount, long seed) {
        if (eventCount < 1) {
            throw new IllegalArgumentException("eventCount must be at least 1, was " + eventCount);
        }
        long dayStart = EpochMicros.of(DAY.atStartOfDay(ZoneOffset.UTC).toInstant());
        Generator generator = new Generator(new Random(seed), eventCount, dayStart, dayStart + DAY_MICROS);
        generator.run();
        VisitorHistory history = new VisitorHistory(generator.firstSeen, generator.pastPurchases,
                dayStart + DAY_MICROS);
        return new SyntheticDay(List.copyOf(generator.events), history, dayStart, dayStart + DAY_MICROS);
    }

    /** One client of the day and what stays the same across its visits. */
    private record Visitor(String clientId, String userId, String device, boolean reportsEngagement, boolean bot) {
    }

    /** The mutable state of one generation run. */
    private static final class Generator {
        final Random random;
        final int eventCount;
        final long dayStart;
        final long dayEnd;
        final List<TrackedEvent> events;
        final Map<String, Long> firstSeen = new HashMap<>();
        final Map<String, List<Purchase>> pastPurchases = new HashMap<>();
        long nextEventNumber;
        long nextTransactionNumber;

        Generator(Random random, int eventCount, long dayStart, long dayEnd) {
            this.random = random;
            this.eventCount = eventCount;
            this.dayStart = dayStart;
            this.dayEnd = dayEnd;
            this.events = new ArrayList<>(eventCount);
        }

        void run() {
            for (int client = 0; events.size() < eventCount; client++) {
                Visitor visitor = visitor(client);
                int firstEvent = events.size();
                long time = dayStart + (long) (random.nextDouble() * 22 * HOUR);
                int visits = visitCount();
                for (int visit = 0; visit < visits && time < dayEnd - HOUR && events.size() < eventCount; visit++) {
                    time = visit(visitor, time);
                    // More than the 30-minute timeout, so the next visit is a session of its own.
                    time += 30 * MINUTE + SECOND + (long) (random.nextDouble() * 4 * HOUR);
                }
                if (events.size() > firstEvent) {
                    recordHistory(visitor, events.get(firstEvent).timestampMicros());
                }
            }
        }

        private Visitor visitor(int client) {
            String clientId = (1_000_000_000L + client * 7919L) + "." + (1_700_000_000L + client);
            boolean bot = random.nextDouble() < 0.01;
            String userId = !bot && random.nextDouble() < 0.15 ? "customer-" + client : null;
            return new Visitor(clientId, userId, DEVICES[random.nextInt(DEVICES.length)],
                    !bot && random.nextDouble() < 0.8, bot);
        }

        private int visitCount() {
            double draw = random.nextDouble();
            if (draw < 0.6) {
                return 1;
            }
            if (draw < 0.85) {
                return 2;
            }
            return draw < 0.95 ? 3 : 4;
        }

        /** Adds one visit's events from {@code start} on and returns the time of its last event. */
        private long visit(Visitor visitor, long start) {
            long time = start;
            Landing landing = landing();
            String page = SITE + PAGES[random.nextInt(PAGES.length)];
            long engagedMsec = 0;
            add(visitor, "page_view", time, page + landing.query, landing.referrer, landing.campaign,
                    landing.clickIds, null, null, false, null, null, null, Map.of());

            int pageViews = visitor.bot ? 3 + random.nextInt(10) : pageViewCount();
            for (int view = 1; view < pageViews && time < dayEnd; view++) {
                String previous = page;
                page = SITE + PAGES[random.nextInt(PAGES.length)];
                time += pause(visitor);
                Long engagement = engagementMsec(visitor);
                engagedMsec += engagement == null ? 0 : engagement;
                add(visitor, "page_view", time, page, previous, CampaignParams.NONE, Map.of(), engagement,
                        engaged(visitor, engagedMsec), false, null, null, null, Map.of());
                time = browse(visitor, time, page);
            }
            if (visitor.bot) {
                return time;
            }
            if (random.nextDouble() < 0.04) {
                time = purchase(visitor, time, page);
            }
            if (random.nextDouble() < 0.01) {
                time += pause(visitor);
                add(visitor, "sign_up", time, page, null, CampaignParams.NONE, Map.of(), null, null, false, null,
                        null, null, Map.of("method", "email"));
            }
            if (random.nextDouble() < 0.015) {
                time += pause(visitor);
                add(visitor, "generate_lead", time, page, null, CampaignParams.NONE, Map.of(), null, null, false,
                        null, null, null, Map.of("form_id", "wholesale"));
            }
            if (visitor.reportsEngagement && random.nextDouble() < 0.5) {
                time += pause(visitor);
                Long engagement = engagementMsec(visitor);
                engagedMsec += engagement;
                add(visitor, "user_engagement", time, page, null, CampaignParams.NONE, Map.of(), engagement,
                        engaged(visitor, engagedMsec), false, null, null, null, Map.of());
            }
            return time;
        }

        /** Adds the events a visitor may send on one page besides the page view. */
        private long browse(Visitor visitor, long time, String page) {
            double draw = random.nextDouble();
            if (draw < 0.2) {
                time += pause(visitor);
                // Universal Analytics senders mark scroll tracking as a non-interaction hit.
                add(visitor, "scroll", time, page, null, CampaignParams.NONE, Map.of(), engagementMsec(visitor),
                        null, !visitor.reportsEngagement, null, null, null, Map.of("percent_scrolled", "90"));
            } else if (draw < 0.35) {
                time += pause(visitor);
                add(visitor, "view_item", time, page, null, CampaignParams.NONE, Map.of(), null, null, false, null,
                        null, null, Map.of("item_list_name", "catalogue"));
            } else if (draw < 0.43) {
                time += pause(visitor);
                add(visitor, "add_to_cart", time, page, null, CampaignParams.NONE, Map.of(), null, null, false,
                        null, null, null, Map.of());
            } else if (draw < 0.46) {
                time += pause(visitor);
                add(visitor, "search", time, page, null, CampaignParams.NONE, Map.of(), null, null, false, null,
                        null, null, Map.of("search_term", SEARCH_TERMS[random.nextInt(SEARCH_TERMS.length)]));
            }
            return time;
        }

        /** Adds a checkout and a purchase, sent twice in 5 % of cases as a reloaded thank-you page does. */
        private long purchase(Visitor visitor, long time, String page) {
            time += pause(visitor);
            add(visitor, "begin_checkout", time, SITE + "/checkout", page, CampaignParams.NONE, Map.of(), null, null,
                    false, null, null, null, Map.of());
            BigDecimal value = BigDecimal.valueOf(500 + random.nextInt(24_500), 2);
            String currency = random.nextDouble() < 0.8 ? "USD" : "EUR";
            String transactionId = "T" + (nextTransactionNumber++);
            int sends = random.nextDouble() < 0.05 ? 2 : 1;
            for (int send = 0; send < sends; send++) {
                time += SECOND + random.nextInt(3) * SECOND;
                add(visitor, "purchase", time, SITE + "/thank-you", SITE + "/checkout", CampaignParams.NONE,
                        Map.of(), null, null, false, value, currency, transactionId, Map.of());
            }
            return time;
        }

        /** Records the client's first-seen time, before the day for 30 % of them, and earlier purchases of some. */
        private void recordHistory(Visitor visitor, long firstEventMicros) {
            if (visitor.bot || random.nextDouble() >= 0.3) {
                firstSeen.put(visitor.clientId, firstEventMicros);
                return;
            }
            long earlier = dayStart - (1 + random.nextInt(60)) * DAY_MICROS;
            firstSeen.put(visitor.clientId, earlier);
            if (random.nextDouble() < 0.2) {
                String customer = visitor.userId != null ? visitor.userId : visitor.clientId;
                List<Purchase> purchases = new ArrayList<>();
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    purchases.add(new Purchase("P" + (nextTransactionNumber++), earlier + i * HOUR,
                            BigDecimal.valueOf(500 + random.nextInt(24_500), 2),
                            random.nextDouble() < 0.8 ? "USD" : "EUR"));
                }
                pastPurchases.put(customer, purchases);
            }
        }

        /** Traffic source of a visit's landing page: its query, referrer, campaign fields and click ids. */
        private record Landing(String query, String referrer, CampaignParams campaign, Map<String, String> clickIds) {
        }

        private Landing landing() {
            double draw = random.nextDouble();
            if (draw < 0.35) {
                return new Landing("", null, CampaignParams.NONE, Map.of());
            }
            if (draw < 0.60) {
                return new Landing("", "https://www.google.com/", CampaignParams.NONE, Map.of());
            }
            if (draw < 0.65) {
                return new Landing("", "https://www.bing.com/", CampaignParams.NONE, Map.of());
            }
            if (draw < 0.75) {
                return new Landing("?utm_source=newsletter&utm_medium=email&utm_campaign=black_friday", null,
                        new CampaignParams("newsletter", "email", "black_friday", null, null, null), Map.of());
            }
            if (draw < 0.85) {
                String gclid = "Cj0KCQiA" + Long.toHexString(random.nextLong());
                return new Landing("?gclid=" + gclid, "https://www.google.com/", CampaignParams.NONE,
                        Map.of("gclid", gclid));
            }
            if (draw < 0.93) {
                return new Landing("?utm_source=facebook&utm_medium=paid_social&utm_campaign=winter_sale",
                        "https://m.facebook.com/", new CampaignParams("facebook", "paid_social", "winter_sale", null,
                        null, null), Map.of());
            }
            return new Landing("", "https://blog.example.org/best-teas", CampaignParams.NONE, Map.of());
        }

        private int pageViewCount() {
            double draw = random.nextDouble();
            if (draw < 0.4) {
                return 1;
            }
            return draw < 0.65 ? 2 : 3 + random.nextInt(6);
        }

        /** Time between two events of a visit: mostly seconds to minutes, sometimes up to 29 minutes. */
        private long pause(Visitor visitor) {
            if (visitor.bot) {
                return SECOND + random.nextInt(2) * SECOND;
            }
            if (random.nextDouble() < 0.03) {
                return 10 * MINUTE + (long) (random.nextDouble() * 19 * MINUTE);
            }
            return 2 * SECOND + (long) (random.nextDouble() * 4 * MINUTE);
        }

        private Long engagementMsec(Visitor visitor) {
            return visitor.reportsEngagement ? 500L + random.nextInt(20_000) : null;
        }

        /** GA4 tags send {@code session_engaged} once a visit has over 10 s of engagement. */
        private Boolean engaged(Visitor visitor, long engagedMsec) {
            return visitor.reportsEngagement && engagedMsec > 10_000 ? Boolean.TRUE : null;
        }

        private void add(Visitor visitor, String name, long time, String pageLocation, String pageReferrer,
                CampaignParams campaign, Map<String, String> clickIds, Long engagementMsec, Boolean sessionEngaged,
                boolean nonInteraction, BigDecimal value, String currency, String transactionId,
                Map<String, String> params) {
            if (events.size() >= eventCount || time >= dayEnd) {
                return;
            }
            String itemsJson = value == null ? null
                    : "[{\"item_id\":\"SKU-" + random.nextInt(100) + "\",\"price\":" + value.toPlainString()
                    + ",\"quantity\":1}]";
            TrackedEvent event = new TrackedEvent("id:ev-" + (nextEventNumber++), name, time, visitor.clientId,
                    visitor.userId, null, null, pageLocation, pageReferrer, null, campaign, clickIds, engagementMsec,
                    sessionEngaged, nonInteraction, visitor.device, value, currency, transactionId, itemsJson,
                    params);
            events.add(event.withBot(visitor.bot));
        }
    }
}
