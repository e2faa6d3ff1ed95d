package com.campaignkpi.lambda;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** Settings of the SQS queue between the webhook and the ingest function, under {@code campaignkpi.queue}. */
@ConfigMapping(prefix = "campaignkpi.queue")
public interface QueueConfig {

    /** URL of the ingest queue; the template sets it on the webhook function. */
    Optional<String> url();

    /** Another SQS endpoint than the region's, for a local SQS-compatible server. */
    Optional<URI> endpointOverride();
}
