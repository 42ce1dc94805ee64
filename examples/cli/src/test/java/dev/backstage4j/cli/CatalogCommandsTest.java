package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog commands against a testkit Backstage given by --url and --token. */
class CatalogCommandsTest {
  static final String TOKEN = "cli-test-token-5f3a9c";
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
  void get_existingEntity_printsItAsJson() {
    CliRun r = cli("catalog", "get", "payments-service", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    JsonNode e = r.json();
    assertEquals("Component", e.get("kind").asText());
    assertEquals("group:payments-team", e.get("spec").get("owner").asText());
    assertEquals("", r.err);
  }

  @Test
  void get_table_showsOwnerAndRelations() {
    CliRun r = cli("catalog", "get", "component:default/payments-service");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.contains("owner") && r.out.contains("group:payments-team"), r.out);
    assertTrue(r.out.contains("ownedBy") && r.out.contains("group:default/payments-team"), r.out);
  }

  @Test
  void get_yaml_isYaml() {
    CliRun r = cli("catalog", "get", "payments-service", "--output", "yaml");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.contains("\napiVersion: backstage.io/v1alpha1\nkind: Component\n"), r.out);
    assertTrue(r.out.contains("\n  name: payments-service\n"), r.out);
  }

  @Test
  void get_unknownEntity_exitFourOneLine() {
    CliRun r = cli("catalog", "get", "no-such-service");
    assertEquals(ExitCodes.NOT_FOUND, r.exitCode, r.toString());
    assertEquals("backstage4j: no entity component:default/no-such-service in the catalog", r.err.strip());
  }

  @Test
  void get_malformedRef_usageError() {
    CliRun r = cli("catalog", "get", "component:");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.startsWith("backstage4j: Entity reference \"component:\" was not on the form"), r.err);
  }

  @Test
  void query_filterAndFields_returnsOnlyMatchesAndFields() {
    CliRun r = cli("catalog", "query", "--filter", "kind=component,spec.lifecycle=production",
        "--fields", "metadata.name,spec.owner", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    Set<String> names = new HashSet<>();
    for (JsonNode e : r.json()) {
      names.add(e.get("metadata").get("name").asText());
      assertFalse(e.has("relations"), e.toString());
      assertTrue(e.get("spec").has("owner"), e.toString());
      assertFalse(e.get("spec").has("type"), e.toString());
    }
    assertEquals(Set.of("payments-service", "ui-kit", "product-service", "storefront-web", "ledger-export"), names);
  }

  @Test
  void query_alternativeFilters_areOred() {
    CliRun r = cli("catalog", "query", "--filter", "kind=api", "--filter", "kind=resource", "-o", "json");
    assertEquals(4, r.json().size(), r.toString());
  }

  @Test
  void query_withoutAll_printsFirstPageAndSaysThereIsMore() {
    CliRun r = cli("catalog", "query", "--filter", "kind=component", "--page-size", "3");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertEquals(1 + 3 + 1, r.out.lines().count(), r.out);
    assertTrue(r.out.contains("showing 3 of 8 entities; --all for every page"), r.out);
  }

  @Test
  void query_all_followsEveryPage() {
    CliRun r = cli("catalog", "query", "--filter", "kind=component", "--page-size", "3", "--all", "-o", "json");
    assertEquals(8, r.json().size(), r.toString());
  }

  @Test
  void facets_countsPerKind() {
    CliRun r = cli("catalog", "facets", "--facet", "kind", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    Map<String, Integer> counts = new java.util.HashMap<>();
    r.json().get("kind").forEach(c -> counts.put(c.get("value").asText(), c.get("count").asInt()));
    assertEquals(8, counts.get("Component"));
    assertEquals(5, counts.get("User"));
  }

  @Test
  void refs_listsEveryRefSortedOnePerLine() {
    CliRun r = cli("catalog", "refs");
    List<String> lines = r.out.lines().collect(java.util.stream.Collectors.toList());
    assertTrue(lines.contains("component:finance/ledger-export"), r.out);
    assertTrue(lines.contains("user:default/alice"), r.out);
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(null);
    assertEquals(sorted, lines);
    assertEquals(lines.size(), cli("catalog", "refs", "-o", "json").json().size());
  }

  @Test
  void register_dryRunThenRegisterThenUnregister(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cli-new-thing\n"
        + "spec:\n  type: service\n  lifecycle: experimental\n  owner: group:web-team\n");
    CliRun dry = cli("catalog", "register", file.toString(), "--dry-run", "-o", "json");
    assertEquals(ExitCodes.OK, dry.exitCode, dry.toString());
    assertTrue(dry.json().get("entities").toString().contains("component:default/cli-new-thing"), dry.out);
    assertEquals(ExitCodes.NOT_FOUND, cli("catalog", "get", "cli-new-thing").exitCode, "dry run stored nothing");

    CliRun reg = cli("catalog", "register", file.toString());
    assertEquals(ExitCodes.OK, reg.exitCode, reg.toString());
    assertTrue(reg.out.contains("registered file " + file.toAbsolutePath()), reg.out);
    assertEquals(ExitCodes.OK, cli("catalog", "get", "cli-new-thing").exitCode);
    assertEquals(ExitCodes.OK, cli("catalog", "refresh", "cli-new-thing").exitCode);

    CliRun un = cli("catalog", "unregister", "cli-new-thing", "-o", "json");
    assertEquals(ExitCodes.OK, un.exitCode, un.toString());
    assertEquals("file", un.json().get("unregistered").get("type").asText());
    assertEquals(ExitCodes.NOT_FOUND, cli("catalog", "get", "cli-new-thing").exitCode);
  }

  @Test
  void register_missingFile_usageError() {
    CliRun r = cli("catalog", "register", "does/not/exist.yaml");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
  }

  @Test
  void wrongToken_backstageErrorAndTokenNeverPrinted() {
    String wrong = "wrong-token-7d1e2b";
    for (String verbose : List.of("--quiet", "--verbose")) {
      CliRun r = CliRun.run("--url", remote.fake.baseUrl().toString(), "--token", wrong, verbose, "catalog", "get",
          "payments-service");
      assertEquals(ExitCodes.BACKSTAGE, r.exitCode, r.toString());
      assertTrue(r.err.startsWith("backstage4j: "), r.err);
      assertTrue(r.err.contains("401") || r.err.contains("uthenticat"), r.err);
      assertTrue(r.err.contains("check --token or BACKSTAGE_TOKEN"), r.err);
      assertFalse(r.err.contains(wrong) || r.out.contains(wrong), r.toString());
      assertFalse(r.err.contains("\tat "), r.err);
    }
  }

  @Test
  void environment_suppliesUrlAndToken() {
    CliRun r = CliRun.run(Map.of("BACKSTAGE_URL", remote.fake.baseUrl().toString(), "BACKSTAGE_TOKEN", TOKEN),
        "catalog", "get", "ui-kit", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertEquals("ui-kit", r.json().get("metadata").get("name").asText());
  }

  @Test
  void badUrl_usageError() {
    CliRun r = CliRun.run("--url", "localhost:7007", "catalog", "refs");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("--url must be an http(s) URL"), r.err);
  }

  @Test
  void unreachableBackend_transportErrorOneLine() {
    CliRun r = CliRun.run("--url", "http://127.0.0.1:1", "catalog", "get", "x");
    assertEquals(ExitCodes.BACKSTAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("is --url right and the backend running?"), r.err);
    assertFalse(r.err.contains("\tat "), r.err);
  }

  @Test
  void embedded_isTheDefaultWithoutUrl() {
    CliRun r = CliRun.run("catalog", "get", "storefront-web", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertEquals("Storefront Web", r.json().get("metadata").get("title").asText());
    assertEquals("", r.err, "no progress when stderr is not a terminal");
  }

  @Test
  void jsonPathOutput_printsTheSelectedFieldsOnePerLine() {
    CliRun one = CliRun.run("catalog", "get", "payments-service", "-o", "jsonpath=$.metadata.name");
    assertEquals(ExitCodes.OK, one.exitCode, one.toString());
    assertEquals("payments-service", one.out.strip());
    CliRun nested = CliRun.run("catalog", "get", "payments-service", "-o", "jsonpath=$.spec.owner");
    assertTrue(nested.out.strip().startsWith("group:") || !nested.out.isBlank(), nested.toString());
    CliRun bad = CliRun.run("catalog", "get", "payments-service", "-o", "jsonpath=$.[[");
    assertEquals(ExitCodes.USAGE, bad.exitCode, bad.toString());
    assertTrue(bad.err.contains("is not a JSONPath expression"), bad.err);
  }
}
