package com.campaignkpi.ingest;

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
 * The webhook URLs tag managers post to. They sit beside the Funqy functions because a GA4 sender passes
 * {@code measurement_id} and {@code api_secret} in the query string, which a Funqy function cannot read, and
 * because the response needs its own status codes.
 *
 * <ul>
 *   <li>{@code POST /mp/collect}: a GA4 Measurement Protocol body, the path GA4 itself uses, so a server-side GTM
 *       tag or any MP sender only changes the host.</li>
 *   <li>{@code POST /events}: the canonical event JSON.</li>
 * </ul>
 *
 * <p>Quarkus reads each body before these handlers run, up to quarkus.http.limits.max-body-size (10 MB by default),
 * so every body over the 130,000-byte limit up to that size gets a 413 that names the limit. The raw bytes are used
 * whatever the content type declares, because senders label JSON as text/plain or as a form.
 */
@ApplicationScoped
public class WebhookRoutes {

    @Inject
    CollectService collector;

    @Inject
    HttpErrors errors;

    void install(@Observes Router router) {
        install(router, "/mp/collect", Endpoint.MEASUREMENT_PROTOCOL);
        install(router, "/events", Endpoint.CANONICAL);
    }

    private void install(Router router, String path, Endpoint endpoint) {
        router.post(path).blockingHandler(context -> collect(context, endpoint), false);
        router.route(path).handler(context -> {
            context.response().putHeader("Allow", "POST");
            errors.send(context, 405, new ErrorBody(405, context.request().method() + " is not allowed on " + path
                    + "; send the events with POST", null));
        });
    }

    private void collect(RoutingContext context, Endpoint endpoint) {
        Buffer body = context.body().buffer();
        CollectCommand command = new CollectCommand(
                firstOf(context.request().getParam("measurement_id"), context.request().getHeader("X-Measurement-Id")),
                firstOf(context.request().getParam("api_secret"), context.request().getHeader("X-Api-Secret")),
                endpoint,
                isTrue(context.request().getParam("import")),
                body == null ? new byte[0] : body.getBytes(),
                context.request().getHeader(RequestSignature.HEADER),
                CollectCommand.browserUserAgent(endpoint, context.request()::getHeader));
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
