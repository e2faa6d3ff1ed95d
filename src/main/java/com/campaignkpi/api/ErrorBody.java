package com.campaignkpi.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** JSON body of every 4xx answer: what failed, on which field, with which status. */
@RegisterForReflection
public record ErrorBody(int status, String error, String field) {
}
