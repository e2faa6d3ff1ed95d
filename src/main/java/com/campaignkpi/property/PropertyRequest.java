package com.campaignkpi.property;

import com.campaignkpi.alert.AlertSettings;
import java.math.BigDecimal;
import java.util.List;

/**
 * Input of the {@code property} function, which creates or updates a property.
 *
 * @param property              measurement id, for example {@code G-ABC123}
 * @param timeZone              IANA zone id such as {@code Asia/Tehran}; kept when absent, UTC for a new property
 * @param apiSecret             secret the senders pass as {@code api_secret}; replaces the stored ones when given
 * @param apiSecrets            several secrets at once, for rotating one while the old one is still in use
 * @param keyEvents             event names counted as conversions; kept when absent, purchase, sign_up and
 *                              generate_lead for a new property
 * @param sessionTimeoutMinutes inactivity gap that ends a session, a whole number of 1 to 240 minutes; kept when
 *                              absent, 30 for a new property
 * @param brandTerms            words that make a search one for the brand, such as the brand's name and its
 *                              spellings. Kept when absent, none for a new property.
 * @param alerts                alert thresholds, disabled rules and a Slack-compatible webhook URL. Kept when
 *                              absent, the defaults for a new property.
 * @param readKeys              keys for dashboards and BI tools to read this property's KPIs, 16 to 200 characters,
 *                              at most 5 so one can be rotated. They replace the stored ones when given, and an
 *                              empty list opens the reads again.
 * @param ingest                {@code requireSignature} and {@code hashUserIds} for the webhooks; kept when absent,
 *                              both false for a new property
 * @param adminToken            must equal the deployment's {@code campaignkpi.admin.token}
 */
public record PropertyRequest(String property, String timeZone, String apiSecret, List<String> apiSecrets,
        List<String> keyEvents, BigDecimal sessionTimeoutMinutes, List<String> brandTerms, AlertSettings alerts,
        List<String> readKeys, IngestSettings ingest, String adminToken) {
}
