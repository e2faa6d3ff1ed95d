package com.campaignkpi.goal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of the SMART checks that did not stop the goal: a warning (the KPI is not among those to watch for
 * the goal's type) or information (how the required change compares with the changes the history shows).
 *
 * @param criterion {@code specific}, {@code measurable}, {@code achievable}, {@code relevant} or {@code time_bound}
 * @param level     {@code warning} or {@code info}
 * @param field     the input field concerned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmartFinding(String criterion, String level, String field, String message) {
}
