package com.campaignkpi.lambda;

import java.util.List;

/**
 * The answer that tells Lambda which messages of a batch to leave on the queue for another delivery; the event
 * source mapping must list {@code ReportBatchItemFailures}. An empty list deletes the whole batch.
 */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {

    /** A message to deliver again, named by its message id. */
    public record ItemFailure(String itemIdentifier) {
    }
}
