package com.campaignkpi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps the code to the DynamoDB operations that every store it runs on implements: Amazon DynamoDB, dynalite and
 * ScyllaDB Alternator. Alternator has no transactions, PartiQL or streams in the sense DynamoDB has, and dynalite
 * has none of them either, so a call to one of those would work in production and fail on a self-hosted store.
 * The test reads the compiled classes and lists every operation called on the DynamoDB client.
 */
class DynamoOperationsTest {

    private static final String CLIENT = "software/amazon/awssdk/services/dynamodb/DynamoDbClient";

    /**
     * Operations the code may call. dynalite 4.0.0 and ScyllaDB Alternator implement all of them, the TTL pair only
     * where the server supports expiry, and the bootstrap tolerates a server without it.
     */
    private static final Set<String> ALLOWED = Set.of("getItem", "putItem", "updateItem", "deleteItem", "query",
            "scan", "batchGetItem", "batchWriteItem", "createTable", "describeTable", "describeTimeToLive",
            "updateTimeToLive");

    @Test
    void codeCallsOnlyOperationsEveryStoreImplements() throws IOException {
        Map<String, Set<String>> callers = operationsCalled(Path.of(System.getProperty("basedir", "."))
                .resolve("target/classes"));

        Set<String> outside = new TreeSet<>(callers.keySet());
        outside.removeAll(ALLOWED);
        assertEquals(Set.of(), outside, "operations beyond the common subset, with their callers: " + callers);
        // The request paths use these; a refactoring that stops calling one should update the README's table.
        assertEquals(Set.of("batchGetItem", "batchWriteItem", "createTable", "deleteItem", "describeTable",
                "describeTimeToLive", "getItem", "putItem", "query", "scan", "updateItem", "updateTimeToLive"),
                callers.keySet());
        assertEquals(Set.of("com/campaignkpi/privacy/DataEraser"), callers.get("scan"),
                "only an erasure reads whole tables");
        assertEquals(Set.of("com/campaignkpi/storage/TableBootstrap"), callers.get("createTable"),
                "only the local bootstrap creates tables");
    }

    /** Operation name to the classes that call it. */
    private static Map<String, Set<String>> operationsCalled(Path classes) throws IOException {
        Map<String, Set<String>> callers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassReader reader = new ClassReader(in);
                    String owner = reader.getClassName().replaceAll("\\$.*", "");
                    reader.accept(new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public MethodVisitor visitMethod(int access, String name, String descriptor,
                                String signature, String[] exceptions) {
                            return new MethodVisitor(Opcodes.ASM9) {
                                @Override
                                public void visitMethodInsn(int opcode, String target, String method,
                                        String methodDescriptor, boolean isInterface) {
                                    if (target.equals(CLIENT)) {
                                        callers.computeIfAbsent(method, key -> new TreeSet<>()).add(owner);
                                    }
                                }
                            };
                        }
                    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                }
            }
        }
        return callers;
    }
}
