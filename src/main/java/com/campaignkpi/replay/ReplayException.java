package com.campaignkpi.replay;

/** A failure that ends the replay, such as a rejected API secret or a server that stays unreachable. */
public class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
