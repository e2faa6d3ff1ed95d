package com.campaignkpi.replay;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The export formats the replay reads, each with its reader and the webhook a tag manager would post it to. */
public enum ReplayFormat {

    UA_HITS(UaHitsReader.FORMAT, Endpoint.MEASUREMENT_PROTOCOL, UaHitsReader::new),
    PLAUSIBLE_EVENTS(PlausibleEventsReader.FORMAT, Endpoint.MEASUREMENT_PROTOCOL, PlausibleEventsReader::new),
    GA4_EXPORT(Ga4ExportReader.FORMAT, Endpoint.CANONICAL_EVENTS, Ga4ExportReader::new),
    CANONICAL(CanonicalReader.FORMAT, Endpoint.CANONICAL_EVENTS, CanonicalReader::new);

    private final String id;
    private final Endpoint endpoint;
    private final Supplier<ExportReader> reader;

    ReplayFormat(String id, Endpoint endpoint, Supplier<ExportReader> reader) {
        this.id = id;
        this.endpoint = endpoint;
        this.reader = reader;
    }

    /** Returns the name used on the command line, such as {@code ua-hits}. */
    public String id() {
        return id;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ExportReader reader() {
        return reader.get();
    }

    /**
     * Returns the format with the given command-line name.
     *
     * @throws IllegalArgumentException naming the accepted names when there is none
     */
    public static ReplayFormat fromId(String id) {
        return Arrays.stream(values())
                .filter(format -> format.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + id + "'; expected one of "
                        + ids()));
    }

    /** Returns the command-line names, separated by '|'. */
    public static String ids() {
        return Arrays.stream(values()).map(ReplayFormat::id).collect(Collectors.joining("|"));
    }
}
