package dev.backstage4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the shaded jar as a user would: {@code java -jar backstage4j.jar ...}, stdout and stderr piped. */
final class JarRun {
  static Path jar() {
    String p = System.getProperty("b4j.cli.jar");
    Path jar = p == null ? Path.of("target/backstage4j.jar") : Path.of(p);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("shaded jar not built: " + jar + " (run mvn verify)");
    }
    return jar;
  }

  static CliRun run(Map<String, String> env, String... args) {
    return run(List.of(), env, args);
  }

  /** Runs with JVM options before {@code -jar}, e.g. {@code -Xlog:class+load}. */
  static CliRun run(List<String> jvmOptions, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("BACKSTAGE_URL");
    pb.environment().remove("BACKSTAGE_TOKEN");
    pb.environment().putAll(env);
    try {
      Path out = Files.createTempFile("b4j-out", ".txt");
      Path err = Files.createTempFile("b4j-err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      Process proc = pb.start();
      proc.getOutputStream().close();
      if (!proc.waitFor(120, TimeUnit.SECONDS)) {
        proc.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd);
      }
      CliRun r = CliRun.of(proc.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JarRun() {
  }
}
