package com.campaignkpi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Turns a {@link RequestException} thrown by any function into its 4xx status and a JSON {@link ErrorBody}.
 * Funqy's HTTP binding answers every exception from a function with 500, which would blame the server for a
 * client's mistake.
 */
@ApplicationScoped
public class HttpErrors {

    private static final Logger LOG = Logger.getLogger(HttpErrors.class);

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        RequestException requestError = findRequestException(context.failure());
        if (requestError == null || context.response().headWritten()) {
            context.next();
            return;
        }
        LOG.debugf("Rejected %s %s with %d: %s", context.request().method(), context.request().path(),
                requestError.status(), requestError.getMessage());
        send(context, requestError.status(), new ErrorBody(requestError.status(), requestError.getMessage(),
                requestError.field()));
    }

    /** Writes {@code body} as JSON with {@code status}; used by the webhook routes too. */
    public void send(RoutingContext context, int status, Object body) {
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + body.getClass().getSimpleName(), e);
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }

    private static RequestException findRequestException(Throwable failure) {
        Throwable current = failure;
        while (current != null) {
            if (current instanceof RequestException requestException) {
                return requestException;
            }
            current = current.getCause();
        }
        return null;
    }
}
