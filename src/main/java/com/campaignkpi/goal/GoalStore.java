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
            goals.add(read(item));
        }
        return goals;
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
