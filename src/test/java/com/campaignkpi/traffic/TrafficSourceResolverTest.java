package com.campaignkpi.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficSourceResolverTest {

    private static final String NOT_SET = TrafficSource.NOT_SET;
    private static final String PAGE = "https://shop.example.com/landing";

    static Stream<Arguments> cases() {
        return Stream.of(
                // Campaign tags in event parameters win over tags in the page URL and over the referrer.
                Arguments.of("params win over url tags",
                        Map.of("source", "newsletter", "medium", "email", "campaign", "spring"),
                        PAGE + "?utm_source=other&utm_medium=cpc", "https://www.google.com/",
                        new TrafficSource("newsletter", "email", "spring", NOT_SET, NOT_SET, NOT_SET)),
                Arguments.of("params with utm names",
                        Map.of("UTM_Source", "partner", "utm_medium", "affiliate", "utm_term", "shoes",
                                "utm_content", "banner-a", "utm_id", "c-42"),
                        PAGE, null,
                        new TrafficSource("partner", "affiliate", NOT_SET, "shoes", "banner-a", "c-42")),
                Arguments.of("params with campaign id",
                        Map.of("campaign", "spring", "campaign_id", "123", "term", "red shoes", "content", "v2"),
                        PAGE, null,
                        new TrafficSource(NOT_SET, NOT_SET, "spring", "red shoes", "v2", "123")),
                Arguments.of("blank params are ignored",
                        Map.of("source", "  ", "term", "shoes"),
                        PAGE + "?utm_source=mailchimp&utm_medium=email", null,
                        new TrafficSource("mailchimp", "email", NOT_SET, NOT_SET, NOT_SET, NOT_SET)),
                // UTM tags in the page URL.
                Arguments.of("url tags decoded",
                        Map.of(),
                        PAGE + "?utm_source=Google&utm_medium=cpc&utm_campaign=spring+sale&utm_term=red%20shoes"
                                + "&utm_content=ad%2B1&utm_id=77#utm_source=fragment",
                        "https://www.bing.com/",
                        new TrafficSource("Google", "cpc", "spring sale", "red shoes", "ad+1", "77")),
                Arguments.of("url medium only",
                        null, PAGE + "?utm_medium=email", null,
                        new TrafficSource(NOT_SET, "email", NOT_SET, NOT_SET, NOT_SET, NOT_SET)),
                Arguments.of("url tags with html ampersands",
                        null, PAGE + "?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=may", null,
                        new TrafficSource("newsletter", "email", "may", NOT_SET, NOT_SET, NOT_SET)),
                Arguments.of("url tags without scheme",
                        null, "shop.example.com/landing?utm_source=flyer&utm_medium=qr", null,
                        TrafficSource.of("flyer", "qr")),
                Arguments.of("url tags in persian",
                        null, PAGE + "?utm_source=%D8%AA%D9%84%DA%AF%D8%B1%D8%A7%D9%85&utm_medium=social", null,
                        TrafficSource.of("تلگرام", "social")),
                Arguments.of("url term only is not a campaign",
                        null, PAGE + "?utm_term=shoes", null,
                        TrafficSource.DIRECT),
                Arguments.of("url tags in fragment are ignored",
                        null, PAGE + "#utm_source=newsletter&utm_medium=email", null,
                        TrafficSource.DIRECT),
                // Click ids.
                Arguments.of("gclid in url",
                        null, PAGE + "?gclid=Cj0KCQ", "https://www.google.com/",
                        TrafficSource.of("google", "cpc")),
                Arguments.of("gclid overrides utm source and medium",
                        null, PAGE + "?utm_source=newsletter&utm_medium=email&utm_campaign=spring&utm_term=t&gclid=x",
                        null,
                        new TrafficSource("google", "cpc", "spring", "t", NOT_SET, NOT_SET)),
                Arguments.of("gclid in params overrides params tags",
                        Map.of("gclid", "abc", "source", "partner", "medium", "referral", "campaign", "brand"),
                        PAGE, null,
                        new TrafficSource("google", "cpc", "brand", NOT_SET, NOT_SET, NOT_SET)),
                Arguments.of("gbraid", null, PAGE + "?gbraid=0AAAA", null, TrafficSource.of("google", "cpc")),
                Arguments.of("wbraid", null, PAGE + "?wbraid=CkEI", null, TrafficSource.of("google", "cpc")),
                Arguments.of("dclid", null, PAGE + "?dclid=CJKu8", null, TrafficSource.of("google", "cpc")),
                Arguments.of("msclkid", null, PAGE + "?msclkid=5f3e", "https://www.bing.com/",
                        TrafficSource.of("bing", "cpc")),
                Arguments.of("msclkid loses to utm tags",
                        null, PAGE + "?msclkid=5f3e&utm_source=bing&utm_medium=paid&utm_campaign=brand", null,
                        new TrafficSource("bing", "paid", "brand", NOT_SET, NOT_SET, NOT_SET)),
                Arguments.of("ttclid in params", Map.of("ttclid", "E.C.P"), PAGE, null,
                        TrafficSource.of("tiktok", "cpc")),
                Arguments.of("li_fat_id", null, PAGE + "?li_fat_id=a1b2", null,
                        TrafficSource.of("linkedin", "cpc")),
                Arguments.of("empty gclid is ignored", null, PAGE + "?gclid=", null, TrafficSource.DIRECT),
                // External referrers.
                Arguments.of("google referrer", null, PAGE, "https://www.google.com/",
                        TrafficSource.of("google", "organic")),
                Arguments.of("google country referrer", null, PAGE, "https://www.google.co.uk/search?q=shoes",
                        TrafficSource.of("google", "organic")),
                Arguments.of("news google referrer", null, PAGE, "https://news.google.com/articles/x",
                        TrafficSource.of("google", "organic")),
                Arguments.of("duckduckgo referrer", null, PAGE, "https://duckduckgo.com/",
                        TrafficSource.of("duckduckgo", "organic")),
                Arguments.of("listed short name of search site", null, PAGE, "https://search.ukr.net/?q=x",
                        TrafficSource.of("ukr", "organic")),
                Arguments.of("ecosia keeps domain", null, PAGE, "https://www.ecosia.org/search?q=x",
                        TrafficSource.of("ecosia.org", "organic")),
                Arguments.of("facebook mobile referrer", null, PAGE, "https://m.facebook.com/",
                        TrafficSource.of("m.facebook.com", "referral")),
                Arguments.of("gmail is not search", null, PAGE, "https://mail.google.com/mail/u/0/",
                        TrafficSource.of("mail.google.com", "referral")),
                Arguments.of("plain referral", null, PAGE, "http://www.Blog.Example.org:8080/post?id=1",
                        TrafficSource.of("blog.example.org", "referral")),
                Arguments.of("android app referrer", null, PAGE, "android-app://com.google.android.gm/",
                        TrafficSource.of("com.google.android.gm", "referral")),
                Arguments.of("subdomain counts as external", null, PAGE, "https://example.com/",
                        TrafficSource.of("example.com", "referral")),
                Arguments.of("internal referrer", null, PAGE, "https://www.shop.example.com/cart",
                        TrafficSource.DIRECT),
                Arguments.of("internal referrer with port and user info",
                        null, "https://user:pw@Shop.Example.com:8443/x", "http://shop.example.com./y",
                        TrafficSource.DIRECT),
                Arguments.of("referrer without page location", null, null, "https://www.bing.com/",
                        TrafficSource.of("bing", "organic")),
                // fbclid is not paid; it only names facebook when nothing else does.
                Arguments.of("fbclid without referrer", null, PAGE + "?fbclid=IwAR0", null,
                        TrafficSource.of("facebook", "referral")),
                Arguments.of("fbclid in params", Map.of("fbclid", "IwAR0"), PAGE, "",
                        TrafficSource.of("facebook", "referral")),
                Arguments.of("fbclid with facebook referrer", null, PAGE + "?fbclid=IwAR0", "https://l.facebook.com/",
                        TrafficSource.of("l.facebook.com", "referral")),
                Arguments.of("fbclid loses to utm tags",
                        null, PAGE + "?fbclid=IwAR0&utm_source=facebook&utm_medium=paid_social", null,
                        TrafficSource.of("facebook", "paid_social")),
                // Direct and broken input.
                Arguments.of("no signal", Map.of(), PAGE, null, TrafficSource.DIRECT),
                Arguments.of("all null", null, null, null, TrafficSource.DIRECT),
                Arguments.of("blank strings", Map.of(), "  ", " ", TrafficSource.DIRECT),
                Arguments.of("garbage urls", null, "not a url", "::::", TrafficSource.DIRECT),
                Arguments.of("opaque referrer", null, PAGE, "about:blank", TrafficSource.DIRECT),
                Arguments.of("relative referrer", null, PAGE, "/landing/page", TrafficSource.DIRECT),
                Arguments.of("referrer host with space", null, PAGE, "http://exa mple.com/", TrafficSource.DIRECT),
                Arguments.of("stray percent signs",
                        null, PAGE + "?utm_source=100%&utm_medium=%zz&utm_campaign=50%25off", null,
                        new TrafficSource("100%", "%zz", "50%off", NOT_SET, NOT_SET, NOT_SET)),
                Arguments.of("invalid utf-8 escape",
                        null, PAGE + "?utm_source=a%FFb&utm_medium=cpc", null,
                        TrafficSource.of("a\uFFFDb", "cpc")),
                Arguments.of("repeated name keeps first value",
                        null, PAGE + "?utm_source=&utm_source=first&utm_source=second&utm_medium=cpc", null,
                        TrafficSource.of("first", "cpc")),
                Arguments.of("query without page host",
                        null, "?utm_source=qr&utm_medium=print", "https://www.google.com/",
                        TrafficSource.of("qr", "print")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolveAppliesGa4Order(String name, Map<String, String> params, String pageLocation, String pageReferrer,
            TrafficSource expected) {
        assertEquals(expected, TrafficSourceResolver.resolve(params, pageLocation, pageReferrer));
    }

    @Test
    void resolveIgnoresNullParameterValues() {
        Map<String, String> params = new HashMap<>();
        params.put("source", null);
        params.put(null, "x");
        params.put("medium", "email");

        assertEquals(TrafficSource.of(NOT_SET, "email"), TrafficSourceResolver.resolve(params, PAGE, null));
    }

    @Test
    void directConstantUsesGa4Placeholders() {
        assertEquals(new TrafficSource("(direct)", "(none)", NOT_SET, NOT_SET, NOT_SET, NOT_SET),
                TrafficSource.DIRECT);
    }

    @Test
    void resolvedSourcesClassifyAsExpected() {
        assertEquals(DefaultChannelGroup.ORGANIC_SEARCH,
                TrafficSourceResolver.resolve(null, PAGE, "https://www.google.de/").channelGroup());
        assertEquals(DefaultChannelGroup.ORGANIC_SOCIAL,
                TrafficSourceResolver.resolve(null, PAGE + "?fbclid=IwAR0", null).channelGroup());
        assertEquals(DefaultChannelGroup.PAID_SEARCH,
                TrafficSourceResolver.resolve(null, PAGE + "?gclid=x", null).channelGroup());
        assertEquals(DefaultChannelGroup.DIRECT,
                TrafficSourceResolver.resolve(null, PAGE, PAGE).channelGroup());
    }

    @Test
    void resolveSurvivesRandomUrls() {
        Random random = new Random(20_240_601L);
        String alphabet = "ab.:/?#&=%+@[]\\ -_09Fé";
        for (int i = 0; i < 20_000; i++) {
            String page = randomText(random, alphabet);
            String referrer = randomText(random, alphabet);

            assertNotNull(TrafficSourceResolver.resolve(Map.of("x", page), page, referrer), page + " | " + referrer);
        }
    }

    @Test
    void resolveIgnoresOverlongReferrerHost() {
        String longHost = "a.".repeat(50_000) + "example.com";

        assertEquals(TrafficSource.DIRECT, TrafficSourceResolver.resolve(null, PAGE, "https://" + longHost + "/"));
        assertEquals(TrafficSource.of("a." + "b".repeat(200) + ".example.com", "referral"),
                TrafficSourceResolver.resolve(null, PAGE, "https://a." + "b".repeat(200) + ".example.com/"));
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
