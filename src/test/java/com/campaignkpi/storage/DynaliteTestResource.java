package com.campaignkpi.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts dynalite, an open-source DynamoDB implementation, in memory on a free loopback port, points the
 * Quarkus-injected {@code DynamoDbClient} at it and turns on table creation, so every table of
 * {@code template.yaml} exists when the test starts. Needs Node.js 20 or newer on the PATH and the npm packages of
 * {@code infra/local} installed ({@code npm ci --prefix infra/local}). The server's output goes to
 * {@code target/dynalite-<port>.log}.
 */
public class DynaliteTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final Path CLI = Path.of("infra", "local", "node_modules", "dynalite", "cli.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** Another process may take the free port between the probe and dynalite's bind, so a lost race is retried. */
    private static final int START_ATTEMPTS = 3;

    private Process process;

    @Override
    public Map<String, String> start() {
        Path projectDir = projectDir();
        Path cli = projectDir.resolve(CLI);
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: " + cli + " is missing. Run "
                    + "`npm ci --prefix infra/local` in " + projectDir + " once before the tests");
        }

        for (int attempt = 1; ; attempt++) {
            int port = freeLoopbackPort();
            Path log = projectDir.resolve("target").resolve("dynalite-" + port + ".log");
            List<String> command = command(cli, port);
            process = launch(command, projectDir, log);
            if (awaitPort(port, command, log)) {
                return Map.of(
                        "quarkus.dynamodb.endpoint-override", "http://" + HOST + ":" + port,
                        "campaignkpi.storage.create-tables", "true",
                        // dynalite accepts any region and keys. Fixed ones keep the SDK from looking up real
                        // credentials, whatever the profile sets.
                        "quarkus.dynamodb.aws.region", "us-east-1",
                        "quarkus.dynamodb.aws.credentials.type", "static",
                        "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                        "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
            }
            if (attempt == START_ATTEMPTS) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` exited with code "
                        + process.exitValue() + " before it opened port " + port + " (attempt " + attempt + " of "
                        + START_ATTEMPTS + "); its output is in " + log);
            }
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private static List<String> command(Path cli, int port) {
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        // No --path, so the data lives in memory and each test run starts empty.
        command.addAll(List.of("--host", HOST, "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        return command;
    }

    private static Process launch(List<String> command, Path projectDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(command)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to start `" + String.join(" ", command) + "`: " + e.getMessage()
                    + ". Install Node.js 20 or newer and put `node` on the PATH", e);
        }
    }

    /**
     * Waits until the port accepts connections. Returns false when dynalite exits first, such as when the port
     * was taken meanwhile, and throws after {@link #START_TIMEOUT}.
     */
    private boolean awaitPort(int port, List<String> command, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), (int) POLL_INTERVAL.toMillis());
                return true;
            } catch (IOException notListeningYet) {
                pause();
            }
        }
        stop();
        throw new IllegalStateException("Timed out after " + START_TIMEOUT.toSeconds() + " s waiting for `"
                + String.join(" ", command) + "` to accept connections on port " + port + "; its output is in "
                + log);
    }

    /** Returns the Maven project directory: surefire's {@code basedir}, else the working directory. */
    private static Path projectDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to find a free port on " + HOST + " for dynalite", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite to start", e);
        }
    }
}
