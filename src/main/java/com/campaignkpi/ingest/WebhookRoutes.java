package com.campaignkpi.ingest;

import com.campaignkpi.api.ErrorBody;
import com.campaignkpi.api.HttpErrors;
import com.campaignkpi.api.RequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The webhook URLs tag managers post to. They sit beside the Funqy functions because a GA4 sender passes
 * {@code measurement_id} and {@code api_secret} in the query string, which a Funqy function cannot read, and
 * because the response needs its own status codes.
 *
 * <ul>
 *   <li>{@code POST /mp/collect}: a GA4 Measurement Protocol body, the path GA4 itself uses, so a server-side GTM
 *       tag or any MP sender only changes the host.</li>
 *   <li>{@code POST /events}: the canonical event JSON.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookRoutes {

    /**
     * Bodies up to this size are read, so a body over the 130,000-byte limit still gets a JSON 413 naming the
     * limit. Larger ones get the body handler's bare 413.
     */
    private static final long READ_LIMIT_BYTES = 1024 * 1024;

    @Inject
    CollectService collector;

    @Inject
    HttpErrors errors;

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(READ_LIMIT_BYTES);
        router.post("/mp/collect").handler(bodies).blockingHandler(context -> collect(context,
                Endpoint.MEASUREMENT_PROTOCOL), false);
        router.post("/events").handler(bodies).blockingHandler(context -> collect(context, Endpoint.CANONICAL),
                false);
    }

    private void collect(RoutingContext context, Endpoint endpoint) {
        Buffer body = context.body().buffer();
        CollectCommand command = new CollectCommand(
                firstOf(context.request().getParam("measurement_id"), context.request().getHeader("X-Measurement-Id")),
                firstOf(context.request().getParam("api_secret"), context.request().getHeader("X-Api-Secret")),
                endpoint,
                isTrue(context.request().getParam("import")),
                body == null ? new byte[0] : body.getBytes());
        try {
            errors.send(context, 200, collector.collect(command));
        } catch (RequestException e) {
            errors.send(context, e.status(), new ErrorBody(e.status(), e.getMessage(), e.field()));
        }
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isEmpty() ? first : second;
    }

    private static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
    }
}
