package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template and task commands against a testkit Backstage. */
class TemplateTaskCommandsTest {
  static final String TOKEN = "cli-test-token-77b0e1";
  static final Path CREATE_SERVICE = CliRun.SAMPLE.resolve("templates/create-service");
  static RemoteCli remote;

  @BeforeAll
  static void start() {
    remote = RemoteCli.start(TOKEN);
  }

  @AfterAll
  static void stop() {
    remote.close();
  }

  static CliRun cli(String... args) {
    return remote.run(args);
  }

  @Test
  void templateList_listsTheSampleTemplates() {
    CliRun r = cli("template", "list", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    Set<String> refs = new HashSet<>();
    r.json().forEach(t -> refs.add(t.get("ref").asText()));
    assertEquals(Set.of("template:default/create-service", "template:default/docs-site"), refs);
  }

  @Test
  void templateActions_listsInstalledActions() {
    CliRun r = cli("template", "actions", "-o", "json");
    Set<String> ids = new HashSet<>();
    r.json().forEach(a -> ids.add(a.get("id").asText()));
    assertTrue(ids.containsAll(Set.of("fetch:template", "debug:log", "catalog:write")), ids.toString());
  }

  @Test
  void templateValidate_sampleTemplateIsValid() {
    CliRun r = CliRun.run("template", "validate", CREATE_SERVICE.toString());
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.endsWith(": valid\n"), r.out);
  }

  @Test
  void templateValidate_stepWithoutAction_exitOneWithLine() {
    CliRun r = CliRun.run("template", "validate", "src/test/resources/bad-template", "-o", "json");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    JsonNode problems = r.json().get("problems");
    assertTrue(problems.size() >= 1, r.out);
    boolean found = false;
    for (JsonNode p : problems) {
      found |= p.get("path").asText().startsWith("spec.steps[1]") && p.get("line").asInt() >= 14;
    }
    assertTrue(found, r.out);
  }

  @Test
  void templateDryRun_writesProducedFiles(@TempDir Path out) throws Exception {
    CliRun r = cli("template", "dry-run", CREATE_SERVICE.toString(), "--values", "name=dry-svc",
        "--values", "owner=group:web-team", "--out", out.toString(), "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    JsonNode json = r.json();
    assertTrue(json.get("files").toString().contains("catalog-info.yaml"), r.out);
    assertTrue(json.get("log").toString().contains("Rendered dry-svc for group:web-team"), r.out);
    assertTrue(Files.readString(out.resolve("catalog-info.yaml")).contains("dry-svc"));
  }

  @Test
  void templateDryRun_takesAnInlineJsonObjectOfValues(@TempDir Path out) throws Exception {
    CliRun r = cli("template", "dry-run", CREATE_SERVICE.toString(), "--values",
        "{\"name\":\"json-svc\",\"owner\":\"group:default/web-team\"}", "--out", out.toString(), "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.json().get("log").toString().contains("Rendered json-svc for group:default/web-team"), r.out);
  }

  /** create-service's owner is required and has a default: the scaffolder would refuse it, the form fills it. */
  @Test
  void templateDryRun_fillsParameterDefaultsAsTheFormDoes(@TempDir Path out) throws Exception {
    CliRun r = cli("template", "dry-run", CREATE_SERVICE.toString(), "--values", "name=dflt-svc",
        "--out", out.toString(), "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(Files.readString(out.resolve("catalog-info.yaml")).contains("owner: group:default/web-team"));
  }

  @Test
  void templateRun_fillsParameterDefaultsAsTheFormDoes_givenValuesWin() {
    CliRun r = cli("template", "run", "create-service", "--values", "name=dflt-run", "--follow");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.contains("Rendered dflt-run for group:default/web-team"), r.out);
    CliRun given = cli("template", "run", "create-service", "--values", "name=given-run", "--values",
        "owner=group:ops", "--follow");
    assertTrue(given.out.contains("Rendered given-run for group:ops"), given.toString());
  }

  @Test
  void templateRun_follow_printsLogAndCompletes() {
    CliRun r = cli("template", "run", "create-service", "--values", "name=run-svc", "--values",
        "owner=group:web-team", "--follow");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.contains("[log] info: Rendered run-svc for group:web-team"), r.out);
    assertTrue(r.out.contains(" completed"), r.out);
    // The template's output ends the run: its text and links, as the Backstage UI shows them.
    assertTrue(r.out.contains("Summary: Created run-svc owned by group:web-team"), r.out);
    assertTrue(r.out.contains("Repository: https://git.tinyshop.example/new/run-svc"), r.out);
  }

  @Test
  void templateRun_followJson_givesTheFinalStateAndOutput() {
    CliRun r = cli("template", "run", "create-service", "--values", "name=json-out", "--values",
        "owner=group:web-team", "--follow", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    JsonNode json = r.json();
    assertEquals("completed", json.get("status").asText(), r.out);
    assertEquals("https://git.tinyshop.example/new/json-out",
        json.get("output").get("links").get(0).get("url").asText(), r.out);
  }

  @Test
  void templateRun_thenTaskGetListLogs() {
    CliRun run = cli("template", "run", "template:default/create-service", "--values", "name=t-svc",
        "--values", "owner=group:web-team", "-o", "json");
    assertEquals(ExitCodes.OK, run.exitCode, run.toString());
    String id = run.json().get("taskId").asText();
    CliRun follow = cli("task", "logs", id, "--follow", "-o", "json");
    assertEquals("completed", follow.json().get("status").asText(), follow.toString());
    assertEquals("completed", cli("task", "get", id, "-o", "json").json().get("status").asText());
    assertTrue(cli("task", "list", "-o", "json").out.contains(id));
    assertTrue(cli("task", "logs", id).out.contains("Rendered t-svc"));
  }

  @Test
  void taskCancel_stopsAWaitingTask() {
    String id = cli("template", "run", "create-service", "--values", "name=slow", "--values",
        "owner=group:web-team", "--values", "waitSeconds=30", "-o", "json").json().get("taskId").asText();
    CliRun cancel = cli("task", "cancel", id);
    assertEquals(ExitCodes.OK, cancel.exitCode, cancel.toString());
    CliRun follow = cli("task", "logs", id, "--follow", "-o", "json");
    assertEquals(ExitCodes.CHECK_FAILED, follow.exitCode, follow.toString());
    // As on a real backend, a cancelled task ends with status "failed" and a log saying it was cancelled.
    assertEquals("failed", follow.json().get("status").asText(), follow.out);
    assertTrue(follow.json().get("log").toString().contains("has been cancelled"), follow.out);
  }

  @Test
  void templateRun_invalidValues_usageErrorNamingTheField() {
    CliRun r = cli("template", "run", "create-service", "--values", "name=Bad_Name", "--values",
        "owner=group:web-team");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("instance.name"), r.err);
  }

  @Test
  void templateRun_secretsNeverPrinted() {
    String secret = "very-secret-value-31337";
    CliRun r = cli("--verbose", "template", "run", "create-service", "--values", "name=sec-svc", "--values",
        "owner=group:web-team", "--secret", "apiKey=" + secret, "--follow", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertFalse(r.out.contains(secret) || r.err.contains(secret), r.toString());
  }

  @Test
  void taskGet_unknownId_notFound() {
    CliRun r = cli("task", "get", "00000000-0000-0000-0000-000000000000");
    assertEquals(ExitCodes.NOT_FOUND, r.exitCode, r.toString());
  }
}
