package com.campaignkpi.export;

import com.campaignkpi.api.ErrorBody;
import com.campaignkpi.api.HttpErrors;
import com.campaignkpi.api.RequestException;
import com.campaignkpi.property.ReadAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * Checks the read key of {@code POST /snapshot} before the function runs, since a Funqy function does not see the
 * request's headers. A body that is not JSON goes on, and the function reports it.
 */
@ApplicationScoped
public class ReadKeyGuard {

    @Inject
    ReadAccess reads;

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpErrors errors;

    void install(@Observes Router router) {
        router.post("/snapshot").order(-90).blockingHandler(this::check, false);
    }

    private void check(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        String property = null;
        if (body != null && body.length() > 0) {
            try {
                JsonNode json = mapper.readTree(body.getBytes());
                property = json != null && json.path("property").isTextual() ? json.get("property").asText() : null;
            } catch (IOException e) {
                context.next();
                return;
            }
        }
        try {
            reads.authorize(property, ExportRoutes.readKey(context), "Authorization");
        } catch (RequestException e) {
            errors.send(context, e.status(), new ErrorBody(e.status(), e.getMessage(), e.field()));
            return;
        }
        context.next();
    }
}
