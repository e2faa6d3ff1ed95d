package com.campaignkpi.replay;

/** An invalid command line; the message names the option and what it expects. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
