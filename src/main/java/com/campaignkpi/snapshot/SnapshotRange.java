package com.campaignkpi.snapshot;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.ingest.EpochMicros;
import com.campaignkpi.property.PropertyIds;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of days in a time zone, and the instants it spans: from the first day's start to the start of
 * the day after the last (a Tehran day starts at 20:30 UTC the evening before).
 */
record SnapshotRange(LocalDate from, LocalDate to, ZoneId zone) {

    /** Maximum days in one snapshot, because each UTC day of the range costs one Query. */
    static final int MAX_DAYS = 400;

    /** Event times start at the Unix epoch and end in 9999, as the collector accepts them. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9999;

    static SnapshotRange parse(String from, String to, String timeZone, ZoneId propertyZone) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw RequestException.invalid("to", "to " + last + " is before from " + first);
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw RequestException.invalid("to", "the range has " + days + " days; the limit is " + MAX_DAYS
                    + " per snapshot");
        }
        return new SnapshotRange(first, last, zone(timeZone, propertyZone));
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the start of the day after {@link #to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    long startMicros() {
        return EpochMicros.of(start());
    }

    long endMicros() {
        return EpochMicros.of(end());
    }

    private static LocalDate date(String field, String value) {
        LocalDate day = Days.require(field, value);
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw RequestException.invalid(field, field + " " + day + " is outside the years " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        }
        return day;
    }

    private static ZoneId zone(String timeZone, ZoneId propertyZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return propertyZone;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw RequestException.invalid("timeZone", "timeZone '" + PropertyIds.abbreviate(timeZone)
                    + "' is not an IANA time zone id "
                    + "such as Asia/Tehran or America/New_York");
        }
    }
}
