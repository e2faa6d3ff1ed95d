package com.campaignkpi.property;

import com.campaignkpi.alert.AlertSettings;
import java.util.List;

/** A property as the {@code property} function returns it: everything but the secret hashes. */
public record PropertyView(String property, String timeZone, List<String> keyEvents, long sessionTimeoutMinutes,
        int apiSecrets, List<String> brandTerms, AlertSettings alerts, int readKeys, IngestSettings ingest) {

    static PropertyView of(Property property) {
        return new PropertyView(property.id(), property.timeZone().getId(),
                property.keyEvents().stream().sorted().toList(), property.sessionTimeout().toMinutes(),
                property.secretHashes().size(), property.brandTerms(), masked(property.alerts()),
                property.readKeyHashes().size(), property.ingest());
    }

    /** Shows only the webhook's scheme and host: the rest of a Slack webhook URL is its secret. */
    private static AlertSettings masked(AlertSettings alerts) {
        if (alerts.webhookUrl() == null) {
            return alerts;
        }
        java.net.URI uri = java.net.URI.create(alerts.webhookUrl());
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new AlertSettings(alerts.thresholds(), alerts.disabledRules(), uri.getScheme() + "://"
                + uri.getHost() + port + "/…");
    }
}
