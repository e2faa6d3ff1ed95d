package com.campaignkpi.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts, waits for, measures and stops the processes of the store benchmarks on loopback: dynalite 4.0.0 from
 * {@code infra/local/node_modules} and the packaged HTTP server ({@code target/quarkus-app/quarkus-run.jar}).
 */
final class LocalProcesses {

    static final String HOST = "127.0.0.1";
    static final Duration START_POLL = Duration.ofMillis(10);
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private LocalProcesses() {
    }

    /**
     * Starts dynalite on {@code port} with tables that become ACTIVE at once, and waits until it listens.
     *
     * @param project     the project directory
     * @param dataDir     the LevelDB folder, or null to keep the data in memory
     * @param nodeOptions the value of {@code NODE_OPTIONS}, such as {@code --max-old-space-size=8192}, or null
     */
    static Process startDynalite(Path project, int port, Path dataDir, String nodeOptions, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node",
                project.resolve("infra/local/node_modules/dynalite/cli.js").toString(), "--host", HOST, "--port",
                Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.addAll(List.of("--path", dataDir.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (nodeOptions != null) {
            builder.environment().put("NODE_OPTIONS", nodeOptions);
        }
        Process dynalite = builder.start();
        awaitPort(port, dynalite);
        return dynalite;
    }

    static final String APPCDS_ARCHIVE = "app-cds.jsa";
    static final String ROLLUP_MARGIN = "5s";

    /**
     * Starts the packaged server with the settings of infra/local/demo, storing through {@code store}.
     *
     * @param jvmOptions options placed before {@code -jar}, such as {@code -Xmx4g}
     */
    static Process startServer(Path jar, URI store, int port, String adminToken, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(jvmOptions);
        // The build's AppCDS archive, as infra/local/demo uses it. The JVM finds the archive's class path only when it
        // runs from the jar's directory, so the process starts there.
        if (Files.isRegularFile(jar.resolveSibling(APPCDS_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + APPCDS_ARCHIVE);
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", HOST);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", store.toString());
        env.put("QUARKUS_DYNAMODB_AWS_REGION", "us-east-1");
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "local");
        env.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "local");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("CAMPAIGNKPI_STORAGE_CREATE_TABLES", "true");
        env.put("CAMPAIGNKPI_ADMIN_TOKEN", adminToken);
        // A benchmark snapshots an import seconds after it; with the default 60 s margin its late marks would keep
        // every rollup stale for that minute. 5 s still covers dynalite, which is consistent at once.
        env.put("CAMPAIGNKPI_SNAPSHOT_ROLLUP_MARGIN", ROLLUP_MARGIN);
        return builder.start();
    }

    /**
     * Polls {@code uri} every {@link #START_POLL} until the server responds, and returns the HTTP status.
     *
     * @param logDir where the server's log is, for the error message
     */
    static int awaitResponse(HttpClient http, URI uri, Process server, Path logDir) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with code " + server.exitValue()
                        + " before it responded; see " + logDir);
            }
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notListeningYet) {
                Thread.sleep(START_POLL.toMillis());
            }
        }
        throw new IllegalStateException("the server did not respond to " + uri + " within " + START_TIMEOUT);
    }

    /** Returns utime + stime of a process in clock ticks, fields 14 and 15 of /proc/PID/stat. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field 14 is fields[11].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Returns the clock ticks per second of {@link #cpuTicks}, from {@code getconf CLK_TCK}. */
    static long ticksPerSecond() throws Exception {
        return Long.parseLong(exec("getconf", "CLK_TCK").strip());
    }

    /**
     * Resets the peak resident set (VmHWM) of a process to its current resident set by writing 5 to
     * /proc/PID/clear_refs, which Linux supports since 4.0. Returns false when the kernel or the permissions do not
     * allow it, so VmHWM keeps the peak since the process started.
     */
    static boolean resetPeakResidentSet(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns a field of /proc/PID/status in KiB, such as VmRSS or VmHWM, or -1 when the field is missing. */
    static long statusKib(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        return -1;
    }

    static String exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    static void awaitPort(int port, Process process) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with code " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 100);
                return;
            } catch (IOException notListeningYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("dynalite did not listen on port " + port + " within 30 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    static String randomHex() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
