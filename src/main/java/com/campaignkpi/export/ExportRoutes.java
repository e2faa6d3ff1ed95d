package com.campaignkpi.export;

import com.campaignkpi.api.ErrorBody;
import com.campaignkpi.api.FunctionBodies;
import com.campaignkpi.api.HttpErrors;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.ReadAccess;
import com.campaignkpi.snapshot.Snapshot;
import com.campaignkpi.snapshot.SnapshotFunction;
import com.campaignkpi.snapshot.SnapshotRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code GET /export/snapshot.csv}: the snapshot function's result as CSV, for BI tools that read a URL, such as
 * Looker Studio, the Power BI Web connector, Tableau's Web Data Connector or Grafana's Infinity data source. The
 * query parameters are the snapshot request's fields: {@code property}, {@code from}, {@code to}, and optionally
 * {@code timeZone}, {@code groupBy} and {@code refresh}, plus {@code key}, a read key for tools that cannot send an
 * Authorization header. Comparisons are in the JSON only, so the export computes none.
 */
@ApplicationScoped
public class ExportRoutes {

    @Inject
    SnapshotFunction snapshots;

    @Inject
    HttpErrors errors;

    @Inject
    ReadAccess reads;

    void install(@Observes Router router) {
        router.get("/export/snapshot.csv").blockingHandler(this::snapshotCsv, false);
    }

    private void snapshotCsv(RoutingContext context) {
        try {
            reads.authorize(context.request().getParam("property"), FunctionBodies.readKey(context), "Authorization");
            Snapshot snapshot = snapshots.snapshot(new SnapshotRequest(
                    context.request().getParam("property"), context.request().getParam("from"),
                    context.request().getParam("to"), context.request().getParam("timeZone"),
                    context.request().getParam("groupBy"), isTrue(context.request().getParam("refresh")), null,
                    null, isTrue(context.request().getParam("includeBots"))));
            context.response()
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "inline; filename=\"snapshot-" + snapshot.property() + "-"
                            + snapshot.from() + "-" + snapshot.to() + ".csv\"")
                    .end(SnapshotCsv.write(snapshot));
        } catch (RequestException e) {
            errors.send(context, e.status(), new ErrorBody(e.status(), e.getMessage(), e.field()));
        }
    }

    private static Boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
    }
}
