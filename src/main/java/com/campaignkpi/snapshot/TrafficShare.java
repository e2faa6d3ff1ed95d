package com.campaignkpi.snapshot;

import java.math.BigDecimal;

/** Sessions and users that one traffic source, medium or channel group brought, and its share of all sessions. */
public record TrafficShare(String key, long sessions, long users, BigDecimal share) {
}
