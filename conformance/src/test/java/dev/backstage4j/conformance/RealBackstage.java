package dev.backstage4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the project's real Backstage backend ({@code conformance/backend}) as a child {@code node} process on a
 * free loopback port, seeded with the sample organisation.
 *
 * <p>{@link #start(Path, Path, Path)} installs the npm dependencies when needed ({@code backend/install.sh}, a
 * no-op for an unchanged lockfile), starts the backend, and returns only once the backend is ready <em>and</em>
 * every sample entity is in the catalog with settled relations. Without {@code node} or {@code npm} it fails
 * with a clear message; it never skips.
 *
 * <p>The process is always stopped: by {@link #close()} and, should the JVM exit first, by a shutdown hook. If
 * the JVM is killed outright, the backend notices within seconds that its parent is gone and exits
 * ({@code B4J_PARENT_PID}, see {@code index.js}). The backend log is kept in a temporary folder and copied to
 * {@code <build dir>/real-backstage/backend.log} when start-up fails or {@link #markFailed()} was called.
 */
public final class RealBackstage implements ContractTarget, AutoCloseable {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI baseUrl;
    private final String token;
    private final int javaPluginPort;
    private final Path runDir;
    private final Path log;
    private final Path buildDir;
    private final Thread shutdownHook;
    private final Map<String, String> versions;
    private volatile boolean failed;
    private boolean closed;

    private RealBackstage(Process process, URI baseUrl, String token, int javaPluginPort, Path runDir,
            Path buildDir, Map<String, String> versions) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.token = token;
        this.javaPluginPort = javaPluginPort;
        this.runDir = runDir;
        this.log = runDir.resolve("backend.log");
        this.buildDir = buildDir;
        this.versions = versions;
        this.shutdownHook = new Thread(this::stopProcess, "real-backstage-shutdown");
    }

    /**
     * Starts the backend with the folders passed by Maven as the system properties
     * {@code b4j.conformance.backendDir}, {@code b4j.conformance.sampleDir} and {@code b4j.conformance.buildDir};
     * without them (e.g. in an IDE with the module as working directory) it uses {@code backend},
     * {@code ../testkit/src/main/resources/dev/backstage4j/testkit/sample} and {@code target}.
     *
     * @return the running, seeded backend
     * @throws IllegalStateException if node/npm are missing, the install fails, or the backend does not get ready
     */
    public static RealBackstage startFromSystemProperties() {
        return start(
                Path.of(System.getProperty("b4j.conformance.backendDir", "backend")),
                Path.of(System.getProperty("b4j.conformance.sampleDir",
                        "../testkit/src/main/resources/dev/backstage4j/testkit/sample")),
                Path.of(System.getProperty("b4j.conformance.buildDir", "target")));
    }

    /**
     * Installs if needed, starts and seeds the backend, and waits until the whole sample organisation is ingested.
     *
     * @param backendDir the folder with {@code index.js}, {@code app-config.yaml} and {@code install.sh}
     * @param sampleDir the sample organisation folder (holding {@code catalog-info.yaml})
     * @param buildDir where the backend log is copied on failure
     * @return the running, seeded backend
     * @throws IllegalStateException if node/npm are missing, the install fails, or the backend does not get ready
     */
    public static RealBackstage start(Path backendDir, Path sampleDir, Path buildDir) {
        Path backend = backendDir.toAbsolutePath().normalize();
        Path sample = sampleDir.toAbsolutePath().normalize();
        SampleOrganisation organisation = SampleOrganisation.load(sample);
        long t0 = System.nanoTime();
        install(backend);
        long installed = System.nanoTime();
        Map<String, String> versions = versions(backend);
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            RealBackstage started = launch(backend, sample, buildDir.toAbsolutePath().normalize(), versions);
            try {
                long launched = System.nanoTime();
                started.awaitReady();
                long ready = System.nanoTime();
                started.awaitIngested(organisation);
                long ingested = System.nanoTime();
                System.out.printf("[real-backstage] %s at %s: install check %.1f s, ready after %.1f s,"
                        + " %d sample entities ingested after %.1f s%n", versions, started.baseUrl,
                        seconds(installed - t0), seconds(ready - launched), organisation.entityRefs().size(),
                        seconds(ingested - launched));
                return started;
            } catch (PortTakenException e) {
                started.close();
                last = e;
            } catch (RuntimeException e) {
                started.markFailed();
                started.close();
                throw e;
            }
        }
        throw last;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void install(Path backendDir) {
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                throw new IllegalStateException("The conformance suite runs a real Backstage backend and needs '"
                        + tool + "' (Node.js 20+ with npm) on PATH; it is not. Install Node.js 20 and npm, or"
                        + " exclude the module with -pl '!conformance'. The suite never skips silently.");
            }
        }
        Path output;
        try {
            output = Files.createTempFile("b4j-backend-install", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process install = new ProcessBuilder("bash", backendDir.resolve("install.sh").toString())
                    .directory(backendDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!install.waitFor(INSTALL_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                install.destroyForcibly();
                throw new IllegalStateException("backend/install.sh did not finish within " + INSTALL_TIMEOUT
                        + "; see " + backendDir.resolve("install.log"));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                System.out.println(text);
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("installing the real Backstage backend failed (exit "
                        + install.exitValue() + "):\n" + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + backendDir.resolve("install.sh"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the real Backstage backend", e);
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> versions(Path backendDir) {
        try {
            JsonNode dependencies = JSON.readTree(backendDir.resolve("package.json").toFile()).path("dependencies");
            Map<String, String> versions = new TreeMap<>();
            versions.put("catalog-backend", dependencies.path("@backstage/plugin-catalog-backend").asText("?"));
            versions.put("scaffolder-backend", dependencies.path("@backstage/plugin-scaffolder-backend").asText("?"));
            return Collections.unmodifiableMap(versions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + backendDir.resolve("package.json"), e);
        }
    }

    private static RealBackstage launch(Path backendDir, Path sampleDir, Path buildDir, Map<String, String> versions) {
        int port = freeLoopbackPort();
        int javaPluginPort = freeLoopbackPort();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = "b4j-conformance-" + HexFormat.of().formatHex(random);
        try {
            Path runDir = Files.createTempDirectory("b4j-real-backstage-");
            Path work = Files.createDirectories(runDir.resolve("work"));
            ProcessBuilder builder = new ProcessBuilder("node", "index.js", "--config", "app-config.yaml")
                    .directory(backendDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("backend.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("BACKSTAGE_PORT", Integer.toString(port));
            env.put("BACKSTAGE_TOKEN", token);
            env.put("B4J_SAMPLE_DIR", sampleDir.toString());
            env.put("B4J_WORK_DIR", work.toString());
            env.put("B4J_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            env.put("B4J_JAVA_PLUGIN_PORT", Integer.toString(javaPluginPort));
            RealBackstage backend = new RealBackstage(builder.start(), URI.create("http://127.0.0.1:" + port),
                    token, javaPluginPort, runDir, buildDir, versions);
            Runtime.getRuntime().addShutdownHook(backend.shutdownHook);
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node for the real Backstage backend", e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(baseUrl.resolve("/.backstage/health/v1/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            checkAlive();
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the real Backstage backend", e);
            }
            pause(200);
        }
        throw new IllegalStateException("real Backstage backend not ready after " + READY_TIMEOUT + logTail());
    }

    /** Waits until every sample entity is present and the catalog's view of them stops changing (relations stitched). */
    private void awaitIngested(SampleOrganisation organisation) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectNode body = JSON.createObjectNode();
        organisation.entityRefs().forEach(body.putArray("entityRefs")::add);
        body.putArray("fields").add("kind").add("metadata.namespace").add("metadata.name").add("metadata.etag")
                .add("relations");
        HttpRequest byRefs = HttpRequest.newBuilder(baseUrl.resolve("/api/catalog/entities/by-refs"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        long deadline = System.nanoTime() + INGEST_TIMEOUT.toNanos();
        List<String> missing = organisation.entityRefs();
        JsonNode previous = null;
        while (System.nanoTime() < deadline) {
            checkAlive();
            try {
                HttpResponse<String> response = http.send(byRefs, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("POST /api/catalog/entities/by-refs returned "
                            + response.statusCode() + ": " + response.body() + logTail());
                }
                JsonNode items = JSON.readTree(response.body()).path("items");
                missing = new ArrayList<>();
                for (int i = 0; i < organisation.entityRefs().size(); i++) {
                    if (items.path(i).isNull() || items.path(i).isMissingNode()) {
                        missing.add(organisation.entityRefs().get(i));
                    }
                }
                if (missing.isEmpty() && items.equals(previous)) {
                    return;
                }
                previous = missing.isEmpty() ? items : null;
            } catch (IOException e) {
                throw new IllegalStateException("cannot query the real Backstage catalog: " + e + logTail(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for ingestion", e);
            }
            pause(previous == null ? 300 : 1000);
        }
        throw new IllegalStateException("the sample organisation was not ingested within " + INGEST_TIMEOUT
                + "; missing: " + missing + logTail());
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            String tail = logTail();
            if (tail.contains("EADDRINUSE")) {
                throw new PortTakenException("port of " + baseUrl + " was taken before node could bind it");
            }
            throw new IllegalStateException("the real Backstage backend exited with code " + process.exitValue()
                    + tail);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the real Backstage backend", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of the backend log (kept as " + keptLog() + ") ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "\n(backend log unreadable: " + e + ")";
        }
    }

    private Path keptLog() {
        return buildDir.resolve("real-backstage").resolve("backend.log");
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public String name() {
        return "real-backstage";
    }

    @Override
    public int javaPluginPort() {
        return javaPluginPort;
    }

    /** Signs in with the guest provider ({@code GET /api/auth/guest/refresh}), which answers as alice. */
    @Override
    public String userToken() {
        JsonNode body;
        try {
            body = JSON.readTree(send(HttpRequest.newBuilder(baseUrl.resolve("/api/auth/guest/refresh"))
                    .header("X-Requested-With", "XMLHttpRequest").GET(), "guest sign-in"));
        } catch (IOException e) {
            throw new UncheckedIOException("the guest sign-in answered with unreadable JSON", e);
        }
        String userToken = body.path("backstageIdentity").path("token").asText("");
        if (userToken.isEmpty()) {
            throw new IllegalStateException("the guest sign-in answered without backstageIdentity.token");
        }
        return userToken;
    }

    @Override
    public void makeScaffolderCallJavaPlugin(String pluginId, String callerToken) {
        send(HttpRequest.newBuilder(baseUrl.resolve("/api/scaffolder/v2/actions"))
                .header("Authorization", "Bearer " + callerToken).GET(), "scaffolder action list");
    }

    private byte[] send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<byte[]> res = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(what + " answered " + res.statusCode() + ": "
                        + new String(res.body(), StandardCharsets.UTF_8));
            }
            return res.body();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    /**
     * Returns the pinned versions of the Backstage backend plugins, read from {@code backend/package.json}.
     *
     * @return plugin short name to exact version
     */
    public Map<String, String> versions() {
        return versions;
    }

    /**
     * Records that a test failed, so that {@link #close()} keeps the backend log in the build directory.
     */
    public void markFailed() {
        failed = true;
    }

    /**
     * Stops the backend (SIGTERM, then SIGKILL after 15 s), keeps its log if a failure was recorded, and
     * deletes its temporary folder. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        if (failed) {
            try {
                Files.createDirectories(keptLog().getParent());
                Files.copy(log, keptLog(), StandardCopyOption.REPLACE_EXISTING);
                System.out.println("[real-backstage] backend log kept as " + keptLog());
            } catch (IOException e) {
                System.out.println("[real-backstage] could not keep the backend log: " + e);
            }
        }
        deleteRecursively(runDir);
    }

    private void stopProcess() {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    @Override
    public String toString() {
        return "RealBackstage[" + baseUrl + ", " + versions + "]";
    }

    /** Thrown when another process grabbed the chosen port between probing and binding; start retries. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
