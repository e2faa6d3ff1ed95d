package com.campaignkpi.lambda;

import com.campaignkpi.api.RequestException;
import com.campaignkpi.ingest.CollectCommand;
import com.campaignkpi.ingest.CollectService;
import com.campaignkpi.ingest.Endpoint;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The {@code webhook} function behind API Gateway's webhook routes. It rejects a wrong or missing secret with 401
 * and an invalid event with its reason, as the HTTP server does, but stores nothing itself. It puts the request on
 * the ingest queue, which keeps it for 14 days (template.yaml), so a throttled table or a deploy of the
 * {@code ingest} function does not lose the event.
 *
 * <ul>
 *   <li>{@code POST /mp/collect}: a GA4 Measurement Protocol body.</li>
 *   <li>{@code POST /events}: the canonical event JSON.</li>
 * </ul>
 */
public class WebhookFunction {

    private static final Logger LOG = Logger.getLogger(WebhookFunction.class);

    @Inject
    CollectService collector;

    @Inject
    IngestQueue queue;

    @Inject
    HttpApiCalls calls;

    @Funq("webhook")
    public HttpApiResponse webhook(HttpApiRequest request) {
        return calls.respond(request, () -> {
            Endpoint endpoint = endpoint(request.path());
            boolean importMode = isTrue(request.query("import"));
            var admission = collector.admit(new CollectCommand(
                    request.queryOrHeader("measurement_id", "X-Measurement-Id"),
                    request.queryOrHeader("api_secret", "X-Api-Secret"),
                    endpoint, importMode, request.bodyBytes(), request.header("X-Signature"),
                    CollectCommand.browserUserAgent(endpoint, request::header)));
            if (admission.hasWork()) {
                String messageId = queue.send(admission.toQueued(importMode));
                LOG.debugf("Queued request for %s as message %s", admission.property().id(), messageId);
            }
            return admission.queuedResult();
        });
    }

    private static Endpoint endpoint(String path) {
        if (path != null && path.endsWith("/mp/collect")) {
            return Endpoint.MEASUREMENT_PROTOCOL;
        }
        if (path != null && path.endsWith("/events")) {
            return Endpoint.CANONICAL;
        }
        throw RequestException.notFound("$", "No webhook at " + path + "; use /mp/collect or /events");
    }

    private static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
    }
}
