package com.campaignkpi.property;

import java.util.List;

/**
 * Input of the {@code property} function, which creates or replaces a property.
 *
 * @param property              measurement id, for example {@code G-ABC123}
 * @param timeZone              IANA zone id such as {@code Asia/Tehran}; UTC when absent
 * @param apiSecret             secret the senders pass as {@code api_secret}; replaces the stored ones when given
 * @param apiSecrets            several secrets at once, for rotating one while the old one is still in use
 * @param keyEvents             event names counted as conversions; purchase, sign_up and generate_lead when absent
 * @param sessionTimeoutMinutes inactivity gap that ends a session, 1 to 240 minutes; 30 when absent
 * @param adminToken            must equal the deployment's {@code campaignkpi.admin-token}
 */
public record PropertyRequest(String property, String timeZone, String apiSecret, List<String> apiSecrets,
        List<String> keyEvents, Integer sessionTimeoutMinutes, String adminToken) {
}
