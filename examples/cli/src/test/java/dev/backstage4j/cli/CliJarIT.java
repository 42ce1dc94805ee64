package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the shaded jar as a subprocess (after package): what a user runs. */
class CliJarIT {
  @Test
  void help_printsUsageAndExitsZero() {
    CliRun r = JarRun.run(Map.of(), "--help");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Usage: backstage4j"), r.toString());
    assertEquals("", r.err, r.toString());
  }

  @Test
  void version_comesFromTheManifest() {
    CliRun r = JarRun.run(Map.of(), "--version");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("backstage4j 0.1.0"), r.toString());
  }

  @Test
  void catalogValidate_invalidFile_exitOneWithFileLine() {
    CliRun r = JarRun.run(Map.of(), "catalog", "validate", "src/test/resources/invalid/catalog-info.yaml");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertTrue(r.out.contains("catalog-info.yaml:14:3: metadata.name:"), r.toString());
    assertEquals("", r.err, "nothing on stderr when piped: " + r);
  }

  @Test
  void catalogValidate_jsonOfSample_parses() {
    CliRun r = JarRun.run(Map.of(), "catalog", "validate", CliRun.SAMPLE.toString(), "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertEquals(26, r.json().get("entities").asInt());
  }

  @Test
  void usageError_exitTwoWithoutStackTrace() {
    CliRun r = JarRun.run(Map.of(), "catalog", "nope");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertFalse(r.err.contains("\tat "), r.toString());
  }
}
