package com.campaignkpi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code AWS::DynamoDB::Table} resources of the SAM template, so the local store gets exactly the tables
 * that a deployment creates. CloudFormation short forms ({@code !Sub}, {@code !Ref}, ...) are kept as
 * {@link Intrinsic} values; only {@code !Sub} of the table name is resolved.
 */
public final class TableTemplate {

    /** A CloudFormation intrinsic function in short form, such as {@code !Sub "${TablePrefix}events"}. */
    public record Intrinsic(String function, Object argument) {
    }

    private TableTemplate() {
    }

    /** Reads {@code template.yaml} from the classpath root, where the build copies it. */
    public static List<TableDefinition> fromClasspath(String tablePrefix) {
        try (InputStream in = TableTemplate.class.getClassLoader().getResourceAsStream("template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("template.yaml is not on the classpath; the pom copies it from the "
                        + "project root into the build output");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), tablePrefix);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read template.yaml: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<TableDefinition> read(Reader template, String tablePrefix) {
        Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(template);
        Map<String, Object> resources = (Map<String, Object>) root.get("Resources");
        List<TableDefinition> tables = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> body = (Map<String, Object>) resource.getValue();
            if ("AWS::DynamoDB::Table".equals(body.get("Type"))) {
                tables.add(TableDefinition.of(resource.getKey(), (Map<String, Object>) body.get("Properties"),
                        tablePrefix));
            }
        }
        return tables;
    }

    /** Resolves a table name: a plain string, or {@code !Sub} with {@code ${TablePrefix}}. */
    static String resolveName(Object name, String logicalId, String tablePrefix) {
        if (name instanceof String text) {
            return text;
        }
        if (name instanceof Intrinsic intrinsic && intrinsic.function().equals("!Sub")
                && intrinsic.argument() instanceof String pattern) {
            return pattern.replace("${TablePrefix}", tablePrefix);
        }
        throw new IllegalStateException("TableName of " + logicalId + " must be a string or !Sub with "
                + "${TablePrefix}, found " + name);
    }

    /** SafeConstructor that turns any local tag ({@code !Name}) into an {@link Intrinsic}. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new Intrinsic(node.getTag().getValue(), argument);
                }
            });
        }
    }
}
