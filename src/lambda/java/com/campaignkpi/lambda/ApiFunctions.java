package com.campaignkpi.lambda;

import com.campaignkpi.alert.AlertsFunction;
import com.campaignkpi.alert.AlertsRequest;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.export.SnapshotCsv;
import com.campaignkpi.goal.GoalKpisFunction;
import com.campaignkpi.goal.GoalsFunction;
import com.campaignkpi.goal.GoalsRequest;
import com.campaignkpi.kpi.KpiFunction;
import com.campaignkpi.privacy.EraseFunction;
import com.campaignkpi.privacy.EraseRequest;
import com.campaignkpi.property.AdminAccess;
import com.campaignkpi.property.PropertyFunction;
import com.campaignkpi.property.PropertyRequest;
import com.campaignkpi.property.ReadAccess;
import com.campaignkpi.snapshot.Snapshot;
import com.campaignkpi.snapshot.SnapshotFunction;
import com.campaignkpi.snapshot.SnapshotRequest;
import com.campaignkpi.spend.SpendImportService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * The functions behind API Gateway's read and admin routes. Each takes the HTTP API event, calls the same code as
 * the HTTP server's function of that name, and returns the same statuses and JSON. They are separate Lambda
 * functions, one per route group, so each has only the table permissions its route needs.
 *
 * <ul>
 *   <li>{@code api-snapshot}: {@code POST /snapshot} with a snapshot request, or {@code GET /snapshot} with the
 *       same fields as query parameters ({@code compare} comma-separated, and no exchange rates); needs
 *       {@code Authorization: Bearer} with the admin token.</li>
 *   <li>{@code api-kpis}: {@code GET /kpis}, the KPI definitions; public.</li>
 *   <li>{@code api-spend}: {@code POST /spend/import}, a spend report with the property's measurement id and
 *       API secret, as on the HTTP server.</li>
 *   <li>{@code api-property}: {@code POST /property}, creating or changing a property with the admin token in
 *       the body.</li>
 *   <li>{@code api-goals}: {@code POST /goals}, the goals function, admin token in the body.</li>
 *   <li>{@code api-goal-kpis}: {@code GET /goal-kpis}, the KPIs to watch per goal type; public.</li>
 *   <li>{@code api-alerts}: {@code POST /alerts} with the admin token or a read key in the body, or
 *       {@code GET /alerts} with {@code property}, {@code from} and {@code limit} as query parameters and the
 *       admin token or a read key as a Bearer.</li>
 *   <li>{@code api-erase}: {@code POST /erase}, erasing visitors or a whole property, admin token in the body.</li>
 * </ul>
 */
public class ApiFunctions {

    @Inject
    HttpApiCalls calls;

    @Inject
    AdminAccess admin;

    @Inject
    ReadAccess reads;

    @Inject
    SnapshotFunction snapshots;

    @Inject
    KpiFunction kpis;

    @Inject
    SpendImportService spend;

    @Inject
    PropertyFunction properties;

    @Inject
    GoalsFunction goals;

    @Inject
    GoalKpisFunction goalKpis;

    @Inject
    AlertsFunction alerts;

    @Inject
    EraseFunction erasure;

    @Funq("api-snapshot")
    public HttpApiResponse snapshot(HttpApiRequest request) {
        if (request != null && request.path() != null && request.path().endsWith(".csv")) {
            return calls.respondText(request, () -> SnapshotCsv.write(readSnapshot(request)),
                    "text/csv; charset=utf-8");
        }
        return calls.respond(request, () -> readSnapshot(request));
    }

    /** Returns the snapshot a GET's query parameters or a POST's body ask for, after checking the admin token. */
    private Snapshot readSnapshot(HttpApiRequest request) {
        String key = request.bearerToken() != null ? request.bearerToken() : request.query("key");
        if (!admin.matches(key)) {
            if (key == null || key.isEmpty()) {
                throw RequestException.unauthorized("Authorization", "Authorization is missing: send a read key "
                        + "of the property or the admin token as a Bearer token");
            }
            // The key is checked before the snapshot is computed; the property comes from the query or the body.
            String property = "GET".equals(request.method()) ? request.query("property") : null;
            if (property == null) {
                property = calls.readBody(request, SnapshotRequest.class).property();
            }
            reads.authorize(property, key, "Authorization", false);
        }
        SnapshotRequest query = "GET".equals(request.method())
                ? new SnapshotRequest(request.query("property"), request.query("from"), request.query("to"),
                        request.query("timeZone"), request.query("groupBy"), isTrue(request.query("refresh")),
                        null, commaSeparated(request.query("compare")), isTrue(request.query("includeBots")))
                : calls.readBody(request, SnapshotRequest.class);
        return snapshots.snapshot(query);
    }

    @Funq("api-kpis")
    public HttpApiResponse kpis(HttpApiRequest request) {
        return calls.respond(request, kpis::definitions);
    }

    @Funq("api-spend")
    public HttpApiResponse spend(HttpApiRequest request) {
        return calls.respond(request, () -> spend.importReport(
                request.queryOrHeader("measurement_id", "X-Measurement-Id"),
                request.queryOrHeader("api_secret", "X-Api-Secret"),
                request.query("format"), request.query("from"), request.query("to"), request.bodyBytes()));
    }

    @Funq("api-property")
    public HttpApiResponse property(HttpApiRequest request) {
        return calls.respond(request, () -> properties.save(calls.readBody(request, PropertyRequest.class)));
    }

    /**
     * Splits a comma-separated query parameter, which is also how API Gateway passes a repeated one. Empty items are
     * kept, so the function reports them by position.
     */
    private static List<String> commaSeparated(String values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return Arrays.stream(values.split(",", -1)).map(String::strip).toList();
    }

    @Funq("api-goals")
    public HttpApiResponse goals(HttpApiRequest request) {
        return calls.respond(request, () -> goals.goals(calls.readBody(request, GoalsRequest.class)));
    }

    @Funq("api-goal-kpis")
    public HttpApiResponse goalKpis(HttpApiRequest request) {
        return calls.respond(request, goalKpis::goalKpis);
    }

    @Funq("api-alerts")
    public HttpApiResponse alerts(HttpApiRequest request) {
        return calls.respond(request, () -> {
            AlertsRequest query = "GET".equals(request.method())
                    ? new AlertsRequest(request.query("property"), request.query("from"),
                            limit(request.query("limit")), null, request.bearerToken())
                    : calls.readBody(request, AlertsRequest.class);
            if (query != null && query.adminToken() == null) {
                // On the internet a property without read keys is not open: only the admin token reads it.
                reads.authorize(query.property(), query.readKey(), "readKey", false);
            }
            return alerts.alerts(query);
        });
    }

    @Funq("api-erase")
    public HttpApiResponse erase(HttpApiRequest request) {
        return calls.respond(request, () -> erasure.erase(calls.readBody(request, EraseRequest.class)));
    }

    private static Integer limit(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw RequestException.invalid("limit", "limit '"
                    + com.campaignkpi.property.PropertyIds.abbreviate(value) + "' is not a whole number");
        }
    }

    private static Boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
    }
}
