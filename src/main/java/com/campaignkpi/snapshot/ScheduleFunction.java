package com.campaignkpi.snapshot;

import com.campaignkpi.api.Days;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.AdminAccess;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The {@code schedule} function: the scheduled run of snapshots and alerts, for a self-hosted server whose cron
 * calls it once a day and once an hour. On AWS, EventBridge Scheduler invokes {@code scheduled-snapshot} instead.
 * Needs the admin token.
 */
public class ScheduleFunction {

    @Inject
    AdminAccess admin;

    @Inject
    ScheduledSnapshots snapshots;

    @Funq("schedule")
    public ScheduledRun schedule(ScheduleRequest request) {
        if (request == null) {
            throw RequestException.invalid("$", "The request is missing; send property, run and adminToken");
        }
        admin.authorize(request.adminToken(), "adminToken");
        return snapshots.run(request.property(), null, request.run(), request.lateDays(), request.groupBy(),
                request.asOf() == null ? null : Days.require("asOf", request.asOf()));
    }
}
