package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
  private static final String INVALID = "src/test/resources/invalid/catalog-info.yaml";

  @Test
  void validate_sampleOrganisation_allValidExitZero() {
    CliRun r = CliRun.run("catalog", "validate", CliRun.SAMPLE.toString());
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.contains("26 entities in 8 files: all valid"), r.toString());
    assertEquals("", r.err, "no progress when stderr is not a terminal");
  }

  @Test
  void validate_invalidEntity_printsFileLineAndExitsOne() {
    CliRun r = CliRun.run("catalog", "validate", INVALID);
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertTrue(r.out.contains(INVALID + ":14:9: metadata.name: \"metadata.name\" is not valid"), r.toString());
    assertTrue(r.out.contains(INVALID + ":15:10: metadata.tags.0:"), r.toString());
    assertTrue(r.out.contains(INVALID + ":17:3: spec.owner: is required"), r.toString());
    assertTrue(r.out.contains("2 entities in 1 file: 1 invalid"), r.toString());
  }

  @Test
  void validate_jsonOutput_listsEveryEntityWithVerdict() {
    CliRun r = CliRun.run("catalog", "validate", INVALID, "--output", "json");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    JsonNode json = r.json();
    assertEquals(2, json.get("entities").asInt());
    assertEquals(1, json.get("invalid").asInt());
    JsonNode good = json.get("results").get(0);
    assertEquals("good-service", good.get("name").asText());
    assertTrue(good.get("valid").asBoolean());
    JsonNode bad = json.get("results").get(1);
    assertFalse(bad.get("valid").asBoolean());
    assertEquals(11, bad.get("line").asInt());
    int nameLine = 0;
    for (JsonNode v : bad.get("violations")) {
      if (v.get("path").asText().equals("metadata.name")) {
        nameLine = v.get("line").asInt();
      }
    }
    assertEquals(14, nameLine, bad.toString());
  }

  @Test
  void validate_duplicateKey_rejectedLikeTheCatalog() {
    CliRun r = CliRun.run("catalog", "validate", "src/test/resources/invalid/duplicate-key.yaml");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertTrue(r.out.contains("duplicate-key.yaml:5:3: is not valid YAML: duplicate key \"name\""), r.toString());
  }

  @Test
  void validate_missingFile_oneLineUsageErrorNoStackTrace() {
    CliRun r = CliRun.run("catalog", "validate", "no/such/file.yaml");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertEquals("backstage4j: no such file or directory: no/such/file.yaml", r.err.strip());
    assertFalse(r.err.contains("\tat "));
  }

  @Test
  void unknownOption_usageErrorWithHint() {
    CliRun r = CliRun.run("catalog", "validate", "--frobnicate", INVALID);
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.startsWith("backstage4j: Unknown option: '--frobnicate'"), r.toString());
    assertTrue(r.err.contains("Try 'backstage4j catalog validate --help'."), r.toString());
  }

  @Test
  void globalOptionBeforeSubcommand_isHonoured() {
    CliRun r = CliRun.run("--output", "json", "catalog", "validate", INVALID);
    assertEquals(2, r.json().get("entities").asInt(), r.toString());
  }

  @Test
  void help_saysEmbeddedIsTheDefault() {
    CliRun r = CliRun.run("--help");
    assertEquals(ExitCodes.OK, r.exitCode);
    assertTrue(r.out.contains("--embedded"), r.out);
    assertTrue(r.out.contains("default when no"), r.out);
    assertTrue(r.out.contains("Exit codes: 0 ok"), r.out);
  }

  @Test
  void noCommand_usageErrorNamingIt() {
    CliRun r = CliRun.run();
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.startsWith("backstage4j: missing command\nUsage: backstage4j"), r.err);
  }

  @Test
  void misspelledCommand_suggestsTheRightOne() {
    CliRun r = CliRun.run("templat", "list");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("Did you mean: backstage4j template"), r.err);
  }
}
