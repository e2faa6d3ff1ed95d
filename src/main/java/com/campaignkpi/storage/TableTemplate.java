package com.campaignkpi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The DynamoDB tables of the SAM template {@code template.yaml}, so the local store and the tests get exactly the
 * tables that a deployment creates. Reads every resource of type {@code AWS::DynamoDB::Table}; CloudFormation
 * short forms such as {@code !Sub} and {@code !GetAtt} are accepted anywhere in the template, but only a table's
 * {@code TableName} is evaluated.
 */
public final class TableTemplate {

    /** Name of the template on the classpath root, where the build copies it from the project root. */
    public static final String RESOURCE_NAME = "template.yaml";

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private final String source;
    private final Map<String, String> parameterDefaults;
    private final Map<String, Map<?, ?>> tableProperties;

    private TableTemplate(String source, Map<String, String> parameterDefaults,
            Map<String, Map<?, ?>> tableProperties) {
        this.source = source;
        this.parameterDefaults = parameterDefaults;
        this.tableProperties = tableProperties;
    }

    /**
     * Reads {@value #RESOURCE_NAME} from the classpath root.
     *
     * @throws TemplateException when it is missing, is not valid YAML or has no {@code Resources} map
     */
    public static TableTemplate fromClasspath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = TableTemplate.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCE_NAME)) {
            if (in == null) {
                throw new TemplateException(RESOURCE_NAME + " not found on the classpath root; the build copies it "
                        + "there from the project root, so rebuild with ./mvnw package");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + RESOURCE_NAME);
        } catch (IOException e) {
            throw new TemplateException("Failed to read " + RESOURCE_NAME + " from the classpath: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Parses a template.
     *
     * @param source where the text comes from, for error messages, such as a file path
     * @throws TemplateException when the text is not valid YAML or not a template with a {@code Resources} map
     */
    public static TableTemplate parse(Reader template, String source) {
        Object root;
        try {
            root = TemplateYaml.newParser().load(template);
        } catch (YAMLException e) {
            throw new TemplateException("Invalid YAML in " + source + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> sections)) {
            throw new TemplateException(source + " is not a CloudFormation template: its root is not a map");
        }
        if (!(sections.get("Resources") instanceof Map<?, ?> resources)) {
            throw new TemplateException(source + " has no Resources map");
        }
        return new TableTemplate(source, readParameterDefaults(sections.get("Parameters"), source),
                readTableProperties(resources, source));
    }

    /** Returns the text source given to {@link #parse}, such as {@code classpath:template.yaml}. */
    public String source() {
        return source;
    }

    /** Returns the logical ids of the table resources, in template order. */
    public List<String> tableLogicalIds() {
        return List.copyOf(tableProperties.keySet());
    }

    /**
     * Returns the definition of every table resource, in template order, with names resolved for a table prefix.
     *
     * @param tablePrefix value of the template parameter {@code TablePrefix}, such as {@code campaign-kpi-}
     * @throws TemplateException naming the resource and property when a table cannot be defined
     */
    public List<TableDefinition> tables(String tablePrefix) {
        Map<String, String> substitutions = new LinkedHashMap<>(parameterDefaults);
        substitutions.put("TablePrefix", tablePrefix);
        List<TableDefinition> tables = new ArrayList<>();
        tableProperties.forEach((logicalId, properties) ->
                tables.add(new TableResourceReader(logicalId, properties, substitutions).read()));
        return List.copyOf(tables);
    }

    /** Returns the {@code Default} of a template parameter, if the parameter has a scalar one. */
    public Optional<String> parameterDefault(String name) {
        return Optional.ofNullable(parameterDefaults.get(name));
    }

    private static Map<String, String> readParameterDefaults(Object parameters, String source) {
        Map<String, String> defaults = new LinkedHashMap<>();
        if (parameters == null) {
            return defaults;
        }
        if (!(parameters instanceof Map<?, ?> declarations)) {
            throw new TemplateException("Parameters of " + source + " is not a map");
        }
        declarations.forEach((name, declaration) -> {
            if (declaration instanceof Map<?, ?> fields && fields.get("Default") != null
                    && !(fields.get("Default") instanceof Map || fields.get("Default") instanceof List)) {
                defaults.put(String.valueOf(name), String.valueOf(fields.get("Default")));
            }
        });
        return defaults;
    }

    private static Map<String, Map<?, ?>> readTableProperties(Map<?, ?> resources, String source) {
        Map<String, Map<?, ?>> tables = new LinkedHashMap<>();
        resources.forEach((logicalId, resource) -> {
            // A loop of the AWS::LanguageExtensions transform, such as the per-property schedules; tables are
            // never declared in one, so the local bootstrap needs no expansion.
            if (String.valueOf(logicalId).startsWith("Fn::ForEach::")) {
                return;
            }
            if (!(resource instanceof Map<?, ?> fields)) {
                throw new TemplateException("Resource " + logicalId + " in " + source + " is not a map");
            }
            if (!TABLE_TYPE.equals(fields.get("Type"))) {
                return;
            }
            if (!(fields.get("Properties") instanceof Map<?, ?> properties)) {
                throw new TemplateException("Resource " + logicalId + " in " + source + " has no Properties map");
            }
            tables.put(String.valueOf(logicalId), properties);
        });
        return tables;
    }
}
