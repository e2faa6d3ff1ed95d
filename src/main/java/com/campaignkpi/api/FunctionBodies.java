package com.campaignkpi.api;

import com.campaignkpi.alert.AlertsRequest;
import com.campaignkpi.goal.GoalsRequest;
import com.campaignkpi.ingest.CollectRequest;
import com.campaignkpi.property.PropertyRequest;
import com.campaignkpi.snapshot.ScheduleRequest;
import com.campaignkpi.snapshot.SnapshotRequest;
import com.campaignkpi.spend.SpendRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;

/**
 * Reads the JSON body of each function with an input before Funqy does, and rejects a body that does not fit the
 * input type with 400 naming the field, such as {@code goal.target.value} or {@code groupBy[0]}. Funqy's HTTP
 * binding would return a bare 400 without a field. A body that fits goes on to Funqy unchanged.
 */
@ApplicationScoped
public class FunctionBodies {

    /** Input types of the functions that take one, by function name, which is also the path. */
    static final Map<String, Class<?>> INPUTS = Map.of(
            "alerts", AlertsRequest.class,
            "collect", CollectRequest.class,
            "goals", GoalsRequest.class,
            "property", PropertyRequest.class,
            "schedule", ScheduleRequest.class,
            "snapshot", SnapshotRequest.class,
            "spend", SpendRequest.class);

    /** Functions without input: a body sent to them is a client's mistake. */
    static final java.util.Set<String> NO_INPUT = java.util.Set.of("kpis", "goal-kpis");

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpErrors errors;

    void install(@Observes Router router) {
        INPUTS.forEach((function, type) -> router.post("/" + function).order(-100)
                .handler(context -> check(context, type)));
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
        try {
            mapper.readValue(body.getBytes(), type);
        } catch (JsonMappingException e) {
            String field = JsonPaths.fieldOf(e);
            errors.send(context, 400, new ErrorBody(400, "The body is not a valid " + type.getSimpleName()
                    + (field.equals("$") ? "" : " at " + field) + ": " + e.getOriginalMessage(), field));
            return;
        } catch (JsonProcessingException e) {
            errors.send(context, 400, new ErrorBody(400, "The body is not valid JSON: " + e.getOriginalMessage(),
                    "$"));
            return;
        } catch (IOException e) {
            errors.send(context, 400, new ErrorBody(400, "The body could not be read: " + e.getMessage(), "$"));
            return;
        }
        context.next();
    }
}
