package com.campaignkpi.storage;

import com.campaignkpi.storage.TableDefinition.AttributeDefinition;
import com.campaignkpi.storage.TableDefinition.KeySchemaElement;
import com.campaignkpi.storage.TableDefinition.Projection;
import com.campaignkpi.storage.TableDefinition.SecondaryIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Converts the {@code Properties} of one {@code AWS::DynamoDB::Table} resource into a {@link TableDefinition}. An
 * error about one property names its path, such as {@code EventsTable.KeySchema[1].KeyType}, and the value found.
 */
final class TableResourceReader {

    /** A {@code ${Name}} variable of {@code Fn::Sub}; {@code ${!Name}} is the escape for a literal {@code ${Name}}. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final String logicalId;
    private final Map<?, ?> properties;
    private final Map<String, String> substitutions;

    /**
     * @param substitutions values of the {@code ${Name}} variables that a table name may use: the template
     *     parameters, with {@code TablePrefix} set to the prefix in use
     */
    TableResourceReader(String logicalId, Map<?, ?> properties, Map<String, String> substitutions) {
        this.logicalId = logicalId;
        this.properties = properties;
        this.substitutions = substitutions;
    }

    TableDefinition read() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<?> definitions = list(properties.get("AttributeDefinitions"), path("AttributeDefinitions"));
        for (int i = 0; i < definitions.size(); i++) {
            String where = path("AttributeDefinitions[" + i + "]");
            Map<?, ?> definition = map(definitions.get(i), where);
            attributes.add(new AttributeDefinition(string(definition.get("AttributeName"), where + ".AttributeName"),
                    enumValue(definition.get("AttributeType"), where + ".AttributeType",
                            ScalarAttributeType::fromValue, ScalarAttributeType.knownValues().toString())));
        }

        return new TableDefinition(logicalId, tableName(), attributes,
                keySchema(properties.get("KeySchema"), path("KeySchema")),
                indexes("GlobalSecondaryIndexes"), indexes("LocalSecondaryIndexes"), timeToLiveAttribute());
    }

    private String tableName() {
        Object name = properties.get("TableName");
        if (name == null) {
            throw new TemplateException(path("TableName") + " is missing; the local store needs an explicit name, "
                    + "such as !Sub \"${TablePrefix}" + logicalId + "\"");
        }
        if (name instanceof String plain) {
            return plain;
        }
        Intrinsic sub = asSub(name);
        if (sub == null) {
            throw new TemplateException(path("TableName") + " is " + name
                    + "; expected a string or !Sub with template parameters such as ${TablePrefix}");
        }
        if (sub.argument() instanceof String pattern) {
            return substitute(pattern, Map.of());
        }
        // The list form is !Sub [pattern, variables]. Here every variable value must be a plain string.
        List<?> arguments = list(sub.argument(), path("TableName"));
        if (arguments.size() != 2) {
            throw new TemplateException(path("TableName") + " has " + arguments.size()
                    + " !Sub arguments; expected a pattern and a variable map");
        }
        Map<?, ?> variables = map(arguments.get(1), path("TableName") + " variables");
        Map<String, String> values = new HashMap<>();
        variables.forEach((key, value) -> values.put(String.valueOf(key),
                string(value, path("TableName") + " variable " + key)));
        return substitute(string(arguments.get(0), path("TableName") + " pattern"), values);
    }

    /** Returns the {@code Fn::Sub} call in short form or long form ({@code {"Fn::Sub": ...}}), or null. */
    private static Intrinsic asSub(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return "Fn::Sub".equals(intrinsic.function()) ? intrinsic : null;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Fn::Sub")) {
            return new Intrinsic("Fn::Sub", map.get("Fn::Sub"));
        }
        return null;
    }

    private String substitute(String pattern, Map<String, String> variables) {
        Matcher matcher = SUB_VARIABLE.matcher(pattern);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value;
            if (variable.startsWith("!")) {
                value = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                value = variables.get(variable);
            } else if (substitutions.containsKey(variable)) {
                value = substitutions.get(variable);
            } else {
                throw new TemplateException(path("TableName") + " uses ${" + variable + "}, which has no value "
                        + "outside CloudFormation; use template parameters with a Default, such as ${TablePrefix}");
            }
            matcher.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(name);
        return name.toString();
    }

    private List<SecondaryIndex> indexes(String property) {
        Object declared = properties.get(property);
        if (declared == null) {
            return List.of();
        }
        List<SecondaryIndex> indexes = new ArrayList<>();
        List<?> entries = list(declared, path(property));
        for (int i = 0; i < entries.size(); i++) {
            String where = path(property + "[" + i + "]");
            Map<?, ?> index = map(entries.get(i), where);
            indexes.add(new SecondaryIndex(string(index.get("IndexName"), where + ".IndexName"),
                    keySchema(index.get("KeySchema"), where + ".KeySchema"),
                    projection(index.get("Projection"), where + ".Projection")));
        }
        return indexes;
    }

    private List<KeySchemaElement> keySchema(Object declared, String where) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<?> elements = list(declared, where);
        for (int i = 0; i < elements.size(); i++) {
            String elementPath = where + "[" + i + "]";
            Map<?, ?> element = map(elements.get(i), elementPath);
            keys.add(new KeySchemaElement(string(element.get("AttributeName"), elementPath + ".AttributeName"),
                    enumValue(element.get("KeyType"), elementPath + ".KeyType", KeyType::fromValue,
                            KeyType.knownValues().toString())));
        }
        return keys;
    }

    private Projection projection(Object declared, String where) {
        Map<?, ?> projection = map(declared, where);
        // CloudFormation marks ProjectionType optional without stating a default, and CreateTable in dynalite 4.0.0
        // rejects an index without one ("Unknown ProjectionType: null"), so the template must set it.
        ProjectionType type = enumValue(projection.get("ProjectionType"), where + ".ProjectionType",
                ProjectionType::fromValue, ProjectionType.knownValues().toString());
        List<String> nonKeyAttributes = new ArrayList<>();
        Object declaredAttributes = projection.get("NonKeyAttributes");
        if (declaredAttributes != null) {
            List<?> names = list(declaredAttributes, where + ".NonKeyAttributes");
            for (int i = 0; i < names.size(); i++) {
                nonKeyAttributes.add(string(names.get(i), where + ".NonKeyAttributes[" + i + "]"));
            }
        }
        return new Projection(type, nonKeyAttributes);
    }

    private Optional<String> timeToLiveAttribute() {
        Object declared = properties.get("TimeToLiveSpecification");
        if (declared == null) {
            return Optional.empty();
        }
        String where = path("TimeToLiveSpecification");
        Map<?, ?> specification = map(declared, where);
        Object enabled = specification.get("Enabled");
        boolean on;
        if (enabled instanceof Boolean flag) {
            on = flag;
        } else if ("true".equals(enabled) || "false".equals(enabled)) {
            on = Boolean.parseBoolean((String) enabled);
        } else {
            throw new TemplateException(where + ".Enabled is " + enabled + "; expected true or false");
        }
        return on ? Optional.of(string(specification.get("AttributeName"), where + ".AttributeName"))
                : Optional.empty();
    }

    private String path(String property) {
        return logicalId + "." + property;
    }

    private static Map<?, ?> map(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new TemplateException(where + " is " + describe(value) + "; expected a map");
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(where + " is " + describe(value) + "; expected a list");
    }

    private static String string(Object value, String where) {
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        throw new TemplateException(where + " is " + describe(value) + "; expected a non-empty string");
    }

    private static <E extends Enum<E>> E enumValue(Object value, String where, Function<String, E> fromValue,
            String allowed) {
        E parsed = value instanceof String text ? fromValue.apply(text) : null;
        if (parsed == null || "UNKNOWN_TO_SDK_VERSION".equals(parsed.name())) {
            throw new TemplateException(where + " is " + describe(value) + "; expected one of " + allowed);
        }
        return parsed;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        return value instanceof String ? "'" + value + "'" : value.toString();
    }
}
