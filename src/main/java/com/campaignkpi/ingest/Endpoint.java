package com.campaignkpi.ingest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two body formats the collector reads. In JSON each is written as its id. */
public enum Endpoint {
    /** GA4 Measurement Protocol body: request-level identity, up to 25 events. */
    MEASUREMENT_PROTOCOL("mp"),
    /** The project's canonical events: one object or an array, each with its own identity. */
    CANONICAL("canonical");

    private final String id;

    Endpoint(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Returns the endpoint with this id, or null for an unknown one. */
    @JsonCreator
    public static Endpoint fromId(String id) {
        for (Endpoint endpoint : values()) {
            if (endpoint.id.equals(id)) {
                return endpoint;
            }
        }
        return null;
    }
}
