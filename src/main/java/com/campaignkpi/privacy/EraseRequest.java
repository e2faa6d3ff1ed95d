package com.campaignkpi.privacy;

import java.util.List;

/**
 * Input of the {@code erase} function: the data of some visitors of a property, or of the whole property.
 *
 * @param property      the property's measurement id
 * @param clientIds     client ids (browsers or app instances) whose events, history and rejected requests go
 * @param userIds       the site's user ids whose events and purchase history go. For a property that stores
 *                      pseudonyms, give the user ids as the site sent them
 * @param wholeProperty true to erase everything stored for the property, its settings last; then no ids are given
 * @param adminToken    the server's admin token
 */
public record EraseRequest(String property, List<String> clientIds, List<String> userIds, Boolean wholeProperty,
        String adminToken) {
}
