package com.campaignkpi.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultChannelGroupTest {

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            (direct)          | (none)         |                          | Direct
            (direct)          | (not set)      |                          | Direct
            (DIRECT)          | (None)         | spring                   | Direct
            (direct)          | referral       |                          | Referral
            google            | cpc            | pmax cross-network 2024  | Cross-network
            newsletter        | email          | Cross-Network test       | Cross-network
            google            | cpc            | shopping_brand           | Paid Shopping
            amazon            | cpc            | spring                   | Paid Shopping
            partner           | ppc            | eshop_sale               | Paid Shopping
            partner           | cpc            | back-to-school shop      | Paid Shopping
            partner           | cpc            | spring_workshop          | Paid Other
            google            | cpc            | brand                    | Paid Search
            bing              | ppc            |                          | Paid Search
            Google            | CPC            |                          | Paid Search
            www.google.com    | paidsearch     |                          | Paid Search
            google            | retargeting    |                          | Paid Search
            google            | cpm            |                          | Paid Search
            facebook          | cpc            |                          | Paid Social
            instagram.com     | paid_social    |                          | Paid Social
            l.facebook.com    | cpc            |                          | Paid Social
            youtube           | cpv            |                          | Paid Video
            vimeo.com         | paid           |                          | Paid Video
            adnetwork         | display        |                          | Display
            adnetwork         | banner         |                          | Display
            adnetwork         | expandable     |                          | Display
            adnetwork         | interstitial   |                          | Display
            adnetwork         | cpm            |                          | Display
            unknown-site      | cpc            |                          | Paid Other
            partner           | PPC            |                          | Paid Other
            partner           | paid           | summer                   | Paid Other
            amazon.com        | referral       |                          | Organic Shopping
            www.ebay.de       | referral       |                          | Organic Shopping
            partner           | referral       | holiday shopping         | Organic Shopping
            facebook.com      | referral       |                          | Organic Social
            m.facebook.com    | referral       |                          | Organic Social
            t.co              | referral       |                          | Organic Social
            forum             | social         |                          | Organic Social
            forum             | social network |                          | Organic Social
            forum             | sm             |                          | Organic Social
            youtube.com       | referral       |                          | Organic Video
            partner           | video_embed    |                          | Organic Video
            google            | organic        |                          | Organic Search
            bing              | referral       |                          | Organic Search
            www.google.co.uk  | referral       |                          | Organic Search
            unknown-engine    | organic        |                          | Organic Search
            example.com       | referral       |                          | Referral
            example.com       | app            |                          | Referral
            example.com       | link           |                          | Referral
            newsletter        | email          | spring                   | Email
            e-mail            | (none)         |                          | Email
            mailchimp         | e_mail         |                          | Email
            mailchimp         | E Mail         |                          | Email
            mailchimp         | hs_email       |                          | Unassigned
            partner           | affiliate      |                          | Affiliates
            partner           | affiliates     |                          | Unassigned
            podcast-network   | audio          |                          | Audio
            twilio            | sms            |                          | SMS
            sms               | (none)         |                          | SMS
            onesignal         | web_push       |                          | Mobile Push Notifications
            braze             | mobile         |                          | Mobile Push Notifications
            braze             | notification_daily |                      | Mobile Push Notifications
            firebase          | (not set)      |                          | Mobile Push Notifications
            (not set)         | (not set)      |                          | Unassigned
            unknown-site      | offline        |                          | Unassigned
                              |                |                          | Unassigned
            """)
    void classifyFollowsGa4Rules(String source, String medium, String campaign, String expectedLabel) {
        assertEquals(expectedLabel, DefaultChannelGroup.classify(source, medium, campaign).label());
    }

    @Test
    void labelsMatchGa4InRuleOrder() {
        List<String> labels = Arrays.stream(DefaultChannelGroup.values()).map(DefaultChannelGroup::label).toList();

        assertEquals(List.of("Direct", "Cross-network", "Paid Shopping", "Paid Search", "Paid Social", "Paid Video",
                "Display", "Paid Other", "Organic Shopping", "Organic Social", "Organic Video", "Organic Search",
                "Referral", "Email", "Affiliates", "Audio", "SMS", "Mobile Push Notifications", "Unassigned"), labels);
    }

    @Test
    void fromLabelIgnoresCase() {
        assertEquals(Optional.of(DefaultChannelGroup.CROSS_NETWORK), DefaultChannelGroup.fromLabel("cross-network"));
        assertEquals(Optional.of(DefaultChannelGroup.SMS), DefaultChannelGroup.fromLabel(" SMS "));
        assertEquals(Optional.empty(), DefaultChannelGroup.fromLabel("Social"));
        assertEquals(Optional.empty(), DefaultChannelGroup.fromLabel(null));
    }

    @Test
    void classifyTrafficSourceUsesItsFields() {
        assertEquals(DefaultChannelGroup.DIRECT, TrafficSource.DIRECT.channelGroup());
        assertEquals(DefaultChannelGroup.PAID_SEARCH,
                DefaultChannelGroup.classify(TrafficSource.of("google", "cpc")));
    }
}
