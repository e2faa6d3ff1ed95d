package com.campaignkpi.alert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the alerts of one evaluation, stamping each with the input's property and day and the time raised. */
final class AlertSink {

    private final AlertInput input;
    private final AlertSettings settings;
    private final String raisedAt;
    private final List<Alert> alerts = new ArrayList<>();

    AlertSink(AlertInput input, AlertSettings settings, String raisedAt) {
        this.input = input;
        this.settings = settings;
        this.raisedAt = raisedAt;
    }

    AlertInput input() {
        return input;
    }

    boolean enabled(AlertRule rule) {
        return settings.enabled(rule);
    }

    BigDecimal threshold(AlertRule rule) {
        return settings.threshold(rule);
    }

    BigDecimal threshold(String key) {
        return settings.threshold(key);
    }

    /** Adds an alert of an enabled rule; the threshold is the rule's own. */
    void raise(AlertRule rule, String scope, BigDecimal value, String message, String messageFa,
            Map<String, String> details) {
        if (enabled(rule)) {
            alerts.add(new Alert(input.property(), rule, scope, input.day(), raisedAt, value, threshold(rule),
                    message, messageFa, details.isEmpty() ? null : details));
        }
    }

    List<Alert> alerts() {
        return List.copyOf(alerts);
    }
}
