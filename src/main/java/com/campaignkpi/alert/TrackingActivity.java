package com.campaignkpi.alert;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Recent tracking-event activity of a property, for the {@code tracking_gap} rule.
 *
 * @param lastEventAt           when the newest stored event arrived, or null when none is known
 * @param eventsPerHourBaseline average events per hour over the 7 days before {@code now}, or null when unknown
 * @param now                   the time of the check
 */
public record TrackingActivity(Instant lastEventAt, BigDecimal eventsPerHourBaseline, Instant now) {
}
