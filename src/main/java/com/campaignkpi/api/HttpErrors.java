package com.campaignkpi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Maps exceptions from any function or webhook to a status and a JSON {@link ErrorBody}: a {@link RequestException}
 * to its 4xx, a store that is throttling or unreachable to 503, so callers retry only what is worth retrying, and
 * anything else to 500. Funqy's HTTP binding would return 500 for every exception.
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
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        RequestException requestError = Failures.find(context.failure(), RequestException.class);
        if (requestError != null) {
            LOG.debugf("Rejected %s %s with %d: %s", context.request().method(), context.request().path(),
                    requestError.status(), requestError.getMessage());
            send(context, requestError.status(), new ErrorBody(requestError.status(), requestError.getMessage(),
                    requestError.field()));
            return;
        }
        ErrorBody unavailable = Failures.unavailable(context.failure());
        if (unavailable != null) {
            LOG.warnf("Answered %s %s with 503 because the store failed: %s", context.request().method(),
                    context.request().path(), context.failure().toString());
            context.response().putHeader("Retry-After", Integer.toString(Failures.RETRY_AFTER_SECONDS));
            send(context, 503, unavailable);
            return;
        }
        if (Failures.find(context.failure(), DecoderException.class) != null) {
            // Vert.x decodes a body labelled as a form before any route runs, and its text may contain a secret.
            LOG.debugf("Rejected %s %s: body not decodable as its content type", context.request().method(),
                    context.request().path());
            send(context, 400, new ErrorBody(400, "The body could not be decoded as its Content-Type declares; send "
                    + "JSON with Content-Type: application/json, uncompressed", "$"));
            return;
        }
        if (context.failure() == null) {
            int status = context.statusCode() > 0 ? context.statusCode() : 500;
            send(context, status, new ErrorBody(status, HttpResponseStatus.valueOf(status).reasonPhrase(), null));
            return;
        }
        // Logged here with the path only: the default handler would log the query string, which contains api_secret.
        LOG.errorf(context.failure(), "Failed %s %s", context.request().method(), context.request().path());
        send(context, 500, new ErrorBody(500, "Internal error while handling " + context.request().path()
                + "; the server log has the details", null));
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
}
