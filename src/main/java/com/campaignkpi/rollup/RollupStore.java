package com.campaignkpi.rollup;

import com.campaignkpi.ingest.LateMarks;
import com.campaignkpi.storage.DynamoBatches;
import com.campaignkpi.storage.DynamoQueries;
import com.campaignkpi.storage.TableNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Daily rollups in the events table, beside the {@link LateMarks}: partition {@code <property>#rollup}, sort key
 * {@code <UTC day>#<chunk, 4 digits>}. A day's deflated sessions are cut into chunks of at most
 * {@value #CHUNK_BYTES} bytes, under DynamoDB's 400 KB item limit. Chunk 0 carries the chunk count, the format,
 * the settings and the generation, and every chunk carries the generation, so a reader can tell a whole rollup from
 * one that two writers left mixed. Chunk 0 is written last.
 */
@ApplicationScoped
public class RollupStore {

    private static final Logger LOG = Logger.getLogger(RollupStore.class);

    static final int CHUNK_BYTES = 350_000;

    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String DATA = "d";
    private static final String GENERATION = "gen";
    private static final String CHUNKS = "chunks";
    private static final String FORMAT = "v";
    private static final String SETTINGS = "cfg";
    private static final String SESSIONS = "n";
    private static final String EXPIRES_AT = "expiresAt";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    /**
     * Reads the rollups of the UTC days {@code first} to {@code last}, and the late marks of those days and the day
     * on each side, on which the rollups depend: one paginated Query from the mark of the day before {@code first} to
     * the end of {@code last}, and one GetItem for the mark of the day after.
     */
    public StoredRollups read(String property, LocalDate first, LocalDate last) {
        String partition = LateMarks.partitionKey(property);
        List<Map<String, AttributeValue>> items = new ArrayList<>(DynamoQueries.range(dynamo, tables.events(),
                partition, first.minusDays(1) + LateMarks.SORT_SUFFIX, last + "#~"));
        Map<String, AttributeValue> after = dynamo.getItem(GetItemRequest.builder().tableName(tables.events())
                .key(Map.of(PK, AttributeValue.fromS(partition),
                        SK, AttributeValue.fromS(last.plusDays(1) + LateMarks.SORT_SUFFIX)))
                .build()).item();
        if (after != null && !after.isEmpty()) {
            items.add(after);
        }

        Map<LocalDate, List<Map<String, AttributeValue>>> chunksByDay = new TreeMap<>();
        Map<LocalDate, Long> lateMarks = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            String sortKey = item.get(SK).s();
            LocalDate day = LocalDate.parse(sortKey.substring(0, sortKey.indexOf('#')));
            if (sortKey.endsWith(LateMarks.SORT_SUFFIX)) {
                lateMarks.put(day, Long.parseLong(item.get(LateMarks.CHANGED_AT).n()));
            } else {
                chunksByDay.computeIfAbsent(day, key -> new ArrayList<>()).add(item);
            }
        }
        Map<LocalDate, DailyRollup> rollups = new LinkedHashMap<>();
        chunksByDay.forEach((day, chunks) -> {
            DailyRollup rollup = assemble(property, day, chunks);
            if (rollup != null) {
                rollups.put(day, rollup);
            }
        });
        return new StoredRollups(rollups, lateMarks);
    }

    /** Stores {@code rollup}, replacing the day's earlier one; chunks beyond the new count are left and ignored. */
    public void write(String property, DailyRollup rollup, long expiresAtEpochSeconds) {
        byte[] bytes = SessionCodec.encode(rollup.sessions());
        int chunks = Math.max(1, (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        String generation = Long.toString(rollup.generationMicros());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(PK, AttributeValue.fromS(LateMarks.partitionKey(property)));
            item.put(SK, AttributeValue.fromS(sortKey(rollup.day(), chunk)));
            int from = chunk * CHUNK_BYTES;
            item.put(DATA, AttributeValue.fromB(SdkBytes.fromByteArray(
                    Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK_BYTES)))));
            item.put(GENERATION, AttributeValue.fromN(generation));
            item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAtEpochSeconds)));
            if (chunk == 0) {
                item.put(CHUNKS, AttributeValue.fromN(Integer.toString(chunks)));
                item.put(FORMAT, AttributeValue.fromN(Integer.toString(SessionCodec.VERSION)));
                item.put(SETTINGS, AttributeValue.fromS(rollup.settings()));
                item.put(SESSIONS, AttributeValue.fromN(Integer.toString(rollup.sessions().size())));
            }
            items.add(item);
        }

        // The other chunks first, so that chunk 0 names a count only once they are all there.
        DynamoBatches.putAll(dynamo, tables.events(), items.subList(1, items.size()));
        dynamo.putItem(PutItemRequest.builder().tableName(tables.events()).item(items.get(0)).build());
        LOG.debugf("Stored the rollup of %s on %s: %d sessions in %d bytes, %d chunks", property, rollup.day(),
                rollup.sessions().size(), bytes.length, chunks);
    }

    /**
     * Deletes every rollup of {@code property} and returns the days they were of. The late marks stay: a snapshot
     * that read events before an erasure and stores its rollup after it must still find a mark newer than its read.
     */
    public Set<LocalDate> deleteAll(String property) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Set<LocalDate> days = new TreeSet<>();
        for (Map<String, AttributeValue> item : DynamoQueries.partition(dynamo, tables.events(),
                LateMarks.partitionKey(property))) {
            String sortKey = item.get(SK).s();
            if (!sortKey.endsWith(LateMarks.SORT_SUFFIX)) {
                keys.add(Map.of(PK, item.get(PK), SK, item.get(SK)));
                days.add(LocalDate.parse(sortKey.substring(0, sortKey.indexOf('#'))));
            }
        }
        DynamoBatches.deleteAll(dynamo, tables.events(), keys);
        LOG.infof("Deleted %d rollup chunks of %s, of %d days", keys.size(), property, days.size());
        return days;
    }

    static String sortKey(LocalDate day, int chunk) {
        return day + "#" + String.format("%04d", chunk);
    }

    /** Returns the day's rollup, or null when its chunks are not one whole rollup of this format. */
    private static DailyRollup assemble(String property, LocalDate day, List<Map<String, AttributeValue>> chunks) {
        Map<String, AttributeValue> head = chunks.get(0);
        if (!head.get(SK).s().equals(sortKey(day, 0)) || !head.containsKey(CHUNKS)
                || Integer.parseInt(head.get(FORMAT).n()) != SessionCodec.VERSION) {
            return null;
        }
        int count = Integer.parseInt(head.get(CHUNKS).n());
        String generation = head.get(GENERATION).n();
        if (chunks.size() < count) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int chunk = 0; chunk < count; chunk++) {
            Map<String, AttributeValue> item = chunks.get(chunk);
            if (!item.get(SK).s().equals(sortKey(day, chunk)) || !item.get(GENERATION).n().equals(generation)) {
                LOG.infof("The rollup of %s on %s has chunks of two writes; it is recomputed", property, day);
                return null;
            }
            bytes.writeBytes(item.get(DATA).b().asByteArrayUnsafe());
        }
        try {
            return new DailyRollup(day, Long.parseLong(generation), head.get(SETTINGS).s(),
                    SessionCodec.decode(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IllegalArgumentException e) {
            LOG.warnf("The rollup of %s on %s cannot be read (%s); it is recomputed", property, day, e.getMessage());
            return null;
        }
    }
}
