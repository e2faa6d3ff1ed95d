package com.campaignkpi.alert;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Recent tracking-event activity of a property, for the {@code tracking_gap} rule.
 *
 * @param lastEventAt           the time of the newest stored event as its sender gave it (the receipt time when the
 *                              sender gave none), or null when none is known. Replayed history counts by its own
 *                              time, so it does not end a gap.
 * @param eventsPerHourBaseline average events per hour over the 7 days before {@code now}, or null when unknown
 * @param now                   the time of the check
 */
public record TrackingActivity(Instant lastEventAt, BigDecimal eventsPerHourBaseline, Instant now) {
}
