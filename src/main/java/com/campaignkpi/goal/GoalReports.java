package com.campaignkpi.goal;

import com.campaignkpi.property.Property;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the goal progress a snapshot carries. */
@ApplicationScoped
public class GoalReports {

    @Inject
    GoalStore store;

    @Inject
    GoalTracker tracker;

    Clock clock = Clock.systemUTC();

    /**
     * Returns the progress of the property's goals whose window overlaps {@code from} to {@code to}, as of
     * {@code to} or today in the property's zone, whichever is earlier. Each goal costs two KPI computations, over
     * its baseline and over its window so far.
     */
    public List<GoalReport> active(Property property, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(property.timeZone()));
        LocalDate asOf = to.isBefore(today) ? to : today;
        List<GoalReport> reports = new ArrayList<>();
        for (Goal goal : store.list(property.id())) {
            boolean overlaps = !LocalDate.parse(goal.start()).isAfter(to)
                    && !LocalDate.parse(goal.deadline()).isBefore(from);
            if (overlaps) {
                reports.add(new GoalReport(goal, tracker.progress(property, goal, asOf), null));
            }
        }
        return reports;
    }
}
