package com.campaignkpi.lambda;

import java.util.List;

/**
 * The response that lists the messages of a batch Lambda leaves on the queue for another delivery. The event source
 * mapping must list {@code ReportBatchItemFailures}, and an empty list deletes the whole batch.
 */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    /** A message to deliver again, named by its message id. */
    public record ItemFailure(String itemIdentifier) {
    }
}
