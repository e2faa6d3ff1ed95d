package com.campaignkpi.api;

import com.campaignkpi.alert.AlertsRequest;
import com.campaignkpi.goal.GoalsRequest;
import com.campaignkpi.ingest.CollectRequest;
import com.campaignkpi.privacy.EraseRequest;
import com.campaignkpi.property.PropertyRequest;
import com.campaignkpi.property.ReadAccess;
import com.campaignkpi.snapshot.ScheduleRequest;
import com.campaignkpi.snapshot.SnapshotRequest;
import com.campaignkpi.spend.SpendRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON body of each function with an input before Funqy does. A body that does not fit the input type
 * gets 400 naming the field, such as {@code goal.target.value} or {@code groupBy[0]}, where Funqy's HTTP binding
 * would return a bare 400 without a field. For {@code snapshot}, it also checks the read key, which a Funqy function
 * cannot see because it arrives in a header. A body that passes goes on to Funqy unchanged.
 */
@ApplicationScoped
public class FunctionBodies {

    /** Input types of the functions that take one, by function name, which is also the path. */
    static final Map<String, Class<?>> INPUTS = Map.of(
            "alerts", AlertsRequest.class,
            "collect", CollectRequest.class,
            "erase", EraseRequest.class,
            "goals", GoalsRequest.class,
            "property", PropertyRequest.class,
            "schedule", ScheduleRequest.class,
            "snapshot", SnapshotRequest.class,
            "spend", SpendRequest.class);

    /** Functions without input: a body sent to them is a client's mistake. */
    static final Set<String> NO_INPUT = Set.of("kpis", "goal-kpis");

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpErrors errors;

    @Inject
    ReadAccess reads;

    /** Reads inputs as Funqy's HTTP binding does: field names in any letter case, unknown fields ignored. */
    private ObjectReader funqyReader;

    @PostConstruct
    void createReader() {
        funqyReader = mapper.copy()
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .reader();
    }

    void install(@Observes Router router) {
        // Blocking, because the read-key check may read the property from the store.
        INPUTS.forEach((function, type) -> router.post("/" + function).order(-100)
                .blockingHandler(context -> check(context, type), false));
        NO_INPUT.forEach(function -> router.post("/" + function).order(-100).handler(this::checkEmpty));
    }

    private void checkEmpty(RoutingContext context) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        if (body != null && body.toString().isBlank()) {
            context.next();
            return;
        }
        if (body != null && body.length() > 0) {
            errors.send(context, 400, new ErrorBody(400, "This function takes no input; send no body", "$"));
            return;
        }
        context.next();
    }

    private void check(RoutingContext context, Class<?> type) {
        Buffer body = context.body() == null ? null : context.body().buffer();
        if (body == null || body.length() == 0) {
            context.next();
            return;
        }
        Object input;
        try {
            // Content after the JSON value would be ignored by Funqy, so a body carrying any is rejected here, and
            // so is a key sent twice, exactly or in another case.
            JsonNode tree = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(body.getBytes());
            if (tree == null || tree.isMissingNode()) {
                errors.send(context, 400, new ErrorBody(400, "The body is empty: send a JSON object as the "
                        + type.getSimpleName(), "$"));
                return;
            }
            String clash = JsonPaths.caseInsensitiveClash(tree);
            if (clash != null) {
                errors.send(context, 400, new ErrorBody(400, clash + " is given twice, in different letter cases; "
                        + "send each field once", clash));
                return;
            }
            // Bound as Funqy binds it (field names in any case), so the read key is checked for the property Funqy
            // will read.
            input = funqyReader.forType(type).readValue(tree);
        } catch (JsonMappingException e) {
            String field = JsonPaths.fieldOf(e);
            errors.send(context, 400, new ErrorBody(400, "The body is not a valid " + type.getSimpleName()
                    + (field.equals("$") ? "" : " at " + field) + ": " + JsonPaths.problemOf(e), field));
            return;
        } catch (JsonProcessingException e) {
            errors.send(context, 400, new ErrorBody(400, "The body is not valid JSON: " + e.getOriginalMessage(),
                    "$"));
            return;
        } catch (IOException e) {
            errors.send(context, 400, new ErrorBody(400, "The body could not be read: " + e.getMessage(), "$"));
            return;
        }

        if (input instanceof SnapshotRequest request) {
            try {
                reads.authorize(request.property(), readKey(context), "Authorization");
            } catch (RequestException e) {
                errors.send(context, e.status(), new ErrorBody(e.status(), e.getMessage(), e.field()));
                return;
            }
        }
        context.next();
    }

    /** Returns the Bearer token, or the {@code key} query parameter for tools that cannot send headers. */
    public static String readKey(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return context.request().getParam("key");
    }
}
