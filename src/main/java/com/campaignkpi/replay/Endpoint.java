package com.campaignkpi.replay;

/** The two ingest webhooks of the server. */
public enum Endpoint {

    /**
     * GA4 Measurement Protocol: one client per body ({@code client_id}, {@code user_id}, {@code device} at the top),
     * and GA4's reserved event names such as {@code session_start} are rejected.
     */
    MEASUREMENT_PROTOCOL("/mp/collect"),

    /** The canonical event array: each event names its own client and may use GA4's automatic event names. */
    CANONICAL_EVENTS("/events");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** Returns the path below the server's base URL, starting with a slash. */
    public String path() {
        return path;
    }
}
