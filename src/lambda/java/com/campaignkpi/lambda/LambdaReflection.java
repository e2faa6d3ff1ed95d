package com.campaignkpi.lambda;

import com.campaignkpi.ingest.Endpoint;
import com.campaignkpi.ingest.QueuedRequest;
import com.campaignkpi.snapshot.ScheduledRun;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for a native image the records Jackson reads and writes in the Lambda functions beyond their own input
 * and output types, which Funqy registers: the nested event parts and the queued request.
 */
@RegisterForReflection(targets = {
        HttpApiRequest.RequestContext.class, HttpApiRequest.Http.class, HttpApiResponse.class,
        SqsEvent.Message.class, SqsBatchResponse.ItemFailure.class,
        QueuedRequest.class, Endpoint.class, ScheduledRun.class, ScheduledSnapshotRequest.class})
final class LambdaReflection {

    private LambdaReflection() {
    }
}
