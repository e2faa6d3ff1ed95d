package com.campaignkpi.storage;

/**
 * DynamoDB did not take all of a request within the retry budget (throttling). Worth retrying later, unlike a
 * {@link com.campaignkpi.api.RequestException}.
 */
public class StorageBusyException extends RuntimeException {

    public StorageBusyException(String message) {
        super(message);
    }
}
