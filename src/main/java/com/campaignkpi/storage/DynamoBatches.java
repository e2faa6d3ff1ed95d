package com.campaignkpi.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem and BatchGetItem in the chunk sizes DynamoDB allows (25 puts, 100 keys), resending what the
 * server returns as unprocessed with exponential backoff. Batches cost the same request units as single calls but
 * take one round trip per chunk, which matters with the url-connection HTTP client.
 */
public final class DynamoBatches {

    private static final Logger LOG = Logger.getLogger(DynamoBatches.class);

    static final int MAX_PUTS_PER_BATCH = 25;
    static final int MAX_KEYS_PER_BATCH = 100;
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_BACKOFF_MILLIS = 25;

    private DynamoBatches() {
    }

    /** Puts every item into {@code table}; raises when some stay unprocessed after {@value #MAX_ATTEMPTS} tries. */
    public static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int start = 0; start < items.size(); start += MAX_PUTS_PER_BATCH) {
            List<WriteRequest> chunk = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(start,
                    Math.min(items.size(), start + MAX_PUTS_PER_BATCH))) {
                chunk.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeChunk(dynamo, table, chunk);
        }
    }

    /** Deletes the items with {@code keys} from {@code table}, 25 to a batch; a key without an item is no error. */
    public static void deleteAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        for (int start = 0; start < keys.size(); start += MAX_PUTS_PER_BATCH) {
            List<WriteRequest> chunk = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys.subList(start,
                    Math.min(keys.size(), start + MAX_PUTS_PER_BATCH))) {
                chunk.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
            }
            writeChunk(dynamo, table, chunk);
        }
    }

    private static void writeChunk(DynamoDbClient dynamo, String table, List<WriteRequest> chunk) {
        Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
        for (int attempt = 1; ; attempt++) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(BatchWriteItemRequest.builder()
                    .requestItems(pending)
                    .build());
            // An empty map means done; test isEmpty(), because some servers return an empty map, not none.
            if (response.unprocessedItems() == null || response.unprocessedItems().isEmpty()) {
                return;
            }
            pending = response.unprocessedItems();
            if (attempt == MAX_ATTEMPTS) {
                throw new StorageBusyException("DynamoDB left " + pending.get(table).size() + " items of " + table
                        + " unprocessed after " + MAX_ATTEMPTS + " attempts; retry the request later");
            }
            LOG.debugf("Resending %d unprocessed items to %s (attempt %d)", (Object) pending.get(table).size(),
                    table, attempt + 1);
            backoff(attempt);
        }
    }

    /** Reads the items with {@code keys} from {@code table}; missing keys are simply absent from the result. */
    public static List<Map<String, AttributeValue>> getAll(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += MAX_KEYS_PER_BATCH) {
            KeysAndAttributes.Builder request = KeysAndAttributes.builder()
                    .keys(keys.subList(start, Math.min(keys.size(), start + MAX_KEYS_PER_BATCH)));
            if (projection != null) {
                request.projectionExpression(projection);
            }
            Map<String, KeysAndAttributes> pending = new HashMap<>(Map.of(table, request.build()));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(pending)
                        .build());
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
                if (!pending.isEmpty() && attempt == MAX_ATTEMPTS) {
                    throw new StorageBusyException("DynamoDB left keys of " + table + " unprocessed after "
                            + MAX_ATTEMPTS + " attempts; retry the request later");
                }
                if (!pending.isEmpty()) {
                    backoff(attempt);
                }
            }
        }
        return found;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageBusyException("Interrupted while waiting to resend a batch");
        }
    }
}
