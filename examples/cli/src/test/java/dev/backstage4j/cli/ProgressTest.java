package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Progress goes to stderr only on a terminal, never mixed into stdout, and --quiet turns it off. */
class ProgressTest {
  @Test
  void terminal_showsProgressOnStderrAndClearsIt() {
    CliRun r = CliRun.runOnTerminal("adoption", "kpis", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.err.contains("\rreading the catalog..."), r.err);
    assertTrue(r.err.endsWith("\r"), "the progress line is cleared: " + r.err);
    assertEquals(27, r.json().get("entities").asInt(), "stdout stays clean JSON");
  }

  @Test
  void terminalWithQuiet_showsNothing() {
    CliRun r = CliRun.runOnTerminal("--quiet", "adoption", "kpis");
    assertEquals("", r.err);
  }

  @Test
  void notATerminal_showsNothing() {
    CliRun r = CliRun.run("catalog", "refs");
    assertEquals("", r.err);
  }
}
