package com.campaignkpi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.storage.StorageBusyException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class FailuresTest {

    @Test
    void throttledStoreIs503() {
        ErrorBody body = Failures.unavailable(new RuntimeException(new StorageBusyException("25 items left")));

        assertEquals(503, body.status());
        assertEquals("The store is busy or unreachable, so the request may be partly stored; send the same request "
                + "again in 5 seconds (events already stored count once)", body.error());
    }

    @Test
    void unreachableStoreIs503() {
        assertEquals(503, Failures.unavailable(SdkClientException.create("Connection refused")).status());
    }

    @Test
    void throttlingAndServerErrorsAreTransient() {
        assertTrue(Failures.isTransient(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .build())
                .message("Rate exceeded").build()));
        assertTrue(Failures.isTransient(DynamoDbException.builder().statusCode(500).message("InternalServerError")
                .build()));
    }

    @Test
    void otherFailuresAreNotTransient() {
        assertNull(Failures.unavailable(new UncheckedIOException(new java.io.IOException("disk"))));
        assertNull(Failures.unavailable(new IllegalStateException("bug")));
        assertFalse(Failures.isTransient(DynamoDbException.builder().statusCode(400)
                .message("Item size has exceeded the maximum allowed size").build()));
    }
}
