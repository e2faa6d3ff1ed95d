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
 * <p>The body is read as raw bytes whatever the content type says, because senders label JSON as text/plain or
 * as a form, and a form parser would choke on it.
 */
@ApplicationScoped
public class WebhookRoutes {

    /**
     * A declared body over this size is refused before it is read. Bodies up to it are read, so one just over the
     * 130,000-byte limit still gets a 413 that names the limit. Bodies over quarkus.http.limits.max-body-size (10 MB
     * by default) never reach this class.
     */
    private static final long READ_LIMIT_BYTES = 1024 * 1024;

    @Inject
    CollectService collector;

    @Inject
    HttpErrors errors;

    void install(@Observes Router router) {
        install(router, "/mp/collect", Endpoint.MEASUREMENT_PROTOCOL);
        install(router, "/events", Endpoint.CANONICAL);
    }

    private void install(Router router, String path, Endpoint endpoint) {
        router.post(path).handler(context -> readBody(context, endpoint));
        router.route(path).handler(context -> {
            context.response().putHeader("Allow", "POST");
            errors.send(context, 405, new ErrorBody(405, context.request().method() + " is not allowed on " + path
                    + "; send the events with POST", null));
        });
    }

    private void readBody(RoutingContext context, Endpoint endpoint) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > READ_LIMIT_BYTES) {
            tooLarge(context, Long.parseLong(declared));
            return;
        }
        context.request().body()
                .onSuccess(body -> context.vertx().<Void>executeBlocking(() -> {
                    collect(context, endpoint, body);
                    return null;
                }, false).onFailure(context::fail))
                .onFailure(context::fail);
    }

    private void collect(RoutingContext context, Endpoint endpoint, Buffer body) {
        if (body.length() > READ_LIMIT_BYTES) {
            tooLarge(context, body.length());
            return;
        }
        CollectCommand command = new CollectCommand(
                firstOf(context.request().getParam("measurement_id"), context.request().getHeader("X-Measurement-Id")),
                firstOf(context.request().getParam("api_secret"), context.request().getHeader("X-Api-Secret")),
                endpoint,
                isTrue(context.request().getParam("import")),
                body.getBytes());
        try {
            errors.send(context, 200, collector.collect(command));
        } catch (RequestException e) {
            errors.send(context, e.status(), new ErrorBody(e.status(), e.getMessage(), e.field()));
        }
    }

    private void tooLarge(RoutingContext context, long bytes) {
        errors.send(context, 413, new ErrorBody(413, "The body has " + bytes + " bytes; the limit is "
                + EventLimits.MAX_BODY_BYTES + " bytes per request, so split the events over several requests", "$"));
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isEmpty() ? first : second;
    }

    private static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
    }
}
