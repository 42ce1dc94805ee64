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

  @Test
  void pagedReadOnATerminal_showsDoneOfTotal() {
    CliRun r = CliRun.runOnTerminal("catalog", "query", "--all", "--page-size", "5", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    int total = r.json().size();
    // The server's totalItems: "read 5 of 27 entities (18%)", then further pages, the rate once it is measurable.
    assertTrue(r.err.contains("\rread 5 of " + total + " entities (" + 500 / total + "%)"), r.err);
    assertTrue(r.err.contains("read " + total + " of " + total + " entities (100%)"), r.err);
  }
}
