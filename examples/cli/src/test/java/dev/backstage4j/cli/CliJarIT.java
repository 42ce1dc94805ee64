package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backstage4j.testkit.FakeBackstage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the shaded jar as a subprocess (after package), stdout and stderr piped as in CI: what a user runs.
 * Nothing may appear on stderr unless something failed (no progress when it is not a terminal).
 */
class CliJarIT {
  @Test
  void help_printsUsageAndExitsZero() {
    CliRun r = JarRun.run(Map.of(), "--help");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Usage: backstage4j"), r.toString());
    assertTrue(r.out.contains("embedded"), r.out);
    assertEquals("", r.err, r.toString());
  }

  @Test
  void help_loadsNoCommandGroupNorJacksonNorHttpClient() {
    CliRun r = JarRun.run(List.of("-Xlog:class+load=info"), Map.of(), "--help");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    List<String> loaded = new ArrayList<>();
    r.out.lines().filter(l -> l.contains("[class,load]")).forEach(l -> loaded.add(l.split(" ")[1]));
    assertTrue(loaded.contains("dev.backstage4j.cli.Help"), "the log lists our classes: " + loaded);
    for (String c : loaded) {
      boolean heavy = c.startsWith("com.fasterxml.") || c.startsWith("okhttp3.") || c.startsWith("kotlin.")
          || c.startsWith("dev.backstage4j.catalog.") || c.startsWith("dev.backstage4j.testkit.")
          || c.startsWith("dev.backstage4j.core.")
          || c.matches("dev\\.backstage4j\\.cli\\.((Catalog|Template|Task|Adoption|Validate)Command|LocationCommands).*");
      assertFalse(heavy, "--help loaded " + c);
    }
  }

  @Test
  void version_comesFromTheManifest() {
    CliRun r = JarRun.run(Map.of(), "--version");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("backstage4j 0.1.0"), r.toString());
  }

  @Test
  void mainJob_adoptionReportHtmlOnTheEmbeddedDefault(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("adoption-report.html");
    CliRun r = JarRun.run(Map.of(), "adoption", "report", "--embedded", "--format", "html", "--out",
        out.toString());
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(Files.readString(out).contains("<html"), "HTML written");
    assertTrue(r.out.startsWith("Service maturity: 14 entities scored"), r.out);
    assertEquals("", r.err, "no progress, no log noise when piped: " + r);
  }

  @Test
  void catalogCommands_jsonParses() {
    CliRun get = JarRun.run(Map.of(), "catalog", "get", "payments-service", "-o", "json");
    assertEquals(ExitCodes.OK, get.exitCode, get.toString());
    assertEquals("payments-service", get.json().get("metadata").get("name").asText());
    assertEquals("", get.err, get.toString());

    CliRun query = JarRun.run(Map.of(), "catalog", "query", "--filter", "kind=user", "--all", "-o", "json");
    assertEquals(5, query.json().size(), query.toString());

    CliRun facets = JarRun.run(Map.of(), "catalog", "facets", "-o", "json");
    assertTrue(facets.json().has("spec.lifecycle"), facets.out);

    CliRun refs = JarRun.run(Map.of(), "catalog", "refs", "-o", "json");
    assertTrue(refs.json().toString().contains("component:finance/ledger-export"), refs.out);
  }

  @Test
  void templateAndTaskCommands_jsonParses(@TempDir Path dir) {
    Path template = CliRun.SAMPLE.resolve("templates/create-service");
    CliRun list = JarRun.run(Map.of(), "template", "list", "-o", "json");
    assertEquals(2, list.json().size(), list.toString());
    CliRun dry = JarRun.run(Map.of(), "template", "dry-run", template.toString(), "--values", "name=jar-svc",
        "--values", "owner=group:web-team", "--out", dir.toString(), "-o", "json");
    assertEquals(ExitCodes.OK, dry.exitCode, dry.toString());
    assertTrue(Files.isRegularFile(dir.resolve("catalog-info.yaml")));
    CliRun run = JarRun.run(Map.of(), "template", "run", "create-service", "--values", "name=jar-svc",
        "--values", "owner=group:web-team", "--follow", "-o", "json");
    assertEquals(ExitCodes.OK, run.exitCode, run.toString());
    assertEquals("completed", run.json().get("status").asText());
  }

  @Test
  void adoptionCommands_jsonAndExitCodes() {
    CliRun kpis = JarRun.run(Map.of(), "adoption", "kpis", "-o", "json");
    assertEquals(27, kpis.json().get("entities").asInt(), kpis.toString());
    CliRun gate = JarRun.run(Map.of(), "adoption", "gate", "--level", "Gold", "-o", "json");
    assertEquals(ExitCodes.CHECK_FAILED, gate.exitCode, gate.toString());
    JsonNode verdict = gate.json();
    assertFalse(verdict.get("passed").asBoolean());
  }

  @Test
  void catalogValidate_invalidFile_exitOneWithFileLine() {
    CliRun r = JarRun.run(Map.of(), "catalog", "validate", "src/test/resources/invalid/catalog-info.yaml");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertTrue(r.out.contains("catalog-info.yaml:14:9: metadata.name:"), r.toString());
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

  @Test
  void notFound_exitFour() {
    CliRun r = JarRun.run(Map.of(), "catalog", "get", "nope");
    assertEquals(ExitCodes.NOT_FOUND, r.exitCode, r.toString());
    assertEquals("backstage4j: no entity component:default/nope in the catalog", r.err.strip());
  }

  @Test
  void tokenFromEnvironment_usedAndNeverPrinted() {
    String token = "jar-it-token-9a8b7c";
    try (FakeBackstage fake = FakeBackstage.builder().token(token).sampleCatalog().build().start()) {
      Map<String, String> env = Map.of("BACKSTAGE_URL", fake.baseUrl().toString(), "BACKSTAGE_TOKEN", token);
      CliRun ok = JarRun.run(env, "--verbose", "catalog", "get", "ui-kit", "-o", "json");
      assertEquals(ExitCodes.OK, ok.exitCode, ok.toString());
      assertFalse(ok.out.contains(token) || ok.err.contains(token), ok.toString());

      String wrong = "jar-it-wrong-token-1234";
      CliRun denied = JarRun.run(Map.of("BACKSTAGE_URL", fake.baseUrl().toString()), "--verbose", "--token",
          wrong, "catalog", "get", "ui-kit");
      assertEquals(ExitCodes.BACKSTAGE, denied.exitCode, denied.toString());
      assertFalse(denied.out.contains(wrong) || denied.err.contains(wrong), denied.toString());
      assertFalse(denied.err.contains("\tat "), denied.toString());
    }
  }

  @Test
  void outOfMemory_isOneLineAndItsOwnExitCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    // Structured output keeps one record per entity: 40,000 of them do not fit in 16 MiB of heap.
    java.nio.file.Path file = tmp.resolve("many.yaml");
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 40_000; i++) {
      yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c-").append(i)
          .append("\nspec: {type: service, lifecycle: production, owner: team-a}\n");
    }
    java.nio.file.Files.writeString(file, yaml);
    CliRun r = JarRun.run(List.of("-Xmx16m"), Map.of(), "catalog", "validate", file.toString(), "-o", "json");
    assertEquals(ExitCodes.OUT_OF_MEMORY, r.exitCode, r.toString());
    assertTrue(r.err.startsWith("backstage4j: out of memory (max heap"), r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
  }

  @Test
  void quietOutput_isWhatAShellVariableCaptures() throws Exception {
    try (FakeBackstage fake = FakeBackstage.builder().token("cli-jar-token-123").sampleCatalog().build().start()) {
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cli = "'" + javaBin + "' -jar '" + JarRun.jar().toAbsolutePath() + "' --url " + fake.baseUrl()
          + " --token cli-jar-token-123";
      String script = "id=$(" + cli + " template run create-service --values name=q-svc"
          + " --values owner=group:default/web-team -q) || exit 9\n"
          + "echo \"id=[$id]\"\n"
          + "refs=$(" + cli + " catalog query --filter kind=group --no-headers)\n"
          + "echo \"first=[$(echo \"$refs\" | head -1 | cut -c1-6)]\"\n";
      Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      String id = out.lines().filter(l -> l.startsWith("id=")).findFirst().orElseThrow();
      assertTrue(id.matches("id=\\[[0-9a-f-]{36}\\]"), "only the task id, no TASK header: " + out);
      assertEquals("first=[group:]", out.lines().filter(l -> l.startsWith("first=")).findFirst().orElseThrow(),
          "--no-headers: the first line is a row, not REF ...: " + out);
    }
  }

  @Test
  void theSelfContainedExecutable_runsWithoutJavaDashJar() throws Exception {
    Path program = JarRun.jar().toAbsolutePath().resolveSibling("backstage4j");
    assertTrue(Files.isExecutable(program), program + " is built next to the jar");
    Process p = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.startsWith("backstage4j "), out);
  }
}
