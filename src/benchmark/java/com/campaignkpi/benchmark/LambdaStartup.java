package com.campaignkpi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the Lambda build's JVM start-up: the time from starting the process to its first invocation response.
 *
 * <p>For each run it starts a minimal AWS Lambda Runtime API emulator on a free loopback port, then a JVM with the
 * packaged Lambda build ({@code target/lambda}, built by {@code ./mvnw -o -B package -Dlambda -DskipTests}) and
 * {@link LambdaRuntimeClient} on its class path, with {@code AWS_LAMBDA_RUNTIME_API} pointing at the emulator. The
 * client calls {@code FunqyStreamHandler}, the template's handler for the {@code java21} runtime. Running the jar
 * with {@code java -jar} would not do: Quarkus 3.34's Funqy Lambda extension starts its own poll loop only in a
 * native build, so the JVM build waits for a runtime client to call it. The function is {@code api-kpis}, which
 * reads no table.
 * The emulator hands out one API Gateway HTTP API (payload 2.0) event for {@code GET /kpis} and records when the
 * response arrives. It checks that the response is a 200 whose body lists KPI definitions, then kills the process.
 * It prints each run, and the median and range for each set of JVM flags in {@link #FLAG_SETS}.
 *
 * <p>Argument: the number of runs per set of JVM flags (default 5). Run from the project directory. Process output
 * goes to {@code target/benchmark/lambda-startup}.
 */
public final class LambdaStartup {

    private static final String HOST = "127.0.0.1";
    /** The handler that template.yaml gives the {@code java21} runtime. */
    private static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler";
    private static final String RUNTIME_PATH = "/2018-06-01/runtime";
    private static final String REQUEST_ID = "8f5c9a52-2a6e-4c1f-9d0b-4e1c2b7d0a11";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:campaign-kpi-KpisApi";
    private static final long RUN_TIMEOUT_SECONDS = 90;
    /** Deadline given to the function for its one invocation, as the template's Timeout (30 s). */
    private static final long INVOCATION_TIMEOUT_MILLIS = 30_000;
    /**
     * JVM flag sets to compare, each measured with the same number of runs. AWS documents that Lambda's {@code java17}
     * and {@code java21} runtimes stop tiered compilation at level 1 by default, and that {@code java17} uses the
     * serial garbage collector by default (https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html).
     */
    private static final List<List<String>> FLAG_SETS = List.of(List.of(), List.of("-XX:TieredStopAtLevel=1"),
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));

    private final ObjectMapper json = new ObjectMapper();
    private final Path project = Path.of("").toAbsolutePath();
    private final Path runDir = project.resolve("target/benchmark/lambda-startup");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (runs < 1) {
            throw new IllegalArgumentException("The number of runs must be at least 1, got " + runs);
        }
        new LambdaStartup().run(runs);
    }

    private void run(int runs) throws Exception {
        Files.createDirectories(runDir);
        Path jar = lambdaJar();
        Path clientDir = copyRuntimeClient();
        System.out.printf(Locale.US, "jar: %s%njava: %s %s%nload average before: %s%n", project.relativize(jar),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), loadAverage());

        List<String> summaries = new ArrayList<>();
        for (List<String> flags : FLAG_SETS) {
            List<Timing> timings = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Timing timing = measureOnce(jar, clientDir, flags, run);
                timings.add(timing);
                System.out.printf(Locale.US, "flags [%s] run %d: %.0f ms to the response (first next after "
                        + "%.0f ms), HTTP %d, %d KPI definitions%n", String.join(" ", flags), run,
                        timing.responseMillis(), timing.firstNextMillis(), timing.statusCode(), timing.definitions());
            }
            summaries.add(summarize(flags, timings));
        }

        System.out.printf(Locale.US, "load average after: %s%n", loadAverage());
        System.out.println("| JVM flags | runs | first `next` (init), median (range) | response, median (range) |");
        System.out.println("|---|---:|---:|---:|");
        summaries.forEach(System.out::println);
    }

    /**
     * Copies the class file of {@link LambdaRuntimeClient} into a directory of its own, so the function's JVM gets
     * that one class and none of the benchmark's dependencies.
     */
    private Path copyRuntimeClient() throws IOException {
        String classFile = LambdaRuntimeClient.class.getName().replace('.', '/') + ".class";
        Path clientDir = runDir.resolve("client");
        Path target = clientDir.resolve(classFile);
        Files.createDirectories(target.getParent());
        try (InputStream in = LambdaRuntimeClient.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new IllegalStateException(classFile + " is not on the class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return clientDir;
    }

    /** Returns the runner jar that {@code target/lambda/quarkus-artifact.properties} names. */
    private Path lambdaJar() throws IOException {
        Path build = project.resolve("target/lambda");
        Path artifact = build.resolve("quarkus-artifact.properties");
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalStateException(artifact + " is missing: run ./mvnw -o -B package -Dlambda -DskipTests");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(artifact)) {
            properties.load(in);
        }
        String path = properties.getProperty("path");
        if (path == null) {
            throw new IllegalStateException(artifact + " has no path entry");
        }
        Path jar = build.resolve(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -o -B package -Dlambda -DskipTests");
        }
        return jar;
    }

    /** Starts the emulator and the function once and times its first invocation. */
    private Timing measureOnce(Path jar, Path clientDir, List<String> flags, int run) throws Exception {
        try (RuntimeEmulator emulator = new RuntimeEmulator(eventJson())) {
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(flags);
            // The runner jar's manifest puts target/lambda/lib on the class path.
            command.addAll(List.of("-cp", clientDir + File.pathSeparator + jar,
                    LambdaRuntimeClient.class.getName(), HANDLER));
            String flagsLabel = flags.isEmpty() ? "default" : String.join("", flags).replaceAll("[^A-Za-z0-9]", "");
            String log = "run-" + flagsLabel + "-" + run + ".log";
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve(log).toFile());
            configureEnvironment(builder.environment(), emulator.port());
            if (run == 1) {
                System.out.println("command: " + String.join(" ", command));
            }

            long start = System.nanoTime();
            Process function = builder.start();
            try {
                function.onExit().thenAccept(exited -> emulator.fail(
                        "the function exited with code " + exited.exitValue() + " before it responded; see " + log));
                Invocation invocation = emulator.awaitResponse(RUN_TIMEOUT_SECONDS);
                Timing timing = new Timing((emulator.firstNextNanos() - start) / 1e6,
                        (invocation.receivedNanos() - start) / 1e6, 0, 0);
                return check(timing, invocation.body(), log);
            } finally {
                stop(function);
            }
        }
    }

    /**
     * Sets the variables Lambda gives a function, with dummy credentials and a DynamoDB endpoint on the discard port
     * of loopback, so no request can leave this machine. The template's {@code CAMPAIGNKPI_STORAGE_TABLE_PREFIX} gets
     * its default. {@code DISABLE_SIGNAL_HANDLERS} is left out because only the native executable reads it.
     */
    private static void configureEnvironment(Map<String, String> env, int port) {
        // Only the flags under test reach the JVM.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        env.put("AWS_LAMBDA_RUNTIME_API", HOST + ":" + port);
        env.put("QUARKUS_FUNQY_EXPORT", "api-kpis");
        env.put("CAMPAIGNKPI_STORAGE_TABLE_PREFIX", "campaign-kpi-");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", "http://" + HOST + ":9");
    }

    /** Checks that the function returned HTTP 200 with a non-empty list of KPI definitions. */
    private Timing check(Timing timing, String responseBody, String log) throws IOException {
        JsonNode response = json.readTree(responseBody);
        int status = response.path("statusCode").asInt();
        if (status != 200) {
            throw new IllegalStateException("api-kpis returned HTTP " + status + " instead of 200: " + responseBody
                    + "; see " + log);
        }
        JsonNode definitions = json.readTree(response.path("body").asText());
        if (!definitions.isArray() || definitions.isEmpty() || !definitions.get(0).hasNonNull("id")
                || !definitions.get(0).hasNonNull("definition")) {
            throw new IllegalStateException("api-kpis returned a body without KPI definitions: " + responseBody);
        }
        return new Timing(timing.firstNextMillis(), timing.responseMillis(), status, definitions.size());
    }

    private static String summarize(List<String> flags, List<Timing> timings) {
        List<Double> firstNext = new ArrayList<>();
        List<Double> response = new ArrayList<>();
        for (Timing timing : timings) {
            firstNext.add(timing.firstNextMillis());
            response.add(timing.responseMillis());
        }
        String label = flags.isEmpty() ? "none (JDK defaults)" : "`" + String.join(" ", flags) + "`";
        return String.format(Locale.US, "| %s | %d | %s | %s |", label, timings.size(), medianAndRange(firstNext),
                medianAndRange(response));
    }

    /** Formats the median (the upper one for an even count) and the range in whole milliseconds. */
    private static String medianAndRange(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.US, "%,.0f ms (%,.0f to %,.0f)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    /** Returns an API Gateway HTTP API payload 2.0 event for {@code GET /kpis}, as the template's route sends it. */
    private String eventJson() throws IOException {
        long now = System.currentTimeMillis();
        Map<String, Object> http = Map.of("method", "GET", "path", "/kpis", "protocol", "HTTP/1.1",
                "sourceIp", HOST, "userAgent", "curl/8.5.0");
        Map<String, Object> requestContext = Map.of("accountId", "123456789012", "apiId", "abcdef1234",
                "domainName", "abcdef1234.execute-api.us-east-1.amazonaws.com", "domainPrefix", "abcdef1234",
                "http", http, "requestId", "Jq0dQhMuIAMEVbQ=", "routeKey", "GET /kpis", "stage", "$default",
                "time", "05/Dec/2026:02:30:00 +0000", "timeEpoch", now);
        Map<String, Object> event = Map.of("version", "2.0", "routeKey", "GET /kpis", "rawPath", "/kpis",
                "rawQueryString", "", "headers", Map.of("accept", "application/json", "host",
                        "abcdef1234.execute-api.us-east-1.amazonaws.com", "user-agent", "curl/8.5.0"),
                "requestContext", requestContext, "isBase64Encoded", false);
        return json.writeValueAsString(event);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Milliseconds from process start to the first {@code next} request and to the response. */
    private record Timing(double firstNextMillis, double responseMillis, int statusCode, int definitions) {
    }

    /** A response the function posted, with the {@link System#nanoTime()} of its arrival. */
    private record Invocation(long receivedNanos, String body) {
    }

    /**
     * A minimal Lambda Runtime API (version 2018-06-01) on a free loopback port, for one invocation. The first
     * {@code next} returns the event, and later ones block until the emulator is closed, as Lambda's do while no event
     * is waiting. {@code init/error} and {@code invocation/{id}/error} fail the run with the body the function sent.
     */
    private static final class RuntimeEmulator implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final byte[] event;
        private final AtomicBoolean eventServed = new AtomicBoolean();
        private final AtomicLong firstNextNanos = new AtomicLong();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final CompletableFuture<Invocation> response = new CompletableFuture<>();

        RuntimeEmulator(String eventJson) throws IOException {
            this.event = eventJson.getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 0);
            server.setExecutor(executor);
            server.createContext(RUNTIME_PATH + "/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        long firstNextNanos() {
            return firstNextNanos.get();
        }

        void fail(String message) {
            response.completeExceptionally(new IllegalStateException(message));
        }

        Invocation awaitResponse(long timeoutSeconds) throws Exception {
            try {
                return response.get(timeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s waiting for the function's "
                        + "response; see its log in target/benchmark/lambda-startup", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            long receivedNanos = System.nanoTime();
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring(RUNTIME_PATH.length());
                String method = exchange.getRequestMethod();
                if ("GET".equals(method) && path.equals("/invocation/next")) {
                    handleNext(exchange, receivedNanos);
                } else if ("POST".equals(method) && path.equals("/invocation/" + REQUEST_ID + "/response")) {
                    String body = readBody(exchange);
                    response.complete(new Invocation(receivedNanos, body));
                    send(exchange, 202, "{\"status\":\"OK\"}");
                } else if ("POST".equals(method) && (path.equals("/init/error")
                        || path.equals("/invocation/" + REQUEST_ID + "/error"))) {
                    String body = readBody(exchange);
                    String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                    fail("the function reported " + path + " (" + errorType + "): " + body);
                    send(exchange, 202, "{\"status\":\"OK\"}");
                } else {
                    fail("the function sent an unexpected request: " + method + " " + exchange.getRequestURI());
                    send(exchange, 404, "{\"errorType\":\"NotFound\"}");
                }
            }
        }

        private void handleNext(HttpExchange exchange, long receivedNanos) throws IOException {
            if (eventServed.compareAndSet(false, true)) {
                firstNextNanos.set(receivedNanos);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", REQUEST_ID);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + INVOCATION_TIMEOUT_MILLIS));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                        "Root=1-67890abc-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0");
                exchange.sendResponseHeaders(200, event.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(event);
                }
                return;
            }
            // No second event: hold the request until the run ends, when the function is killed anyway.
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String readBody(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
