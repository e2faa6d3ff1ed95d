package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client or user id as sent: a string, or a number or boolean taken as its text. An object or array is a
 * problem, not a missing id, so the sender learns what to fix.
 */
record IdentityField(String value, Violation problem) {

    static IdentityField read(JsonNode node, String path) {
        if (node != null && node.isContainerNode()) {
            return new IdentityField(null, new Violation(path, path + " must be a string, found "
                    + node.getNodeType().name().toLowerCase()));
        }
        return new IdentityField(ParamValues.asText(node), null);
    }
}
