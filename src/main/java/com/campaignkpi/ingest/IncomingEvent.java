package com.campaignkpi.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One event as it arrived, before validation, with the request-level fields that apply to it.
 *
 * @param index           position in the request, 0-based
 * @param path            JSON path of the event in the body, such as {@code events[3]}
 * @param raw             the event object exactly as sent
 * @param replayBody      a body that holds only this event and resends it unchanged through the same endpoint
 * @param clientId        client id from the body, or null when missing
 * @param clientIdPath    where a client id was expected, for the error message
 * @param userId          user id, or null
 * @param timestampNode   the event's {@code timestamp_micros} (or the request's), or null
 * @param timestampPath   JSON path of {@code timestampNode}
 * @param deviceCategory  device category from the body, or null
 * @param deviceCategoryPath JSON path of {@code deviceCategory}: {@code device.category} in a Measurement Protocol
 *                        body, the event's {@code device_category} in canonical JSON
 * @param envelopeProblem a problem of the request as a whole that rejects this event too, or null
 * @param allowedAutomaticNames whether names GA4 collects by itself (session_start, ...) are accepted
 */
record IncomingEvent(
        int index,
        String path,
        JsonNode raw,
        ObjectNode replayBody,
        String clientId,
        String clientIdPath,
        String userId,
        JsonNode timestampNode,
        String timestampPath,
        String deviceCategory,
        String deviceCategoryPath,
        Violation envelopeProblem,
        boolean allowedAutomaticNames) {
}
