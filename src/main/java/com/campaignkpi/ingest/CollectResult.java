package com.campaignkpi.ingest;

import java.util.List;

/** Response to a webhook request: counts and one result per event, in request order. */
public record CollectResult(int accepted, int duplicates, int rejected, List<EventResult> results) {
}
