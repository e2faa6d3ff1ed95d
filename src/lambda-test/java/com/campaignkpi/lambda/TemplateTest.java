package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.campaignkpi.storage.Intrinsic;
import com.campaignkpi.storage.TableNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code template.yaml} against the compiled Lambda build: every function the code offers to Lambda is
 * deployed, every table the code uses is declared as the stores expect, and every environment variable set is one
 * the code reads, with the ones a function cannot run without present.
 */
class TemplateTest {

    private static final DotName FUNQ = DotName.createSimple("io.quarkus.funqy.Funq");
    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    /** Variables read by Quarkus and the Lambda runtime rather than by the project's own settings. */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("QUARKUS_FUNQY_EXPORT", "DISABLE_SIGNAL_HANDLERS");

    private static Index index;

    @BeforeAll
    static void indexClasses() throws IOException {
        Path classes = Path.of(System.getProperty("basedir", ".")).resolve("target/lambda/classes");
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        index = indexer.complete();
    }

    @Test
    void lambdaFunctionsMatchExports() {
        Set<String> lambdaFunctions = new TreeSet<>();
        Set<String> allFunctions = new TreeSet<>();
        for (AnnotationInstance funq : index.getAnnotations(FUNQ)) {
            MethodInfo method = funq.target().asMethod();
            AnnotationValue value = funq.value();
            String name = value == null || value.asString().isEmpty() ? method.name() : value.asString();
            allFunctions.add(name);
            if (method.declaringClass().name().packagePrefix().equals("com.campaignkpi.lambda")) {
                lambdaFunctions.add(name);
            }
        }

        Set<String> exports = new TreeSet<>(exports().values());

        assertEquals(Set.of("api-alerts", "api-goal-kpis", "api-goals", "api-kpis", "api-property", "api-snapshot",
                "api-spend", "ingest", "scheduled-snapshot", "webhook"), lambdaFunctions);
        assertEquals(lambdaFunctions, exports, "functions deployed (QUARKUS_FUNQY_EXPORT) against those written "
                + "for Lambda; all functions: " + allFunctions);
    }

    @Test
    void tablesMatchStores() {
        Map<?, ?> resources = TemplatePolicies.resources();
        for (String table : List.of(TableNames.PROPERTIES, TableNames.EVENTS, TableNames.REJECTIONS,
                TableNames.VISITORS, TableNames.SPEND, TableNames.SNAPSHOTS, TableNames.GOALS, TableNames.ALERTS)) {
            Map<?, ?> properties = TemplatePolicies.properties(table);
            assertEquals("AWS::DynamoDB::Table", ((Map<?, ?>) resources.get(table)).get("Type"), table);
            assertEquals("PAY_PER_REQUEST", properties.get("BillingMode"), table);
            assertEquals(Map.of("PointInTimeRecoveryEnabled", true),
                    properties.get("PointInTimeRecoverySpecification"), table);
            assertEquals("Retain", ((Map<?, ?>) resources.get(table)).get("DeletionPolicy"), table);
            List<String> keys = new ArrayList<>();
            for (Object key : (List<?>) properties.get("KeySchema")) {
                keys.add(((Map<?, ?>) key).get("AttributeName") + " " + ((Map<?, ?>) key).get("KeyType"));
            }
            boolean singleKey = table.equals(TableNames.PROPERTIES) || table.equals(TableNames.VISITORS);
            assertEquals(singleKey ? List.of("pk HASH") : List.of("pk HASH", "sk RANGE"), keys, table);
        }
        for (String expiring : List.of(TableNames.EVENTS, TableNames.REJECTIONS, TableNames.ALERTS)) {
            assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true),
                    TemplatePolicies.properties(expiring).get("TimeToLiveSpecification"), expiring);
        }
    }

    @Test
    void variablesMatchConfig() {
        Set<String> known = new TreeSet<>(RUNTIME_VARIABLES);
        for (String property : configProperties()) {
            known.add(environmentName(property));
        }
        Map<String, Set<String>> variables = variablesByFunction();

        for (Map.Entry<String, Set<String>> function : variables.entrySet()) {
            Set<String> unknown = new TreeSet<>(function.getValue());
            unknown.removeAll(known);
            assertEquals(Set.of(), unknown, function.getKey() + " sets variables no code reads; known: " + known);
            assertTrue(function.getValue().contains("CAMPAIGNKPI_STORAGE_TABLE_PREFIX"), function.getKey());
        }
        Map<String, String> exports = exports();
        Map<String, Set<String>> byExport = new HashMap<>();
        variables.forEach((function, names) -> byExport.put(exports.get(function), names));
        assertTrue(byExport.get("webhook").contains("CAMPAIGNKPI_QUEUE_URL"), "the webhook needs the queue");
        for (String admin : List.of("api-snapshot", "api-property", "api-goals", "api-alerts")) {
            assertTrue(byExport.get(admin).contains("CAMPAIGNKPI_ADMIN_TOKEN_SHA256"), admin + " checks the token");
        }
        for (String other : List.of("ingest", "scheduled-snapshot", "api-kpis", "api-spend", "webhook",
                "api-goal-kpis")) {
            assertTrue(!byExport.get(other).contains("CAMPAIGNKPI_ADMIN_TOKEN_SHA256"),
                    other + " has no use for the admin token");
        }
    }

    @Test
    void ingestQueueHasDeadLetterAlarm() {
        Map<?, ?> events = (Map<?, ?>) TemplatePolicies.properties("IngestFunction").get("Events");
        Map<?, ?> queue = (Map<?, ?>) ((Map<?, ?>) events.get("Queue")).get("Properties");
        assertEquals(List.of("ReportBatchItemFailures"), queue.get("FunctionResponseTypes"));
        assertEquals(new Intrinsic("Fn::GetAtt", "IngestQueue.Arn"), queue.get("Queue"));

        Map<?, ?> redrive = (Map<?, ?>) TemplatePolicies.properties("IngestQueue").get("RedrivePolicy");
        assertEquals(new Intrinsic("Fn::GetAtt", "IngestDeadLetterQueue.Arn"), redrive.get("deadLetterTargetArn"));
        Map<?, ?> alarm = TemplatePolicies.properties("IngestDeadLetterAlarm");
        assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"));
        assertEquals(new Intrinsic("Fn::GetAtt", "IngestDeadLetterQueue.QueueName"),
                ((Map<?, ?>) ((List<?>) alarm.get("Dimensions")).get(0)).get("Value"));
    }

    @Test
    void schedulesRunInPropertyZone() {
        List<?> loop = (List<?>) TemplatePolicies.resources().get("Fn::ForEach::PropertySchedules");
        assertEquals("Entry", loop.get(0));
        assertEquals(new Intrinsic("Ref", "ScheduledProperties"), loop.get(1));
        Map<?, ?> schedules = (Map<?, ?>) loop.get(2);
        Map<String, String> runs = new TreeMap<>();
        for (Map.Entry<?, ?> schedule : schedules.entrySet()) {
            Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) schedule.getValue()).get("Properties");
            assertEquals(new Intrinsic("Fn::Select", List.of(1, new Intrinsic("Fn::Split",
                    List.of("=", new Intrinsic("Ref", "Entry"))))), properties.get("ScheduleExpressionTimezone"));
            Map<?, ?> target = (Map<?, ?>) properties.get("Target");
            assertEquals(new Intrinsic("Ref", "ScheduledSnapshotFunction.Alias"), target.get("Arn"));
            Intrinsic input = (Intrinsic) target.get("Input");
            String pattern = (String) ((List<?>) input.argument()).get(0);
            runs.put(String.valueOf(schedule.getKey()), pattern.replaceAll(".*\"run\":\"(\\w+)\".*", "$1")
                    + " " + properties.get("ScheduleExpression"));
        }
        assertEquals(Map.of("DailySnapshot&{Entry}", "daily cron(15 0 * * ? *)",
                "HourlySnapshot&{Entry}", "hourly cron(5 * * * ? *)"), runs);
    }

    @Test
    void templatePassesCfnLint() throws Exception {
        Path linter = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "cfn-lint")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(linter != null, "cfn-lint is not on the PATH; install AWS's cfn-lint (Python) to "
                + "lint template.yaml");
        Process process = new ProcessBuilder(linter.toString(), "--regions", "us-east-1", "--format", "parseable",
                "--", TemplatePolicies.templatePath().toString())
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "cfn-lint did not finish in 120 s");
        assertEquals(0, process.exitValue(), output);
        assertEquals("", output.strip());
    }

    /** Maps each function's logical id to its QUARKUS_FUNQY_EXPORT. */
    private static Map<String, String> exports() {
        Map<String, String> exports = new TreeMap<>();
        functions().forEach((id, properties) -> exports.put(id, String.valueOf(variables(properties)
                .get("QUARKUS_FUNQY_EXPORT"))));
        return exports;
    }

    /** Maps each function's logical id to the names of its variables, the global ones included. */
    private static Map<String, Set<String>> variablesByFunction() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) TemplatePolicies.template().get("Globals")).get("Function");
        Map<?, ?> global = variables(globals);
        Map<String, Set<String>> variables = new TreeMap<>();
        functions().forEach((id, properties) -> {
            Set<String> names = new TreeSet<>();
            global.keySet().forEach(name -> names.add(String.valueOf(name)));
            variables(properties).keySet().forEach(name -> names.add(String.valueOf(name)));
            variables.put(id, names);
        });
        return variables;
    }

    private static Map<String, Map<?, ?>> functions() {
        Map<String, Map<?, ?>> functions = new TreeMap<>();
        TemplatePolicies.resources().forEach((id, resource) -> {
            if (resource instanceof Map<?, ?> fields && FUNCTION_TYPE.equals(fields.get("Type"))) {
                functions.put(String.valueOf(id), (Map<?, ?>) fields.get("Properties"));
            }
        });
        return functions;
    }

    private static Map<?, ?> variables(Map<?, ?> properties) {
        Map<?, ?> environment = (Map<?, ?>) properties.get("Environment");
        return environment == null ? Map.of() : (Map<?, ?>) environment.get("Variables");
    }

    /** Lists every setting of the project's config mappings, such as {@code campaignkpi.queue.url}. */
    private static Set<String> configProperties() {
        Set<String> properties = new TreeSet<>();
        for (AnnotationInstance mapping : index.getAnnotations(CONFIG_MAPPING)) {
            String prefix = mapping.value("prefix").asString();
            ClassInfo type = mapping.target().asClass();
            for (MethodInfo method : type.methods()) {
                if (method.parametersCount() == 0 && !method.isSynthetic() && !method.isDefault()) {
                    properties.add(prefix + "." + kebab(method.name()));
                }
            }
        }
        if (properties.isEmpty()) {
            throw new UncheckedIOException(new IOException("No @ConfigMapping found in the compiled classes"));
        }
        return properties;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Converts a property name to the environment variable MicroProfile Config reads for it. */
    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
