package com.campaignkpi.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts dynalite, an open-source DynamoDB implementation, in memory on a free loopback port for the tests, and
 * points the DynamoDB client at it. Its log goes to {@code target/dynalite-<port>.log}.
 */
public class DynaliteTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Path CLI = Path.of("infra", "local", "node_modules", "dynalite", "cli.js");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException("dynalite is not installed at " + CLI.toAbsolutePath()
                    + "; run `npm ci --prefix infra/local` once before the tests");
        }
        int port = freePort();
        List<String> command = List.of("node", CLI.toString(), "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        File log = Path.of("target", "dynalite-" + port + ".log").toFile();
        log.getParentFile().mkdirs();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start `" + String.join(" ", command) + "`: is Node.js 20 "
                    + "on the PATH? " + e.getMessage(), e);
        }
        awaitPort(port, command, log);
        return Map.of(
                "quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + port,
                "campaignkpi.storage.create-tables", "true");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private void awaitPort(int port, List<String> command, File log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` exited with "
                        + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        stop();
        throw new IllegalStateException("`" + String.join(" ", command) + "` did not open port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port for dynalite", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for dynalite", e);
        }
    }
}
