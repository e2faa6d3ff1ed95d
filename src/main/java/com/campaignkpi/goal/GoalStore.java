package com.campaignkpi.goal;

import com.campaignkpi.storage.DynamoQueries;
import com.campaignkpi.storage.TableNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Stores goals in the goals table: pk = property, sk = goal id, and the goal as JSON in {@code doc}, so a
 * property's goals are one Query and a new goal field needs no schema change.
 */
@ApplicationScoped
public class GoalStore {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String DOC = "doc";

    /** Sort key of the item that counts a property's goals; '#' never starts a goal id. */
    static final String COUNT_KEY = "#count";
    static final String COUNT = "goals";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Inject
    ObjectMapper mapper;

    public void put(Goal goal) {
        dynamo.putItem(request -> request.tableName(tables.goals()).item(Map.of(
                PK, AttributeValue.fromS(goal.property()),
                SK, AttributeValue.fromS(goal.id()),
                DOC, AttributeValue.fromS(write(goal)))));
    }

    public Optional<Goal> get(String property, String id) {
        GetItemResponse response = dynamo.getItem(request -> request.tableName(tables.goals()).key(key(property,
                id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(read(response.item()))
                : Optional.empty();
    }

    /** Returns the property's goals in id order. */
    public List<Goal> list(String property) {
        List<Goal> goals = new ArrayList<>();
        for (Map<String, AttributeValue> item : DynamoQueries.partition(dynamo, tables.goals(), property)) {
            if (!COUNT_KEY.equals(item.get(SK).s())) {
                goals.add(read(item));
            }
        }
        return goals;
    }

    /**
     * Counts one more goal of the property unless it has {@code max} already, in one conditional update, so
     * concurrent creates cannot pass the limit together. Returns false at the limit. A create that fails after
     * this call gives the place back with {@link #release}.
     */
    public boolean reserve(String property, int max) {
        if (increment(property, max)) {
            return true;
        }
        // Either the property is at the limit, or it has no count yet: the first create sets the count from the
        // stored goals, and when several try at once only one sets it and the others count on from there.
        int stored = list(property).size();
        if (stored >= max) {
            return false;
        }
        try {
            dynamo.putItem(request -> request.tableName(tables.goals())
                    .item(Map.of(PK, AttributeValue.fromS(property), SK, AttributeValue.fromS(COUNT_KEY),
                            COUNT, AttributeValue.fromN(Integer.toString(stored))))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // The count exists: set by a concurrent create, or the property is at the limit.
        }
        return increment(property, max);
    }

    /** Counts one goal fewer, after a delete or a create that failed after {@link #reserve}. */
    public void release(String property) {
        dynamo.updateItem(request -> request.tableName(tables.goals()).key(key(property, COUNT_KEY))
                .updateExpression("ADD #count :minusOne")
                .conditionExpression("#count > :zero")
                .expressionAttributeNames(Map.of("#count", COUNT))
                .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"),
                        ":zero", AttributeValue.fromN("0"))));
    }

    private boolean increment(String property, int max) {
        try {
            dynamo.updateItem(request -> request.tableName(tables.goals()).key(key(property, COUNT_KEY))
                    .updateExpression("SET #count = #count + :one")
                    .conditionExpression("#count < :max")
                    .expressionAttributeNames(Map.of("#count", COUNT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":max", AttributeValue.fromN(Integer.toString(max)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public void delete(String property, String id) {
        dynamo.deleteItem(request -> request.tableName(tables.goals()).key(key(property, id)));
    }

    private static Map<String, AttributeValue> key(String property, String id) {
        return Map.of(PK, AttributeValue.fromS(property), SK, AttributeValue.fromS(id));
    }

    private String write(Goal goal) {
        try {
            return mapper.writeValueAsString(goal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise goal " + goal.id(), e);
        }
    }

    private Goal read(Map<String, AttributeValue> item) {
        try {
            return mapper.readValue(item.get(DOC).s(), Goal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored goal " + item.get(SK).s() + " is not valid JSON", e);
        }
    }
}
