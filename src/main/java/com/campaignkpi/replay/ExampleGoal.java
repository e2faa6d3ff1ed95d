package com.campaignkpi.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's example goal, "revenue up 20 % in 30 days", placed so the replayed data's last day falls inside it,
 * and the text that shows its progress and the alerts of the data's last week.
 */
final class ExampleGoal {

    /** Days of the goal's window. */
    static final int WINDOW_DAYS = 30;

    /** Days of the window before the data's last day, so the goal is measured partway through. */
    static final int DAYS_ELAPSED = 18;

    private ExampleGoal() {
    }

    /** Builds a sales goal on revenue, 20 % over the 30 days before its start, with {@code lastDay} inside it. */
    static JsonNode revenueGoal(LocalDate lastDay) {
        LocalDate start = lastDay.minusDays(DAYS_ELAPSED - 1);
        ObjectNode goal = EventJson.WRITER.createObjectNode();
        goal.put("name", "Revenue up 20 % in " + WINDOW_DAYS + " days");
        goal.put("type", "sales");
        goal.put("kpi", "revenue");
        goal.putObject("target").put("kind", "relative").put("value", 0.20);
        goal.putObject("scope").put("kind", "property");
        goal.put("start", start.toString());
        goal.put("deadline", start.plusDays(WINDOW_DAYS - 1).toString());
        goal.put("notes", "Example goal created by the demo");
        return goal;
    }

    /** Renders the goal report and the daily run's alerts as text. */
    static String render(JsonNode report, JsonNode run) {
        JsonNode goal = report.get("goal");
        JsonNode progress = report.get("progress");
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nGoal: %s (%s, %s, %s to %s)%n", goal.get("name").asText(),
                goal.get("type").asText(), goal.get("kpi").asText(), goal.get("start").asText(),
                goal.get("deadline").asText()));
        List<String[]> rows = List.of(
                row("measured up to", progress, "asOf"),
                new String[] {"days elapsed", progress.get("daysElapsed").asText() + " of "
                        + progress.get("daysTotal").asText()},
                row("baseline (30 days before)", progress, "baseline"),
                row("target", progress, "target"),
                row("current", progress, "current"),
                row("expected by now", progress, "expectedByToday"),
                row("projected at deadline", progress, "projectedAtDeadline"),
                row("share done", progress, "shareDone"),
                row("status", progress, "status"));
        for (String[] row : rows) {
            text.append(String.format("  %-27s %s%n", row[0], row[1]));
        }
        if (progress.hasNonNull("reason")) {
            text.append(String.format("  %-27s %s%n", "reason", progress.get("reason").asText()));
        }
        for (JsonNode finding : report.path("findings")) {
            text.append(String.format("  %s (%s): %s%n", finding.get("criterion").asText(),
                    finding.get("level").asText(), finding.get("message").asText()));
        }

        JsonNode alerts = run.path("alerts");
        text.append(String.format("%nAlerts for the week to %s against the week before:%n",
                run.path("days").path(0).asText()));
        if (alerts.isEmpty()) {
            text.append("  none (the rate rules wait for 100 sessions or clicks in each week)\n");
        }
        for (JsonNode alert : alerts) {
            text.append(String.format("  %s [%s]: %s%n", alert.get("rule").asText(), alert.get("scope").asText(),
                    alert.get("message").asText()));
        }
        return text.toString();
    }

    private static String[] row(String label, JsonNode progress, String field) {
        return new String[] {label, progress.hasNonNull(field) ? progress.get(field).asText() : "-"};
    }
}
