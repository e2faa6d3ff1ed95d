package com.campaignkpi.goal;

/**
 * Input of the {@code goals} function.
 *
 * @param action     {@code create}, {@code update}, {@code get}, {@code list} or {@code delete}
 * @param goalId     the goal to update, get or delete
 * @param goal       the goal to create, or its new state on update
 * @param today      the day progress is measured on (ISO date); today in the property's zone when missing
 * @param adminToken the server's admin token
 */
public record GoalsRequest(String action, String property, String goalId, GoalInput goal, String today,
        String adminToken) {
}
