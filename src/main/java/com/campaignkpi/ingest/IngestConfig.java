package com.campaignkpi.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of event ingestion. */
@ConfigMapping(prefix = "campaignkpi.ingest")
public interface IngestConfig {

    /**
     * Days a raw event or a rejection is kept, counted from receipt (not from the event time, so replayed history
     * does not expire at once). 425 days is GA4's longest standard retention of 14 months.
     */
    @WithDefault("425")
    int retentionDays();
}
