package com.campaignkpi.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;

/**
 * Replays an analytics export through the ingest webhooks, as a tag manager would have sent it, imports ad spend
 * reports when given, then prints the server's KPI snapshot of the replayed dates. Exit codes: 0 success, 1 failure,
 * 2 invalid command line.
 */
public final class ReplayCommand {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    /** Days the dashboard link shows at most: the data's last 30, so the page has a previous period to compare. */
    static final int DASHBOARD_DAYS = 30;

    private static final String LOG_MANAGER_PROPERTY = "java.util.logging.manager";
    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    static final String USAGE = """
            Usage: ReplayCommand --base-url URL --measurement-id ID --api-secret SECRET
                                 --input FILE --format ua-hits|plausible-events|ga4-export|canonical
                                 [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--time-zone ZONE]
                                 [--register-property --admin-token TOKEN] [--group-by DIMENSION]
                                 [--json] [--concurrency N] [--example-goal]
                                 [--spend FILE]... [--spend-format FORMAT]
                                 [--spend-from yyyy-MM-dd --spend-to yyyy-MM-dd]

            Replays the events of an export file through the server's webhooks with import=true, imports the
            ad spend reports given with --spend, then prints the KPI snapshot of the replayed dates.

            Options:
              --base-url URL          the server, such as http://127.0.0.1:8080
              --measurement-id ID     the property that receives the events, such as G-DEMO
              --api-secret SECRET     the property's API secret
              --input FILE            the export file; a name ending in .gz is gunzipped
              --format FORMAT         ua-hits: Universal Analytics hits CSV (Measurement Protocol)
                                      plausible-events: Plausible events_v2 CSV (Measurement Protocol)
                                      ga4-export: GA4 BigQuery export NDJSON (canonical endpoint)
                                      canonical: canonical events, NDJSON or a JSON array
              --from DATE, --to DATE  the snapshot's first and last day, inclusive (default: the dates of
                                      the file's first and last event in --time-zone)
              --time-zone ZONE        IANA time zone of the snapshot and the property (default: UTC)
              --register-property     create or replace the property with this secret before replaying;
                                      needs --admin-token, the server's CAMPAIGNKPI_ADMIN_TOKEN
              --group-by DIMENSION    the snapshot's per-group table: date, week, month, source, medium,
                                      source_medium, campaign, channel_group, landing_page or
                                      device_category
                                      (default: channel_group)
              --json                  print the snapshot as JSON on standard output; the replay summary
                                      then goes to standard error
              --concurrency N         requests in flight at once, 1 to 64 (default: 4)
              --example-goal          after the snapshot, create a goal "revenue up 20 % in 30 days" that the
                                      data's last day falls in, print its progress, and print the alerts of
                                      the data's last week; needs --admin-token
              --spend FILE            an ad-platform report to import after the replay, as downloaded:
                                      Google Ads CSV or UTF-16 TSV, Meta Ads CSV, or canonical spend JSON;
                                      repeat the option to import several reports
              --spend-format FORMAT   the format of every --spend report: google-ads, meta-ads, canonical or
                                      generic-csv (default: the server detects it from the content)
              --spend-from DATE, --spend-to DATE
                                      the days, inclusive, that a report without per-day rows covers;
                                      required when such a report states no period of its own
              -h, --help              print this help
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Duration firstRetryDelay;

    ReplayCommand(PrintStream out, PrintStream err, Duration firstRetryDelay) {
        this.out = out;
        this.err = err;
        this.firstRetryDelay = firstRetryDelay;
    }

    public static void main(String[] args) {
        configureLogging();
        int status = new ReplayCommand(System.out, System.err, ReplayClient.DEFAULT_FIRST_RETRY_DELAY).run(args);
        System.exit(status);
    }

    /**
     * Sends warnings and errors to standard error as one line each. JBoss LogManager is on the classpath and
     * serves every JDK logger, java.net.http's included, so it must be JUL's manager, set before the first logger
     * is created. Outside Quarkus its root handler prints nothing, so a console handler is added.
     */
    private static void configureLogging() {
        if (System.getProperty(LOG_MANAGER_PROPERTY) == null) {
            System.setProperty(LOG_MANAGER_PROPERTY, "org.jboss.logmanager.LogManager");
        }
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, "replay: %4$s: %5$s%6$s%n");
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.WARNING);
        java.util.logging.Logger.getLogger("").addHandler(handler);
    }

    /** Runs the command and returns its exit code. */
    int run(String[] args) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (UsageException e) {
            err.println("replay: " + e.getMessage());
            err.println("Run with --help to list the options.");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(USAGE);
            return EXIT_OK;
        }
        try {
            replayAndReport(options);
            return EXIT_OK;
        } catch (ReplayInputException | ReplayException e) {
            err.println("replay: " + e.getMessage());
        } catch (IOException e) {
            err.println("replay: reading " + options.input() + " failed: " + e.getMessage());
        }
        return EXIT_FAILURE;
    }

    private void replayAndReport(ReplayOptions options) throws IOException {
        PrintStream report = options.json() ? err : out;
        ReadResult read = options.format().reader().read(options.input());
        if (read.events().isEmpty()) {
            throw new ReplayException(options.input() + " contains no events");
        }
        printConversionNotes(report, options, read);

        ServerRequests server = new ServerRequests(options.target(), firstRetryDelay);
        if (options.registerProperty()) {
            server.registerProperty(options.timeZone(), options.adminToken());
            report.printf(Locale.US, "Registered property %s in time zone %s.%n", options.measurementId(),
                    options.timeZone().getId());
        }

        List<Batch> batches = Batcher.batch(options.format().endpoint(), read.events());
        // NOTE: Java 17 cannot tell whether standard error is a terminal; System.console() checks standard input
        // and output, so progress redirected alone to a file still gets carriage returns.
        ReplayClient client = new ReplayClient(options.target(), options.concurrency(), firstRetryDelay, err,
                System.console() != null);
        ReplaySummary summary = client.replay(batches);
        printSummary(report, options, summary);

        LocalDate from = options.from() != null ? options.from() : firstDate(read, options);
        LocalDate to = options.to() != null ? options.to() : lastDate(read, options);
        for (Path file : options.spend().files()) {
            importSpend(report, server, options.spend(), file, from, to);
        }
        JsonNode snapshot = server.snapshot(from, to, options.timeZone(), options.groupBy());
        out.print(options.json() ? prettyJson(snapshot) : SnapshotTables.render(snapshot));
        if (options.exampleGoal()) {
            JsonNode goal = server.createGoal(ExampleGoal.revenueGoal(to), to, options.adminToken());
            JsonNode run = server.runDailySchedule(to.plusDays(1), options.adminToken());
            out.print(ExampleGoal.render(goal.get(0), run));
        }
        out.flush();
        LocalDate dashboardFrom = latest(from, to.minusDays(DASHBOARD_DAYS - 1L));
        report.printf(Locale.US, "%nDashboard of %s to %s, in Persian (English is one click away):%n  %s%n",
                dashboardFrom, to, dashboardUrl(options.target(), dashboardFrom, to));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Returns the built-in dashboard's address for the replayed property and days. */
    static String dashboardUrl(ReplayTarget target, LocalDate from, LocalDate to) {
        String base = target.baseUrl().toString().replaceAll("/+$", "");
        return base + "/dashboard/?property=" + URLEncoder.encode(target.measurementId(), StandardCharsets.UTF_8)
                + "&from=" + from + "&to=" + to + "&lang=fa";
    }

    /** Imports one spend report and prints the server's summary, with a note when it lies outside the snapshot. */
    private static void importSpend(PrintStream report, ServerRequests server, ReplayOptions.SpendOptions spend,
            Path file, LocalDate snapshotFrom, LocalDate snapshotTo) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReplayException("reading spend report " + file + " failed: " + e.getMessage(), e);
        }

        JsonNode result;
        try {
            result = server.importSpend(content, spend.format(), spend.from(), spend.to());
        } catch (ReplayException e) {
            throw new ReplayException("importing spend report " + file + " failed: " + e.getMessage(), e);
        }

        report.print(SpendImportSummary.render(result));
        LocalDate first = date(result.get("from"));
        LocalDate last = date(result.get("to"));
        if (first != null && last != null && (last.isBefore(snapshotFrom) || first.isAfter(snapshotTo))) {
            report.printf(Locale.US, "Note: the report covers %s to %s, outside the snapshot's days %s to %s, so the "
                    + "snapshot leaves its spend out. Set the snapshot's days with --from and --to.%n", first, last,
                    snapshotFrom, snapshotTo);
        }
        report.println();
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void printConversionNotes(PrintStream report, ReplayOptions options, ReadResult read) {
        report.printf(Locale.US, "Read %,d events from %s (format %s).%n", read.events().size(), options.input(),
                options.format().id());
        printCounts(report, "Truncated to the server's length limit", read.truncatedValues());
        printCounts(report, "Params left out (over the limit, name taken or invalid)", read.droppedParams());
        printCounts(report, "Skipped rows", read.skippedRows());
    }

    private static void printCounts(PrintStream report, String title, Map<String, Long> counts) {
        if (!counts.isEmpty()) {
            report.printf(Locale.US, "%s: %s%n", title, counts);
        }
    }

    private static void printSummary(PrintStream report, ReplayOptions options, ReplaySummary summary) {
        report.printf(Locale.US, "Replayed %,d events to %s in %s (%s) in %.1f s: accepted %,d, duplicates %,d, "
                + "rejected %,d.%n", summary.events(), options.measurementId(), plural(summary.requests(), "request"),
                plural(summary.retries(), "retry"), summary.elapsed().toMillis() / 1000.0, summary.accepted(),
                summary.duplicates(), summary.rejected());
        if (!summary.sampleRejections().isEmpty()) {
            report.printf("Sample rejections (up to %d):%n", ReplayClient.MAX_SAMPLE_REJECTIONS);
            for (Rejection rejection : summary.sampleRejections()) {
                String field = rejection.field() == null ? "" : " [" + rejection.field() + "]";
                report.printf("  %s at %s%s: %s%n", rejection.eventName(),
                        Instant.EPOCH.plus(rejection.timestampMicros(), ChronoUnit.MICROS), field,
                        rejection.reason());
            }
        }
        report.println();
    }

    private static String plural(long count, String noun) {
        String word = noun;
        if (count != 1) {
            word = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        }
        return String.format(Locale.US, "%,d %s", count, word);
    }

    private static LocalDate firstDate(ReadResult read, ReplayOptions options) {
        long micros = read.events().stream().mapToLong(ReplayEvent::timestampMicros).min().orElseThrow();
        return dateOf(micros, options);
    }

    private static LocalDate lastDate(ReadResult read, ReplayOptions options) {
        long micros = read.events().stream().mapToLong(ReplayEvent::timestampMicros).max().orElseThrow();
        return dateOf(micros, options);
    }

    private static LocalDate dateOf(long micros, ReplayOptions options) {
        return LocalDate.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), options.timeZone());
    }

    private static String prettyJson(JsonNode snapshot) {
        try {
            return EventJson.WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot)
                    + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the snapshot cannot be written as JSON", e);
        }
    }
}
