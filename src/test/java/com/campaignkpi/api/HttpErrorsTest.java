package com.campaignkpi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.campaignkpi.storage.StorageBusyException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class HttpErrorsTest {

    @Test
    void throttledStoreIs503() {
        ErrorBody body = HttpErrors.unavailable(new RuntimeException(new StorageBusyException("25 items left")));

        assertEquals(503, body.status());
        assertEquals("The store is busy or unreachable, so the request may be partly stored; send the same request "
                + "again in 5 seconds (events already stored count once)", body.error());
    }

    @Test
    void unreachableStoreIs503() {
        assertEquals(503, HttpErrors.unavailable(SdkClientException.create("Connection refused")).status());
    }

    @Test
    void otherFailuresAreNot503() {
        assertNull(HttpErrors.unavailable(new UncheckedIOException(new java.io.IOException("disk"))));
        assertNull(HttpErrors.unavailable(new IllegalStateException("bug")));
    }
}
