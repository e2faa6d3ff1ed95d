package com.campaignkpi.snapshot;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.PropertyIds;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Base periods a snapshot's KPIs can be compared with, each in the snapshot's time zone. */
enum ComparisonPeriod {

    /** The same number of days, ending the day before the range starts. */
    PREVIOUS_PERIOD("previous_period") {
        @Override
        SnapshotRange baseOf(SnapshotRange range) {
            long days = ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
            return new SnapshotRange(range.from().minusDays(days), range.from().minusDays(1), range.zone());
        }
    },

    /** Both ends one year earlier. February 29 becomes February 28, as {@code LocalDate.minusYears} does. */
    PREVIOUS_YEAR("previous_year") {
        @Override
        SnapshotRange baseOf(SnapshotRange range) {
            return new SnapshotRange(range.from().minusYears(1), range.to().minusYears(1), range.zone());
        }
    };

    private final String id;

    ComparisonPeriod(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    abstract SnapshotRange baseOf(SnapshotRange range);

    static Optional<ComparisonPeriod> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id.equals(id)).findFirst();
    }

    /**
     * Parses a request's {@code compare} ids in their order, each once, and checks that every base period lies
     * within the years a snapshot may cover.
     *
     * @return the periods, empty when {@code ids} is null or empty
     * @throws RequestException naming {@code compare[i]} for an unknown id or a base period before 1970
     */
    static List<ComparisonPeriod> parse(List<String> ids, SnapshotRange range) {
        List<ComparisonPeriod> periods = new ArrayList<>();
        if (ids == null) {
            return periods;
        }
        for (int i = 0; i < ids.size(); i++) {
            String value = ids.get(i);
            String field = "compare[" + i + "]";
            ComparisonPeriod period = fromId(value).orElseThrow(() -> RequestException.invalid(field, field + " '"
                    + (value == null ? null : PropertyIds.abbreviate(value)) + "' is unknown: use one of "
                    + Arrays.stream(values()).map(ComparisonPeriod::id).collect(Collectors.joining(", "))));
            if (periods.contains(period)) {
                continue;
            }
            SnapshotRange base = period.baseOf(range);
            if (base.from().getYear() < SnapshotRange.FIRST_YEAR) {
                throw RequestException.invalid(field, field + " " + period.id + " would start on " + base.from()
                        + ", outside the years " + SnapshotRange.FIRST_YEAR + " to " + SnapshotRange.LAST_YEAR
                        + ". Choose a later range or leave out this comparison");
            }
            periods.add(period);
        }
        return periods;
    }
}
