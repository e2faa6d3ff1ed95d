package com.campaignkpi.spend;

import com.campaignkpi.api.ErrorBody;
import com.campaignkpi.api.HttpErrors;
import com.campaignkpi.api.RequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code POST /spend/import?measurement_id=ID&api_secret=S[&format=F&from=DAY&to=DAY]} with the exported report
 * file as the body, exactly as downloaded: UTF-8 or UTF-16, with the platform's preamble and total rows.
 */
@ApplicationScoped
public class SpendRoutes {

    @Inject
    SpendImportService importer;

    @Inject
    HttpErrors errors;

    void install(@Observes Router router) {
        router.post("/spend/import").blockingHandler(this::importReport, false);
    }

    private void importReport(RoutingContext context) {
        Buffer body = context.body().buffer();
        try {
            errors.send(context, 200, importer.importReport(
                    first(context, "measurement_id", "X-Measurement-Id"),
                    first(context, "api_secret", "X-Api-Secret"),
                    context.request().getParam("format"),
                    context.request().getParam("from"),
                    context.request().getParam("to"),
                    body == null ? new byte[0] : body.getBytes()));
        } catch (RequestException e) {
            errors.send(context, e.status(), new ErrorBody(e.status(), e.getMessage(), e.field()));
        }
    }

    private static String first(RoutingContext context, String parameter, String header) {
        String value = context.request().getParam(parameter);
        return value != null && !value.isEmpty() ? value : context.request().getHeader(header);
    }
}
