package com.campaignkpi.alert;

/**
 * Input of the {@code alerts} function.
 *
 * @param property   the property id
 * @param from       first day to list, yyyy-MM-dd in the property's time zone; all stored days when null
 * @param limit      at most this many alerts, from 1 to 500; 50 when null
 * @param adminToken the server's admin token; or, instead, {@code readKey}
 * @param readKey    one of the property's read keys, with which a dashboard lists the alerts
 */
public record AlertsRequest(String property, String from, Integer limit, String adminToken, String readKey) {
}
