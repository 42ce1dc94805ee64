package dev.backstage4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process with captured stdout and stderr, as a user's shell would see them. */
final class CliRun {
  static final Path SAMPLE = Path.of("../../testkit/src/main/resources/dev/backstage4j/testkit/sample");
  private static final ObjectMapper JSON = new ObjectMapper();

  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CliRun of(int exitCode, String out, String err) {
    return new CliRun(exitCode, out, err);
  }

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  static CliRun run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  /** Runs as if stderr were a terminal (where progress is shown). */
  static CliRun runOnTerminal(String... args) {
    return run(Map.of(), true, args);
  }

  private static CliRun run(Map<String, String> env, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, terminal);
    return new CliRun(code, out.toString(), err.toString());
  }

  JsonNode json() {
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException("stdout is not JSON:\n" + out + "\nstderr:\n" + err, e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
