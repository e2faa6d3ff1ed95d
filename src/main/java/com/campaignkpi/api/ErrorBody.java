package com.campaignkpi.api;

/** JSON body of every 4xx response: what failed, on which field, with which status. */
public record ErrorBody(int status, String error, String field) {
}
