package com.campaignkpi.ingest;

/** Why an event was rejected: the JSON path of the offending field and a message naming value and limit. */
public record Violation(String field, String reason) {
}
