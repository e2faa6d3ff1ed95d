package com.campaignkpi.kpi;

import static com.campaignkpi.kpi.KpiDirection.HIGHER;
import static com.campaignkpi.kpi.KpiDirection.LOWER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every KPI of a snapshot, written down once: id, unit, numerator, denominator, definition and the Persian name and
 * meaning shown to marketers. Snapshots list their KPIs in this order.
 */
public final class KpiRegistry {

    /** GA4 sessions and engaged sessions: 30-minute timeout; engaged = over 10 s, a key event or 2+ page views. */
    static final String GA4_SESSION = "support.google.com/analytics/answer/12798876";
    static final String CLASSIC_BOUNCE = "Universal Analytics, Plausible and Matomo: a visit with one interaction";
    static final String PRODUCT = "this product's definition";
    static final String PLATFORM = "the ad platform's export";
    static final String CRAWLER_LIST = "user agents on the crawler-user-agents list (github.com/monperrus/"
            + "crawler-user-agents), bundled in bots/crawler-user-agents.json";

    private static final List<KpiDefinition> DEFINITIONS = List.of(
            new KpiDefinition("sessions", "Sessions", HIGHER, KpiUnit.COUNT, "sessions that started in the range", null,
                    "Visits: the sender's session id, or a 30-minute inactivity gap, per client; a session counts on "
                            + "the day it starts.", GA4_SESSION,
                    "نشست‌ها", "تعداد بازدیدها؛ هر بازدید با ۳۰ دقیقه بی‌فعالیتی تمام می‌شود."),
            new KpiDefinition("engaged_sessions", "Engaged sessions", HIGHER,
                    KpiUnit.COUNT, "sessions longer than 10 s, with a key event or with "
                    + "2+ page views", null, "Sessions in which the visitor did something.", GA4_SESSION,
                    "نشست‌های درگیر", "بازدیدهایی که بیش از ۱۰ ثانیه طول کشید، یا تبدیل داشت، یا دست‌کم ۲ صفحه دید."),
            new KpiDefinition("engagement_rate", "Engagement rate", HIGHER,
                    KpiUnit.RATIO, "engaged_sessions", "sessions",
                    "Share of sessions that were engaged.", GA4_SESSION,
                    "نرخ تعامل", "چه سهمی از بازدیدها واقعاً با سایت درگیر شدند."),
            new KpiDefinition("bounce_rate", "Bounce rate", LOWER,
                    KpiUnit.RATIO, "(sessions - engaged_sessions)", "sessions",
                    "1 - engagement rate: share of sessions that were not engaged (GA4's bounce rate).", GA4_SESSION,
                    "نرخ پرش", "سهم بازدیدهایی که درگیر نشدند (یک منهای نرخ تعامل، تعریف GA4)."),
            new KpiDefinition("single_page_bounce_rate", "Single-page bounce rate", LOWER,
                    KpiUnit.RATIO, "sessions with exactly one interaction event",
                    "sessions", "Classic bounce rate: share of sessions with a single interaction event.",
                    CLASSIC_BOUNCE, "نرخ پرش کلاسیک",
                    "سهم بازدیدهایی که فقط یک تعامل داشتند؛ همان تعریف Universal Analytics و Plausible."),
            new KpiDefinition("average_engagement_time", "Average engagement time", HIGHER,
                    KpiUnit.SECONDS, "engagement time of all sessions, in "
                    + "seconds", "sessions", "Mean engagement time per session: reported engagement_time_msec, or "
                    + "first-to-last event time when a sender reports none.", GA4_SESSION,
                    "میانگین زمان تعامل", "به‌طور میانگین هر بازدید چند ثانیه با سایت درگیر بود."),
            new KpiDefinition("page_views", "Page views", HIGHER,
                    KpiUnit.COUNT, "page_view and screen_view events", null,
                    "Pages and screens viewed in the range's sessions.", PRODUCT,
                    "بازدید صفحه", "تعداد دفعاتی که صفحه‌ها یا صفحه‌های اپ دیده شدند."),
            new KpiDefinition("users", "Users", HIGHER,
                    KpiUnit.COUNT, "distinct client ids with a session in the range", null,
                    "Visitors (browsers or app instances).", PRODUCT,
                    "کاربران", "تعداد بازدیدکنندگان متمایز (مرورگر یا نصب اپ)."),
            new KpiDefinition("new_users", "New users", HIGHER,
                    KpiUnit.COUNT, "users whose first session ever is in the range", null,
                    "First session: session number 1 when the sender counts sessions, else no earlier event stored.",
                    PRODUCT, "کاربران جدید", "بازدیدکنندگانی که نخستین بار در این بازه آمدند."),
            new KpiDefinition("returning_users", "Returning users", HIGHER,
                    KpiUnit.COUNT, "users with a session in the range that is not their "
                    + "first", null, "Session number above 1, or an event stored before the session.", PRODUCT,
                    "کاربران بازگشتی", "بازدیدکنندگانی که پیش‌تر هم آمده بودند و دوباره برگشتند."),
            new KpiDefinition("return_rate", "Return rate", HIGHER, KpiUnit.RATIO, "returning_users", "users",
                    "Share of users who came back.", PRODUCT,
                    "نرخ بازگشت", "چه سهمی از کاربران، بازدیدکننده‌ی تکراری بودند."),
            new KpiDefinition("conversions", "Conversions", HIGHER,
                    KpiUnit.COUNT, "key events (the property's list; purchase, sign_up, "
                    + "generate_lead by default)", null, "Key events in the range's sessions.",
                    "support.google.com/analytics/answer/13128484", "تبدیل‌ها",
                    "تعداد رویدادهای کلیدی مثل خرید، ثبت‌نام یا ثبت سرنخ."),
            new KpiDefinition("session_conversion_rate", "Session conversion rate", HIGHER,
                    KpiUnit.RATIO, "sessions with a key event", "sessions",
                    "Share of sessions that converted.", PRODUCT,
                    "نرخ تبدیل نشست", "چه سهمی از بازدیدها به تبدیل رسید."),
            new KpiDefinition("user_conversion_rate", "User conversion rate", HIGHER,
                    KpiUnit.RATIO, "users with a key event", "users",
                    "Share of users who converted.", PRODUCT,
                    "نرخ تبدیل کاربر", "چه سهمی از کاربران دست‌کم یک بار تبدیل داشتند."),
            new KpiDefinition("transactions", "Transactions", HIGHER,
                    KpiUnit.COUNT, "distinct transaction ids of purchase events", null,
                    "Purchases; a transaction id sent twice counts once.", PRODUCT,
                    "تراکنش‌ها", "تعداد سفارش‌های ثبت‌شده؛ سفارش تکراری یک بار شمرده می‌شود."),
            new KpiDefinition("revenue", "Revenue", HIGHER, KpiUnit.CURRENCY, "value of the range's transactions", null,
                    "Purchase revenue as sent (GA4's purchase value, tax and shipping included when the site "
                            + "includes them); never summed across currencies.", PRODUCT,
                    "درآمد", "مجموع مبلغ سفارش‌ها؛ ارزهای مختلف با هم جمع نمی‌شوند."),
            new KpiDefinition("aov", "Average order value (AOV)", HIGHER,
                    KpiUnit.CURRENCY, "revenue", "transactions with a value",
                    "Average order value, within one currency.", PRODUCT,
                    "میانگین ارزش سفارش", "به‌طور میانگین هر سفارش چقدر می‌ارزد."),
            new KpiDefinition("clv", "Customer lifetime value (CLV)", HIGHER,
                    KpiUnit.CURRENCY, "revenue to the range's end of the customers who bought in "
                    + "the range", "customers who bought in the range", "Historical customer lifetime value: what "
                    + "the range's buyers have spent so far, per buyer, within one currency.", PRODUCT,
                    "ارزش طول عمر مشتری", "هر مشتریِ این بازه تا امروز روی هم چقدر خرید کرده است."));

    /**
     * KPIs of the traffic that the behaviour KPIs leave out. Fewer bot sessions is better, because they cost
     * capacity and bring no customers. {@link #find} does not return them, so no goal can be set on them.
     */
    private static final List<KpiDefinition> BOT_DEFINITIONS = List.of(
            new KpiDefinition("bot_sessions", "Bot sessions", LOWER, KpiUnit.COUNT,
                    "sessions that started in the range with an event from a bot user agent", null,
                    "Sessions of crawlers, bots and HTTP libraries, known by their user agent. The other KPIs leave "
                            + "them out unless the snapshot request sets includeBots.", CRAWLER_LIST,
                    "ترافیک ربات", "بازدیدهای خزنده‌ها و ربات‌ها که از روی شناسه‌ی مرورگرشان (user agent) شناخته "
                            + "شدند؛ شاخص‌های دیگر این بازدیدها را نمی‌شمارند."));

    /** Brand KPIs, computed from site searches and imported search terms when the property names brand terms. */
    private static final List<KpiDefinition> BRAND_DEFINITIONS = List.of(
            new KpiDefinition("branded_searches", "Branded searches", HIGHER, KpiUnit.COUNT, "branded_site_searches + "
                    + "branded_paid_impressions", null, "Searches for the brand: site searches and paid search "
                    + "impressions whose search term contains one of the property's brand terms.", PRODUCT,
                    "جستجوهای نام برند", "چند بار مردم نام برند شما را جستجو کردند: در سایت خودتان و در جستجوهایی "
                    + "که تبلیغ شما را نشان داد."),
            new KpiDefinition("branded_site_searches", "Branded site searches", HIGHER,
                    KpiUnit.COUNT, "search and view_search_results events whose "
                    + "search_term contains a brand term", null, "Site searches for the brand.", PRODUCT,
                    "جستجوی برند در سایت", "جستجوهای داخل سایت که نام برند را داشتند."),
            new KpiDefinition("branded_paid_impressions", "Branded paid impressions", HIGHER,
                    KpiUnit.COUNT, "impressions of imported search-term rows "
                    + "whose term contains a brand term", null, "Paid search impressions on brand terms.",
                    PLATFORM, "نمایش تبلیغ روی جستجوی برند", "نمایش‌های تبلیغ در جستجوهایی که نام برند را داشتند."));

    /** Paid-media KPIs of a snapshot's {@code paid} section, in the order it lists them. */
    private static final List<KpiDefinition> PAID_DEFINITIONS = List.of(
            new KpiDefinition("impressions", "Impressions", HIGHER,
                    KpiUnit.COUNT, "impressions of the spend rows", null,
                    "Times the ads were shown.", PLATFORM, "نمایش‌ها", "چند بار تبلیغ‌ها به مخاطب نشان داده شد."),
            new KpiDefinition("clicks", "Clicks", HIGHER, KpiUnit.COUNT, "clicks of the spend rows", null,
                    "Clicks on the ads (link clicks for Meta).", PLATFORM, "کلیک‌ها", "چند بار روی تبلیغ کلیک شد."),
            new KpiDefinition("reach", "Reach", HIGHER, KpiUnit.COUNT, "sum of the rows' reach", null,
                    "People reached; a person reached by two campaigns counts twice.", PLATFORM, "دسترسی",
                    "چند نفر دست‌کم یک بار تبلیغ را دیدند."),
            new KpiDefinition("cost", "Cost", LOWER, KpiUnit.CURRENCY, "cost of the spend rows, per currency", null,
                    "Ad spend.", PLATFORM, "هزینه", "مبلغی که برای تبلیغ پرداخت شد."),
            new KpiDefinition("ctr", "Click-through rate (CTR)", HIGHER,
                    KpiUnit.RATIO, "clicks", "impressions", "Click-through rate.", PLATFORM,
                    "نرخ کلیک", "از هر صد نمایش تبلیغ، چند کلیک گرفت."),
            new KpiDefinition("cpc", "Cost per click (CPC)", LOWER,
                    KpiUnit.CURRENCY, "cost", "clicks", "Cost per click, within one currency.",
                    PLATFORM, "هزینه هر کلیک", "هر کلیک به‌طور میانگین چقدر خرج برداشت."),
            new KpiDefinition("cpm", "Cost per mille (CPM)", LOWER, KpiUnit.CURRENCY, "cost × 1,000", "impressions",
                    "Cost per thousand impressions.", PLATFORM, "هزینه هر هزار نمایش",
                    "هزار بار نمایش تبلیغ چقدر هزینه داشت."),
            new KpiDefinition("platform_conversions", "Platform conversions", HIGHER,
                    KpiUnit.COUNT, "conversions the platforms reported", null,
                    "Conversions by the ad platform's own count and attribution.", PLATFORM, "تبدیل‌های پلتفرم",
                    "تبدیل‌هایی که خود گوگل یا متا گزارش کرده‌اند."),
            new KpiDefinition("cpa", "Cost per acquisition (CPA)", LOWER,
                    KpiUnit.CURRENCY, "cost", "platform conversions",
                    "Cost per acquisition by the platform's conversions.", PLATFORM, "هزینه هر تبدیل",
                    "برای هر خرید یا ثبت‌نام چقدر تبلیغ پرداخت شد."),
            new KpiDefinition("tracked_conversions", "Tracked conversions", HIGHER,
                    KpiUnit.COUNT, "key events of the sessions credited to the "
                    + "spend", null, "Conversions this product tracked and credited to the spend.", PRODUCT,
                    "تبدیل‌های ردیابی‌شده", "تبدیل‌هایی که این سامانه خودش دید و به تبلیغ نسبت داد."),
            new KpiDefinition("tracked_cpa", "Tracked CPA", LOWER, KpiUnit.CURRENCY, "cost", "tracked conversions",
                    "Cost per tracked conversion.", PRODUCT, "هزینه هر تبدیل ردیابی‌شده",
                    "هزینه‌ی تبلیغ تقسیم بر تبدیل‌هایی که این سامانه دید."),
            new KpiDefinition("roas", "Return on ad spend (ROAS)", HIGHER,
                    KpiUnit.RATIO, "tracked revenue of the credited sessions", "cost",
                    "Return on ad spend, within one currency; below 1 the ads cost more than they brought in.",
                    PRODUCT, "بازگشت هزینه تبلیغ",
                    "هر یک تومان تبلیغ چند تومان فروش آورد؛ کمتر از ۱ یعنی ضرر."),
            new KpiDefinition("platform_roas", "Platform ROAS", HIGHER,
                    KpiUnit.RATIO, "conversion value the platforms reported", "cost",
                    "Return on ad spend by the platform's own conversion value.", PLATFORM,
                    "بازگشت هزینه به گزارش پلتفرم", "همان بازگشت هزینه، با ارزشی که خود پلتفرم گزارش کرده."),
            new KpiDefinition("cac", "Customer acquisition cost (CAC)", LOWER,
                    KpiUnit.CURRENCY, "cost", "credited customers whose first purchase is in the "
                    + "range", "Customer acquisition cost.", PRODUCT, "هزینه جذب مشتری",
                    "برای به دست آوردن هر مشتری تازه چقدر تبلیغ پرداخت شد."),
            new KpiDefinition("clv_to_cac", "CLV to CAC", HIGHER, KpiUnit.RATIO, "clv", "cac",
                    "Lifetime value per acquisition cost; below 1 a customer costs more than they spend.", PRODUCT,
                    "نسبت ارزش طول عمر به هزینه جذب",
                    "هر مشتری چند برابرِ هزینه‌ی جذبش خرید می‌کند؛ کمتر از ۱ یعنی جذب مشتری ضرر دارد."));

    private static final Map<String, KpiDefinition> BY_ID = index();

    private KpiRegistry() {
    }

    public static List<KpiDefinition> all() {
        return DEFINITIONS;
    }

    /** Returns the bot-traffic KPIs, which a snapshot lists right after the behaviour KPIs. */
    public static List<KpiDefinition> bots() {
        return BOT_DEFINITIONS;
    }

    /** Returns the brand KPIs, which a snapshot lists after the behaviour KPIs. */
    public static List<KpiDefinition> brand() {
        return BRAND_DEFINITIONS;
    }

    /** Returns the paid-media KPIs of a snapshot's {@code paid} section. */
    public static List<KpiDefinition> paid() {
        return PAID_DEFINITIONS;
    }

    /** Returns the definition of a behaviour or paid-media KPI. */
    public static Optional<KpiDefinition> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    static KpiDefinition get(String id) {
        KpiDefinition definition = BY_ID.get(id);
        if (definition == null) {
            throw new IllegalArgumentException("No KPI definition with id '" + id + "'");
        }
        return definition;
    }

    private static Map<String, KpiDefinition> index() {
        Map<String, KpiDefinition> byId = new LinkedHashMap<>();
        for (KpiDefinition definition : DEFINITIONS) {
            byId.put(definition.id(), definition);
        }
        for (KpiDefinition definition : PAID_DEFINITIONS) {
            byId.put(definition.id(), definition);
        }
        for (KpiDefinition definition : BRAND_DEFINITIONS) {
            byId.put(definition.id(), definition);
        }
        return byId;
    }
}
