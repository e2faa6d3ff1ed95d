package com.campaignkpi.goal;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.AdminAccess;
import com.campaignkpi.property.Property;
import com.campaignkpi.property.PropertyIds;
import com.campaignkpi.property.PropertyStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code goals} function: creates, updates, reads, lists and deletes a property's SMART goals, and returns each
 * with its progress. Needs the admin token until read keys per property exist.
 */
public class GoalsFunction {

    /** Most goals one property keeps, so a list with progress stays one bounded request. */
    static final int MAX_GOALS = 50;

    @Inject
    AdminAccess admin;

    @Inject
    PropertyStore properties;

    @Inject
    GoalStore store;

    @Inject
    GoalTracker tracker;

    Clock clock = Clock.systemUTC();

    @Funq("goals")
    public List<GoalReport> goals(GoalsRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "The request is missing; send action, property and adminToken");
        }
        admin.authorize(request.adminToken(), "adminToken");
        Property property = properties.require("property", request.property());
        LocalDate today = request.today() == null ? LocalDate.now(clock.withZone(property.timeZone()))
                : Days.require("today", request.today());

        String action = request.action() == null ? "" : request.action();
        return switch (action) {
            case "create" -> List.of(create(property, request.goal(), today));
            case "update" -> List.of(update(property, existing(property, request.goalId()), request.goal(),
                    today));
            case "get" -> List.of(report(property, existing(property, request.goalId()), today, null));
            case "list" -> list(property, today);
            case "delete" -> List.of(delete(property, existing(property, request.goalId())));
            default -> throw RequestException.invalid("action", "action '" + action + "' is unknown: use create, "
                    + "update, get, list or delete");
        };
    }

    private GoalReport create(Property property, GoalInput input, LocalDate today) {
        List<SmartFinding> findings = SmartChecks.check(input);
        if (!store.reserve(property.id(), MAX_GOALS)) {
            throw RequestException.invalid("goal", "property '" + property.id() + "' already has " + MAX_GOALS
                    + " goals, the limit; delete one first");
        }
        try {
            String now = now();
            Goal goal = goal("g-" + UUID.randomUUID().toString().substring(0, 13), property, input, now, now);
            // Measured before storing, so a goal whose progress cannot be computed is never stored.
            GoalReport report = report(property, goal, today, findings);
            store.put(goal);
            return report;
        } catch (RuntimeException e) {
            store.release(property.id());
            throw e;
        }
    }

    private GoalReport update(Property property, Goal existing, GoalInput input, LocalDate today) {
        List<SmartFinding> findings = SmartChecks.check(input);
        Goal goal = goal(existing.id(), property, input, existing.createdAt(), now());
        GoalReport report = report(property, goal, today, findings);
        store.put(goal);
        return report;
    }

    private List<GoalReport> list(Property property, LocalDate today) {
        List<GoalReport> reports = new ArrayList<>();
        for (Goal goal : store.list(property.id())) {
            reports.add(report(property, goal, today, null));
        }
        return reports;
    }

    private GoalReport delete(Property property, Goal goal) {
        store.delete(property.id(), goal.id());
        store.release(property.id());
        return new GoalReport(goal, null, null);
    }

    private GoalReport report(Property property, Goal goal, LocalDate today, List<SmartFinding> findings) {
        List<SmartFinding> all = null;
        if (findings != null) {
            all = new ArrayList<>(findings);
            all.add(tracker.achievable(property, goal));
        }
        return new GoalReport(goal, tracker.progress(property, goal, today), all);
    }

    private Goal existing(Property property, String id) {
        if (id == null || id.isBlank()) {
            throw RequestException.invalid("goalId", "goalId is missing");
        }
        if (!PropertyIds.isValid(id)) {
            // Ids are generated as "g-" and 13 letters, digits or '-', so no goal has such an id.
            throw RequestException.notFound("goalId", "goal '" + PropertyIds.abbreviate(id) + "' of property '"
                    + property.id() + "' does not exist");
        }
        return store.get(property.id(), id).orElseThrow(() -> RequestException.notFound("goalId", "goal '"
                + PropertyIds.abbreviate(id) + "' of property '" + property.id()
                + "' does not exist"));
    }

    private static Goal goal(String id, Property property, GoalInput input, String createdAt, String updatedAt) {
        GoalScope scope = input.scope().kind().equals(GoalScope.PROPERTY) ? GoalScope.WHOLE_PROPERTY
                : input.scope();
        return new Goal(id, property.id(), input.name(), GoalType.fromId(input.type()).orElseThrow(), input.kpi(),
                input.target(), scope, input.start(), input.deadline(), input.notes(), createdAt, updatedAt);
    }

    private String now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return now.toString();
    }
}
