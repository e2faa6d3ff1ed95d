package com.campaignkpi.api;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the field of a JSON body that failed to map, as error bodies name fields. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** Returns the path of a mapping failure, such as {@code goal.target.value} or {@code groupBy[0]}, or $. */
    public static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
