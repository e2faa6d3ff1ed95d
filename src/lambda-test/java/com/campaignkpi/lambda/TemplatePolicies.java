package com.campaignkpi.lambda;

import com.campaignkpi.storage.Intrinsic;
import com.campaignkpi.storage.TableNames;
import com.campaignkpi.storage.TableTemplate;
import com.campaignkpi.storage.TemplateYaml;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code template.yaml} for the tests: its resources, and the DynamoDB calls each function may make. */
final class TemplatePolicies {

    /** The table prefix the tests run with: the template's default. */
    static final String PREFIX = "campaign-kpi-";

    private TemplatePolicies() {
    }

    static Path templatePath() {
        return Path.of(System.getProperty("basedir", ".")).resolve("template.yaml");
    }

    /** Parses the template into SnakeYAML maps and lists, with intrinsics as {@link Intrinsic}. */
    static Map<?, ?> template() {
        try (Reader reader = Files.newBufferedReader(templatePath())) {
            return (Map<?, ?>) TemplateYaml.newParser().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<?, ?> resources() {
        return (Map<?, ?>) template().get("Resources");
    }

    /** Returns the properties of one resource. */
    static Map<?, ?> properties(String logicalId) {
        Map<?, ?> resource = (Map<?, ?>) resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return (Map<?, ?>) resource.get("Properties");
    }

    /** Lists the calls {@code function}'s policies allow, each as {@code Operation table-name} like StoreCalls. */
    static Set<String> allowed(String function) {
        TableNames tables;
        try (Reader reader = Files.newBufferedReader(templatePath())) {
            tables = new TableNames(TableTemplate.parse(reader, "template.yaml"), PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> allowed = new TreeSet<>();
        Object policies = properties(function).get("Policies");
        if (!(policies instanceof List<?> list)) {
            return allowed;
        }
        for (Object policy : list) {
            for (Object statement : (List<?>) ((Map<?, ?>) policy).get("Statement")) {
                Map<?, ?> fields = (Map<?, ?>) statement;
                if (!"Allow".equals(fields.get("Effect"))) {
                    continue;
                }
                String table = tableOf(fields.get("Resource"));
                if (table == null) {
                    continue;
                }
                Object actions = fields.get("Action");
                for (Object action : actions instanceof List<?> many ? many : List.of(actions)) {
                    String name = String.valueOf(action);
                    if (name.startsWith("dynamodb:")) {
                        allowed.add(name.substring("dynamodb:".length()) + " " + tables.tableName(table));
                    }
                }
            }
        }
        return allowed;
    }

    /** Returns the recorded calls that {@code function}'s policies do not allow. */
    static Set<String> outside(String function, Set<String> recorded) {
        Set<String> outside = new TreeSet<>(recorded);
        outside.removeAll(allowed(function));
        return outside;
    }

    /** Returns the logical id of the table in {@code !GetAtt Table.Arn}, or null for another resource. */
    private static String tableOf(Object resource) {
        if (resource instanceof Intrinsic intrinsic && intrinsic.function().equals("Fn::GetAtt")) {
            String target = String.valueOf(intrinsic.argument());
            if (target.endsWith("Table.Arn")) {
                return target.substring(0, target.length() - ".Arn".length());
            }
        }
        return null;
    }
}
