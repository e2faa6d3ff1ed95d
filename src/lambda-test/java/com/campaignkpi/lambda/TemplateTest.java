package com.campaignkpi.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** CloudFront's managed cache policy CachingOptimized, by the id AWS publishes for it. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    /** CloudFront's managed cache policy CachingDisabled. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /**
     * CloudFront's managed origin request policy AllViewerExceptHostHeader: every viewer header, Authorization
     * included, except Host, which API Gateway needs to be its own domain.
     */
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final String DASHBOARD_CONDITION = "HostsDashboard";
    private static final Intrinsic API_DOMAIN = new Intrinsic("Fn::Sub",
            "${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}");
    /** The CSV export, which the page does not call but a user of the page's domain may open. */
    private static final String EXPORT_PATH = "/export/snapshot.csv";

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

        assertEquals(Set.of("api-alerts", "api-erase", "api-goal-kpis", "api-goals", "api-kpis", "api-property",
                "api-snapshot", "api-spend", "ingest", "scheduled-snapshot", "webhook"), lambdaFunctions);
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
        for (String admin : List.of("api-snapshot", "api-property", "api-goals", "api-alerts", "api-erase")) {
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
    void dashboardHostingIsOptional() {
        Map<?, ?> parameters = (Map<?, ?>) TemplatePolicies.template().get("Parameters");
        Map<?, ?> hosting = (Map<?, ?>) parameters.get("DashboardHosting");
        assertEquals(List.of("none", "cloudfront"), hosting.get("AllowedValues"));
        Map<?, ?> conditions = (Map<?, ?>) TemplatePolicies.template().get("Conditions");
        assertEquals(new Intrinsic("Fn::Equals", List.of(new Intrinsic("Ref", "DashboardHosting"), "cloudfront")),
                conditions.get(DASHBOARD_CONDITION));

        Set<String> dashboardResources = new TreeSet<>();
        TemplatePolicies.resources().forEach((id, resource) -> {
            if (String.valueOf(id).startsWith("Dashboard")) {
                dashboardResources.add(String.valueOf(id));
                assertEquals(DASHBOARD_CONDITION, ((Map<?, ?>) resource).get("Condition"), id + " condition");
            }
        });
        assertEquals(Set.of("DashboardBucket", "DashboardBucketPolicy", "DashboardDistribution",
                "DashboardIndexFunction", "DashboardOriginAccessControl"), dashboardResources);
        Map<?, ?> outputs = (Map<?, ?>) TemplatePolicies.template().get("Outputs");
        for (String output : List.of("DashboardUrl", "DashboardBucket", "DashboardDistributionId")) {
            assertEquals(DASHBOARD_CONDITION, ((Map<?, ?>) outputs.get(output)).get("Condition"), output);
        }
        assertEquals(new Intrinsic("Fn::Sub", "https://${DashboardDistribution.DomainName}/dashboard/"),
                ((Map<?, ?>) outputs.get("DashboardUrl")).get("Value"));
    }

    @Test
    void dashboardBucketIsPrivate() {
        checkDashboardBucketPrivate(TemplatePolicies.resources());
    }

    @Test
    void dashboardApiPathsReachApiUncached() {
        List<String> paths = dashboardApiPaths();
        assertTrue(paths.containsAll(List.of("/kpis", "/snapshot", "/alerts")),
                "api.js no longer matches the pattern that finds the page's calls; found " + paths);
        checkDashboardApiBehaviours(TemplatePolicies.resources(), paths);
    }

    /** Breaks fresh copies of the template in memory, one way each, and expects the dashboard checks to fail. */
    @Test
    void dashboardChecksCatchBrokenCopies() {
        Map<String, Consumer<Map<?, ?>>> breakages = new TreeMap<>();
        breakages.put("public bucket", resources -> writable(properties(resources, "DashboardBucket")
                .get("PublicAccessBlockConfiguration")).put("RestrictPublicBuckets", false));
        breakages.put("website bucket", resources -> writable(properties(resources, "DashboardBucket"))
                .put("WebsiteConfiguration", Map.of("IndexDocument", "index.html")));
        breakages.put("policy for anyone", resources -> writable(dashboardPolicyStatements(resources).get(0))
                .put("Principal", "*"));
        breakages.put("policy without SourceArn", resources -> writable(dashboardPolicyStatements(resources).get(0))
                .remove("Condition"));
        breakages.put("policy for any distribution", resources -> writable(dashboardPolicyStatements(resources)
                .get(0)).put("Condition", Map.of("StringLike", Map.of("AWS:SourceArn", "*"))));
        breakages.put("alerts behaviour missing", resources -> ((List<?>) distributionConfig(resources)
                .get("CacheBehaviors")).removeIf(behaviour -> "/alerts".equals(((Map<?, ?>) behaviour)
                .get("PathPattern"))));
        breakages.put("snapshot cached", resources -> writable(behaviour(resources, "/snapshot"))
                .put("CachePolicyId", CACHING_OPTIMIZED));
        breakages.put("kpis without Authorization", resources -> writable(behaviour(resources, "/kpis"))
                .remove("OriginRequestPolicyId"));
        breakages.put("export to the bucket", resources -> writable(behaviour(resources, "/export/*"))
                .put("TargetOriginId", "dashboard-files"));

        List<String> paths = dashboardApiPaths();
        for (Map.Entry<String, Consumer<Map<?, ?>>> breakage : breakages.entrySet()) {
            Map<?, ?> resources = TemplatePolicies.resources();
            breakage.getValue().accept(resources);
            assertThrows(AssertionError.class, () -> {
                checkDashboardBucketPrivate(resources);
                checkDashboardApiBehaviours(resources, paths);
            }, "the dashboard checks pass a template with: " + breakage.getKey());
        }
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

    /**
     * Checks that only the dashboard's distribution can read the dashboard bucket: no public access, ACLs off,
     * encrypted, no website endpoint, and a bucket policy whose only grants go to that distribution.
     */
    private static void checkDashboardBucketPrivate(Map<?, ?> resources) {
        Map<?, ?> bucket = properties(resources, "DashboardBucket");
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"));
        assertEquals(Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                bucket.get("OwnershipControls"));
        assertEquals(Map.of("ServerSideEncryptionConfiguration", List.of(Map.of("ServerSideEncryptionByDefault",
                Map.of("SSEAlgorithm", "AES256")))), bucket.get("BucketEncryption"));
        assertNull(bucket.get("WebsiteConfiguration"), "an S3 website endpoint is public");
        assertNull(bucket.get("AccessControl"), "canned ACL on the dashboard bucket");

        List<String> policies = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (resource instanceof Map<?, ?> fields && "AWS::S3::BucketPolicy".equals(fields.get("Type"))
                    && new Intrinsic("Ref", "DashboardBucket").equals(((Map<?, ?>) fields.get("Properties"))
                    .get("Bucket"))) {
                policies.add(String.valueOf(id));
            }
        });
        assertEquals(List.of("DashboardBucketPolicy"), policies, "bucket policies of the dashboard bucket");

        int grants = 0;
        for (Map<?, ?> statement : dashboardPolicyStatements(resources)) {
            if (!"Allow".equals(statement.get("Effect"))) {
                continue;
            }
            grants++;
            String sid = String.valueOf(statement.get("Sid"));
            assertEquals(Set.of("Sid", "Effect", "Principal", "Action", "Resource", "Condition"),
                    new TreeSet<>(statement.keySet().stream().map(String::valueOf).toList()),
                    sid + ": an Allow must name principal, action and resource, with a condition");
            assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), statement.get("Principal"), sid);
            assertEquals("s3:GetObject", statement.get("Action"), sid);
            assertEquals(Map.of("StringEquals", Map.of("AWS:SourceArn", new Intrinsic("Fn::Sub",
                    "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${DashboardDistribution}"))),
                    statement.get("Condition"), sid + " must allow the dashboard's distribution alone");
        }
        assertEquals(1, grants, "Allow statements in the dashboard bucket policy");

        Map<?, ?> control = (Map<?, ?>) properties(resources, "DashboardOriginAccessControl")
                .get("OriginAccessControlConfig");
        assertEquals("always", control.get("SigningBehavior"));
        Map<?, ?> bucketOrigin = origin(resources, "dashboard-files");
        assertEquals(new Intrinsic("Fn::GetAtt", "DashboardBucket.RegionalDomainName"),
                bucketOrigin.get("DomainName"));
        assertEquals(new Intrinsic("Fn::GetAtt", "DashboardOriginAccessControl.Id"),
                bucketOrigin.get("OriginAccessControlId"));
    }

    /**
     * Checks that each of {@code paths}, and the CSV export, reaches the HttpApi through a behaviour that caches
     * nothing and forwards every viewer header but Host, so Authorization and the body reach the functions. Each API
     * behaviour must also match a route of the API, so a misspelt pattern fails here instead of returning 404.
     */
    private static void checkDashboardApiBehaviours(Map<?, ?> resources, List<String> paths) {
        Map<?, ?> config = distributionConfig(resources);
        Map<?, ?> apiOrigin = origin(resources, "api");
        assertEquals(API_DOMAIN, apiOrigin.get("DomainName"));
        assertEquals("https-only", ((Map<?, ?>) apiOrigin.get("CustomOriginConfig")).get("OriginProtocolPolicy"));

        Map<?, ?> defaultBehaviour = (Map<?, ?>) config.get("DefaultCacheBehavior");
        assertEquals("dashboard-files", defaultBehaviour.get("TargetOriginId"));
        assertEquals(CACHING_OPTIMIZED, defaultBehaviour.get("CachePolicyId"));
        assertEquals("redirect-to-https", defaultBehaviour.get("ViewerProtocolPolicy"));

        List<String> expected = new ArrayList<>(paths);
        expected.add(EXPORT_PATH);
        Set<String> routes = apiRoutePaths();
        for (String path : expected) {
            Map<?, ?> behaviour = matchingBehaviour(config, path);
            assertNotNull(behaviour, path + " has no behaviour, so it would go to the bucket");
            String pattern = String.valueOf(behaviour.get("PathPattern"));
            assertEquals("api", behaviour.get("TargetOriginId"), pattern);
            assertEquals(CACHING_DISABLED, behaviour.get("CachePolicyId"), pattern + " must not cache");
            assertEquals(ALL_VIEWER_EXCEPT_HOST_HEADER, behaviour.get("OriginRequestPolicyId"),
                    pattern + " must forward Authorization and all other viewer headers but Host");
            assertNull(behaviour.get("ForwardedValues"), pattern + " uses legacy cache settings");
            assertEquals(List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"),
                    behaviour.get("AllowedMethods"), pattern);
            assertEquals("https-only", behaviour.get("ViewerProtocolPolicy"), pattern);
        }
        for (Object behaviour : (List<?>) config.get("CacheBehaviors")) {
            Map<?, ?> fields = (Map<?, ?>) behaviour;
            if ("api".equals(fields.get("TargetOriginId"))) {
                String pattern = String.valueOf(fields.get("PathPattern"));
                assertTrue(routes.stream().anyMatch(route -> globMatches(pattern, route)),
                        pattern + " matches no HttpApi route: " + routes);
            }
        }
    }

    /** Lists the paths that the dashboard page calls, from {@code this.call('METHOD', '/path'...)} in api.js. */
    private static List<String> dashboardApiPaths() {
        Path api = Path.of(System.getProperty("basedir", ".")).resolve("web/dashboard/src/api.js");
        String source;
        try {
            source = Files.readString(api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> paths = new ArrayList<>();
        Matcher call = Pattern.compile("this\\.call\\('[A-Z]+', '(/[^']*)'").matcher(source);
        while (call.find()) {
            paths.add(call.group(1));
        }
        return paths;
    }

    /** Lists the paths of every HttpApi event of the template's functions. */
    private static Set<String> apiRoutePaths() {
        Set<String> paths = new TreeSet<>();
        for (Map<?, ?> function : functions().values()) {
            Map<?, ?> events = (Map<?, ?>) function.get("Events");
            if (events == null) {
                continue;
            }
            for (Object event : events.values()) {
                Map<?, ?> fields = (Map<?, ?>) event;
                if ("HttpApi".equals(fields.get("Type"))) {
                    paths.add(String.valueOf(((Map<?, ?>) fields.get("Properties")).get("Path")));
                }
            }
        }
        return paths;
    }

    /** Returns the first cache behaviour whose pattern matches {@code path}, as CloudFront picks it, or null. */
    private static Map<?, ?> matchingBehaviour(Map<?, ?> config, String path) {
        for (Object behaviour : (List<?>) config.get("CacheBehaviors")) {
            Map<?, ?> fields = (Map<?, ?>) behaviour;
            if (globMatches(String.valueOf(fields.get("PathPattern")), path)) {
                return fields;
            }
        }
        return null;
    }

    /** Matches a CloudFront path pattern, where {@code *} is any run of characters and {@code ?} one character. */
    private static boolean globMatches(String pattern, String path) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return path.matches(regex.toString());
    }

    private static Map<?, ?> properties(Map<?, ?> resources, String logicalId) {
        Map<?, ?> resource = (Map<?, ?>) resources.get(logicalId);
        assertNotNull(resource, "template.yaml has no resource " + logicalId);
        return (Map<?, ?>) resource.get("Properties");
    }

    private static Map<?, ?> distributionConfig(Map<?, ?> resources) {
        return (Map<?, ?>) properties(resources, "DashboardDistribution").get("DistributionConfig");
    }

    private static Map<?, ?> origin(Map<?, ?> resources, String id) {
        for (Object origin : (List<?>) distributionConfig(resources).get("Origins")) {
            if (id.equals(((Map<?, ?>) origin).get("Id"))) {
                return (Map<?, ?>) origin;
            }
        }
        throw new AssertionError("DashboardDistribution has no origin " + id);
    }

    private static Map<?, ?> behaviour(Map<?, ?> resources, String pathPattern) {
        for (Object behaviour : (List<?>) distributionConfig(resources).get("CacheBehaviors")) {
            if (pathPattern.equals(((Map<?, ?>) behaviour).get("PathPattern"))) {
                return (Map<?, ?>) behaviour;
            }
        }
        throw new AssertionError("DashboardDistribution has no behaviour " + pathPattern);
    }

    private static List<Map<?, ?>> dashboardPolicyStatements(Map<?, ?> resources) {
        Map<?, ?> document = (Map<?, ?>) properties(resources, "DashboardBucketPolicy").get("PolicyDocument");
        List<Map<?, ?>> statements = new ArrayList<>();
        for (Object statement : (List<?>) document.get("Statement")) {
            statements.add((Map<?, ?>) statement);
        }
        return statements;
    }

    /** Casts a parsed YAML mapping, a mutable LinkedHashMap, so that a test can break a copy of the template. */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> writable(Object mapping) {
        return (Map<Object, Object>) mapping;
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
