package com.campaignkpi.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the Slack-compatible JSON body of an alert delivery: a {@code text} fallback, which Slack shows in
 * notifications and requires beside blocks, and {@code blocks} with a header and one mrkdwn section per alert.
 * Limits are Slack's Block Kit limits (api.slack.com/reference/block-kit/blocks): at most 50 blocks, 150
 * characters in a header and 3,000 in a section.
 */
final class SlackMessage {

    /** Sections for alerts: 50 blocks less the header and a closing section that counts the rest. */
    static final int MAX_ALERT_SECTIONS = 48;
    static final int MAX_HEADER_LENGTH = 150;
    static final int MAX_SECTION_LENGTH = 3000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SlackMessage() {
    }

    /** Returns the JSON body for {@code alerts}, which must not be empty. */
    static String body(List<Alert> alerts) {
        String title = title(alerts);
        ObjectNode body = MAPPER.createObjectNode();
        StringBuilder text = new StringBuilder(escape(title));
        ArrayNode blocks = MAPPER.createArrayNode();
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(title, MAX_HEADER_LENGTH));

        List<Alert> listed = alerts.subList(0, Math.min(alerts.size(), MAX_ALERT_SECTIONS));
        for (Alert alert : listed) {
            text.append("\n• ").append(escape(alert.message()));
            String section = "*" + escape(alert.rule().description()) + "*\n" + escape(alert.scope()) + ", "
                    + alert.day() + "\n" + escape(alert.message()) + "\n" + escape(alert.messageFa());
            section(blocks, truncate(section, MAX_SECTION_LENGTH));
        }
        if (alerts.size() > listed.size()) {
            String more = "…and " + (alerts.size() - listed.size()) + " more alerts, listed by the alerts function.";
            text.append("\n").append(more);
            section(blocks, more);
        }
        body.put("text", text.toString());
        body.set("blocks", blocks);
        return body.toString();
    }

    /** Returns the header: the number of alerts, the property and the day or range of days. */
    static String title(List<Alert> alerts) {
        TreeSet<String> properties = new TreeSet<>();
        TreeSet<String> days = new TreeSet<>();
        alerts.forEach(alert -> {
            properties.add(alert.property());
            days.add(alert.day());
        });
        String count = alerts.size() == 1 ? "1 alert" : alerts.size() + " alerts";
        String when = days.size() == 1 ? "on " + days.first() : "from " + days.first() + " to " + days.last();
        return count + " for " + String.join(", ", properties) + " " + when;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    /** Escapes the three characters Slack reads as markup in text: {@code &}, {@code <} and {@code >}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
