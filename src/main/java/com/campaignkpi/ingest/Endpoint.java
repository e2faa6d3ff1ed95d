package com.campaignkpi.ingest;

/** The two body formats the collector reads. */
public enum Endpoint {
    /** GA4 Measurement Protocol body: request-level identity, up to 25 events. */
    MEASUREMENT_PROTOCOL("mp"),
    /** The project's canonical events: one object or an array, each with its own identity. */
    CANONICAL("canonical");

    private final String id;

    Endpoint(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
