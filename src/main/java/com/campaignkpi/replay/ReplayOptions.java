package com.campaignkpi.replay;

import com.campaignkpi.spend.SpendFormats;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line of {@link ReplayCommand}. Options take their value as the next argument or after '='
 * ({@code --format ua-hits} or {@code --format=ua-hits}). {@code --spend} may be given several times. Any other
 * option given twice keeps its last value.
 *
 * @param spend the ad-platform reports to import after the replay
 */
record ReplayOptions(
        URI baseUrl,
        String measurementId,
        String apiSecret,
        Path input,
        ReplayFormat format,
        LocalDate from,
        LocalDate to,
        ZoneId timeZone,
        boolean registerProperty,
        String adminToken,
        String groupBy,
        boolean json,
        int concurrency,
        SpendOptions spend,
        boolean exampleGoal,
        boolean help) {

    /**
     * The {@code --spend} options.
     *
     * @param files  ad-platform reports in command-line order, or an empty list for none
     * @param format the reports' format, one of {@link SpendFormats#ids()}, or null to let the server detect it
     * @param from   first day covered by reports without per-day rows, or null
     * @param to     last day covered by those reports, inclusive, or null
     */
    record SpendOptions(List<Path> files, String format, LocalDate from, LocalDate to) {

        static final SpendOptions NONE = new SpendOptions(List.of(), null, null, null);
    }

    static final String DEFAULT_GROUP_BY = "channel_group";
    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
    static final int MAX_CONCURRENCY = 64;
    static final List<String> GROUP_BY_VALUES = List.of("date", "week", "month", "source", "medium", "source_medium",
            "campaign", "channel_group", "landing_page", "device_category");

    private static final Set<String> VALUE_OPTIONS = Set.of("--base-url", "--measurement-id", "--api-secret",
            "--input", "--format", "--from", "--to", "--time-zone", "--admin-token", "--group-by", "--concurrency",
            "--spend", "--spend-format", "--spend-from", "--spend-to");
    private static final Set<String> FLAG_OPTIONS = Set.of("--register-property", "--json", "--example-goal",
            "--help", "-h");

    /** Returns the target of the webhooks. */
    ReplayTarget target() {
        return new ReplayTarget(baseUrl, measurementId, apiSecret);
    }

    static ReplayOptions parse(String[] args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        Map<String, Boolean> flags = new HashMap<>();
        List<String> spendFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAG_OPTIONS.contains(name) && name.equals(arg)) {
                flags.put(name, true);
            } else if (VALUE_OPTIONS.contains(name)) {
                String value;
                if (!name.equals(arg)) {
                    value = arg.substring(name.length() + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new UsageException("option " + name + " requires a value");
                }
                if (name.equals("--spend")) {
                    spendFiles.add(value);
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (flags.containsKey("--help") || flags.containsKey("-h")) {
            return new ReplayOptions(null, null, null, null, null, null, null, DEFAULT_TIME_ZONE, false, null,
                    DEFAULT_GROUP_BY, false, ReplayClient.DEFAULT_CONCURRENCY, SpendOptions.NONE, false, true);
        }
        return build(values, flags, spendFiles);
    }

    private static ReplayOptions build(Map<String, String> values, Map<String, Boolean> flags,
            List<String> spendFileNames) throws UsageException {
        URI baseUrl = baseUrl(required(values, "--base-url"));
        String measurementId = required(values, "--measurement-id");
        String apiSecret = required(values, "--api-secret");
        Path input = existingFile("--input", required(values, "--input"));
        ReplayFormat format = format(required(values, "--format"));

        LocalDate from = date(values, "--from");
        LocalDate to = date(values, "--to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new UsageException("option --from " + from + " is after --to " + to);
        }
        ZoneId timeZone = timeZone(values.get("--time-zone"));
        boolean register = flags.containsKey("--register-property");
        String adminToken = values.get("--admin-token");
        if (register && (adminToken == null || adminToken.isBlank())) {
            throw new UsageException("option --register-property requires --admin-token");
        }
        String groupBy = values.getOrDefault("--group-by", DEFAULT_GROUP_BY);
        if (!GROUP_BY_VALUES.contains(groupBy)) {
            throw new UsageException("option --group-by '" + groupBy + "' is invalid; expected one of "
                    + String.join("|", GROUP_BY_VALUES));
        }
        int concurrency = concurrency(values.get("--concurrency"));
        boolean exampleGoal = flags.containsKey("--example-goal");
        if (exampleGoal && (adminToken == null || adminToken.isBlank())) {
            throw new UsageException("option --example-goal requires --admin-token");
        }
        return new ReplayOptions(baseUrl, measurementId, apiSecret, input, format, from, to, timeZone, register,
                adminToken, groupBy, flags.containsKey("--json"), concurrency, spend(values, spendFileNames),
                exampleGoal, false);
    }

    private static SpendOptions spend(Map<String, String> values, List<String> fileNames) throws UsageException {
        List<Path> files = new ArrayList<>();
        for (String name : fileNames) {
            files.add(existingFile("--spend", name));
        }
        if (files.isEmpty()) {
            for (String option : List.of("--spend-format", "--spend-from", "--spend-to")) {
                if (values.containsKey(option)) {
                    throw new UsageException("option " + option + " requires --spend");
                }
            }
        }
        LocalDate from = date(values, "--spend-from");
        LocalDate to = date(values, "--spend-to");
        // The server needs both ends of a period, so a lone end is reported here, before the replay runs.
        if ((from == null) != (to == null)) {
            throw new UsageException("options --spend-from and --spend-to must be given together");
        }
        if (from != null && from.isAfter(to)) {
            throw new UsageException("option --spend-from " + from + " is after --spend-to " + to);
        }
        return new SpendOptions(List.copyOf(files), spendFormat(values.get("--spend-format")), from, to);
    }

    private static String required(Map<String, String> values, String option) throws UsageException {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("option " + option + " is required");
        }
        return value;
    }

    private static URI baseUrl(String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with the expected form.
        }
        throw new UsageException("option --base-url '" + text + "' is not an http(s) URL such as "
                + "http://127.0.0.1:8080");
    }

    private static Path existingFile(String option, String text) throws UsageException {
        Path path = Path.of(text);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("option " + option + ": file not found: " + path.toAbsolutePath());
        }
        return path;
    }

    private static String spendFormat(String text) throws UsageException {
        if (text == null) {
            return null;
        }
        if (!SpendFormats.ids().contains(text)) {
            throw new UsageException("option --spend-format '" + text + "' is invalid; expected one of "
                    + String.join("|", SpendFormats.ids()));
        }
        return text;
    }

    private static ReplayFormat format(String text) throws UsageException {
        try {
            return ReplayFormat.fromId(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --format '" + text + "' is invalid; expected one of "
                    + ReplayFormat.ids());
        }
    }

    private static LocalDate date(Map<String, String> values, String option) throws UsageException {
        String text = values.get(option);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("option " + option + " '" + text + "' is not a date of the form yyyy-MM-dd");
        }
    }

    private static ZoneId timeZone(String text) throws UsageException {
        if (text == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new UsageException("option --time-zone '" + text + "' is not a time zone id such as "
                    + "America/Los_Angeles or UTC");
        }
    }

    private static int concurrency(String text) throws UsageException {
        if (text == null) {
            return ReplayClient.DEFAULT_CONCURRENCY;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_CONCURRENCY) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new UsageException("option --concurrency '" + text + "' is invalid; expected a whole number from 1 to "
                + MAX_CONCURRENCY);
    }
}
