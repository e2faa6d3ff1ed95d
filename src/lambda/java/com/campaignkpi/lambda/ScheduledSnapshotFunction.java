package com.campaignkpi.lambda;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.snapshot.ScheduledRun;
import com.campaignkpi.snapshot.ScheduledSnapshots;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The {@code scheduled-snapshot} function that EventBridge Scheduler invokes per property, in the property's time
 * zone. A failure is thrown, so the schedule's retry policy and the function's error alarm see it.
 */
public class ScheduledSnapshotFunction {

    @Inject
    ScheduledSnapshots snapshots;

    @Funq("scheduled-snapshot")
    public ScheduledRun run(ScheduledSnapshotRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "The input is missing; the schedule passes property and run");
        }
        return snapshots.run(request.property(), request.timeZone(), request.run(), request.lateDays(),
                request.groupBy());
    }
}
