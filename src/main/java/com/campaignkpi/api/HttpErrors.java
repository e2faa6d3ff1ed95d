package com.campaignkpi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

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
        if (isBodyDecodingFailure(context.failure())) {
            // Vert.x decodes a body labelled as a form before any route runs, and its text may contain a secret.
            LOG.debugf("Rejected %s %s: body not decodable as its content type", context.request().method(),
                    context.request().path());
            send(context, 400, new ErrorBody(400, "The body could not be decoded as its Content-Type declares; send "
                    + "JSON with Content-Type: application/json, uncompressed", "$"));
            return;
        }
        if (context.failure() == null && context.statusCode() == 413) {
            // Vert.x's body handler stops reading a body over quarkus.http.limits.max-body-size.
            LOG.debugf("Rejected %s %s with 413: body over %d bytes", context.request().method(),
                    context.request().path(), maxBodySize.asLongValue());
            send(context, 413, new ErrorBody(413, "The body is larger than this server's limit of "
                    + maxBodySize.asLongValue() + " bytes, so it was not read; send less per request", "$"));
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

    /**
     * Returns whether the failure is a body that does not decode as its Content-Type declares. Vert.x fails the
     * request with Netty's DecoderException, or for a form, with that exception's cause: an IllegalArgumentException
     * from Netty's decoder, such as "invalid hex byte" for a '%' not followed by two hex digits.
     */
    private static boolean isBodyDecodingFailure(Throwable failure) {
        if (Failures.find(failure, DecoderException.class) != null) {
            return true;
        }
        IllegalArgumentException invalid = Failures.find(failure, IllegalArgumentException.class);
        return invalid != null && Arrays.stream(invalid.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("io.netty.handler.codec.http."));
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
