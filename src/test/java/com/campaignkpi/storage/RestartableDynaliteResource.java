package com.campaignkpi.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts dynalite with its data in a LevelDB directory under {@code target/}, so the data survives a restart, and
 * lets a test kill it and start it again on the same port and directory while the application keeps running. The
 * resource passes itself to every field of its type in the test instance. Like {@link DynaliteTestResource}, it
 * needs Node.js 20 or newer and {@code npm ci --prefix infra/local}. The output of both runs goes to
 * {@code target/dynalite-<port>.log}, and {@link #stop} deletes the data directory.
 */
public class RestartableDynaliteResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final Path CLI = Path.of("infra", "local", "node_modules", "dynalite", "cli.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** Another process may take the free port between the probe and dynalite's bind, so a lost race is retried. */
    private static final int START_ATTEMPTS = 3;

    private Path projectDir;
    private Path dataDir;
    private Path log;
    private List<String> command;
    private Process process;

    @Override
    public Map<String, String> start() {
        projectDir = projectDir();
        Path cli = projectDir.resolve(CLI);
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: " + cli + " is missing. Run "
                    + "`npm ci --prefix infra/local` in " + projectDir + " once before the tests");
        }
        try {
            Path target = Files.createDirectories(projectDir.resolve("target"));
            dataDir = Files.createTempDirectory(target, "dynalite-data-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a data directory for dynalite under target/", e);
        }

        for (int attempt = 1; ; attempt++) {
            int port = freeLoopbackPort();
            command = List.of("node", cli.toString(), "--host", HOST, "--port", Integer.toString(port),
                    "--path", dataDir.toString(),
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
            log = target().resolve("dynalite-" + port + ".log");
            if (launch(port)) {
                return Map.of(
                        "quarkus.dynamodb.endpoint-override", "http://" + HOST + ":" + port,
                        "campaignkpi.storage.create-tables", "true",
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
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(RestartableDynaliteResource.class));
    }

    /** Kills dynalite with SIGKILL, as a crash would, and waits until it has exited. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("dynalite did not exit within " + STOP_TIMEOUT.toSeconds()
                        + " s of SIGKILL: `" + String.join(" ", command) + "`");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite to exit", e);
        }
        process = null;
    }

    /**
     * Starts dynalite again on the port and data directory of the first start and waits until it accepts
     * connections.
     *
     * @throws IllegalStateException when it exits first, such as when another process took the port meanwhile
     */
    public synchronized void restart() {
        if (process != null) {
            throw new IllegalStateException("dynalite is still running; kill it before restarting it");
        }
        int port = Integer.parseInt(command.get(command.indexOf("--port") + 1));
        if (!launch(port)) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` exited with code "
                    + process.exitValue() + " before it opened port " + port + " again; its output is in " + log);
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
        deleteDataDir();
    }

    /** Launches {@link #command} and returns whether it accepted connections on {@code port} before exiting. */
    private boolean launch(int port) {
        try {
            process = new ProcessBuilder(command)
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to start `" + String.join(" ", command) + "`: " + e.getMessage()
                    + ". Install Node.js 20 or newer and put `node` on the PATH", e);
        }
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
        process.destroyForcibly();
        throw new IllegalStateException("Timed out after " + START_TIMEOUT.toSeconds() + " s waiting for `"
                + String.join(" ", command) + "` to accept connections on port " + port + "; its output is in "
                + log);
    }

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete dynalite's data directory " + dataDir, e);
        }
        dataDir = null;
    }

    private Path target() {
        return projectDir.resolve("target");
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
