package com.campaignkpi.api;

import com.campaignkpi.storage.StorageBusyException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Sorts failures into those worth retrying, such as a throttling or unreachable store, and the rest. Every binding
 * uses it: the HTTP server returns 503 for a transient failure, and the queue consumer lets the queue deliver the
 * message again.
 */
public final class Failures {

    /** Seconds a client should wait before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Failures() {
    }

    /**
     * Returns whether the same call may succeed later: the store throttled past the SDK's retries, could not be
     * reached, or failed on its side (HTTP 5xx).
     */
    public static boolean isTransient(Throwable failure) {
        if (find(failure, StorageBusyException.class) != null || find(failure, SdkClientException.class) != null) {
            return true;
        }
        AwsServiceException service = find(failure, AwsServiceException.class);
        return service != null && (service.isThrottlingException() || service.statusCode() >= 500);
    }

    /** Returns the 503 body for a transient failure, or null when the failure is something else. */
    public static ErrorBody unavailable(Throwable failure) {
        if (!isTransient(failure)) {
            return null;
        }
        return new ErrorBody(503, "The store is busy or unreachable, so the request may be partly stored; send the "
                + "same request again in " + RETRY_AFTER_SECONDS + " seconds (events already stored count once)",
                null);
    }

    /** Returns the first exception of {@code type} in the cause chain of {@code failure}, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        while (current != null) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
