package dev.backstage4j.catalog.model;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs catalog-client/oracle/oracle.js (the real npm packages) over a batch of cases in one node process,
 * installing the pinned packages with {@code npm ci} first when they are missing.
 */
final class Oracle {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII) // keeps lone surrogates intact on the way to node
      .build();

  private Oracle() {}

  static Path dir() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path d = base.resolve("oracle");
    if (!Files.isDirectory(d)) {
      d = base.resolve("catalog-client/oracle");
    }
    return d.toAbsolutePath();
  }

  static synchronized void install() throws IOException, InterruptedException {
    Path d = dir();
    if (Files.isDirectory(d.resolve("node_modules/@backstage/catalog-model"))
        && Files.isDirectory(d.resolve("node_modules/@backstage/plugin-scaffolder-common"))
        && Files.isDirectory(d.resolve("node_modules/yaml"))) {
      return;
    }
    run(d, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 600);
  }

  private static void run(Path dir, List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("The differential test needs Node.js 20+ and npm on the PATH to install the "
          + "reference packages (@backstage/catalog-model 1.10.1, @backstage/plugin-scaffolder-common 2.3.0). "
          + "Install Node.js (https://nodejs.org, e.g. `apt-get install nodejs npm`) and run the build again. "
          + "Could not start " + cmd + ": " + e.getMessage(), e);
    }
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " timed out in " + dir + "; see npm-install.log there");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(cmd + " failed with exit code " + p.exitValue() + " in " + dir + ":\n"
          + Files.readString(dir.resolve("npm-install.log")));
    }
  }

  /** Sends the cases to node and returns one verdict map per case, in order. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> ask(List<Map<String, Object>> cases) throws IOException, InterruptedException {
    install();
    Path d = dir();
    Process p;
    File err = File.createTempFile("oracle", ".err");
    err.deleteOnExit();
    try {
      p = new ProcessBuilder("node", "oracle.js").directory(d.toFile()).redirectError(err).start();
    } catch (IOException e) {
      throw new AssertionError("The differential test needs Node.js 20+ on the PATH (`node`). Install Node.js "
          + "(https://nodejs.org, e.g. `apt-get install nodejs npm`) and run the build again: " + e.getMessage(), e);
    }
    Thread writer = new Thread(() -> {
      try (OutputStream out = p.getOutputStream()) {
        for (Map<String, Object> c : cases) {
          out.write(JSON.writeValueAsBytes(c));
          out.write('\n');
        }
      } catch (IOException e) {
        // node died; the reader reports it
      }
    });
    writer.start();
    List<Map<String, Object>> answers = new ArrayList<>(cases.size());
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        answers.add(JSON.readValue(line, Map.class));
      }
    }
    writer.join();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || answers.size() != cases.size()) {
      throw new AssertionError("oracle.js failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ", "
          + answers.size() + "/" + cases.size() + " answers): " + Files.readString(err.toPath()));
    }
    return answers;
  }
}
