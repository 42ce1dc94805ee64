package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsAndGateTest {
  @TempDir
  Path dir;

  /** The sample catalog as it was a week earlier: storefront-web had no docs, checkout-service had its docs. */
  static List<Entity> lastWeek() {
    List<Entity> out = new ArrayList<>();
    for (Entity e : Fixtures.tinyshop()) {
      if (e.metadata().name().equals("storefront-web")) {
        out.add(Entity.fromMap(without(e, "backstage.io/techdocs-ref")));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> without(Entity e, String annotation) {
    java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(e.toMap());
    java.util.Map<String, Object> md = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) tree.get(
        "metadata"));
    java.util.Map<String, Object> ann = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) md.get(
        "annotations"));
    ann.remove(annotation);
    md.put("annotations", ann);
    tree.put("metadata", md);
    return tree;
  }

  @Test
  void snapshots_saveLoadDiffAndTrend() {
    ScorecardResult older = Fixtures.run(lastWeek(), Instant.parse("2026-11-17T02:00:00Z"));
    ScorecardResult newer = Fixtures.run();
    Path a = Snapshots.save(older, dir);
    Snapshots.save(newer, dir);
    assertEquals("adoption-20261117T020000Z.json", a.getFileName().toString());
    List<ScorecardResult> all = Snapshots.loadAll(dir);
    assertEquals(2, all.size());
    assertEquals(older.generatedAt(), all.get(0).generatedAt());

    SnapshotDiff diff = SnapshotDiff.between(all.get(0), all.get(1));
    assertEquals(1, diff.movedUp().size());
    SnapshotDiff.LevelChange up = diff.movedUp().get(0);
    assertEquals("component:default/storefront-web Basics: Silver -> Gold", up.toString());
    assertTrue(diff.movedDown().isEmpty());
    assertTrue(diff.regressedChecks().isEmpty());
    assertTrue(diff.teamChanges().get(0).delta() > 0);
    assertEquals("group:default/web-team", diff.teamChanges().get(0).owner());

    SnapshotDiff back = SnapshotDiff.between(all.get(1), all.get(0));
    assertEquals(1, back.movedDown().size());
    assertEquals("has-techdocs", back.regressedChecks().get(0).checkId());
    assertTrue(Reports.markdown(back).contains("⬇️ `component:default/storefront-web` Basics: Gold → Silver"));

    Trend trend = Trend.of(all);
    assertEquals(2, trend.times().size());
    List<Integer> gold = trend.atLeast().get("Basics / Gold");
    assertEquals(gold.get(0) + 1, gold.get(1));
    assertTrue(trend.scores().get(1) > trend.scores().get(0));
  }

  @Test
  void gate_failsForATeamBelowTheLevel_andListsWhatToFix() {
    ScorecardResult r = Fixtures.run();
    GateResult g = Gate.requireLevel("Basics", "Gold").forOwners("payments-team").check(r);
    assertEquals(1, g.exitCode());
    assertTrue(g.message().startsWith("FAILED: "), g.message());
    assertTrue(g.message().contains("component:finance/ledger-export is at Silver; to reach Gold:"), g.message());
    assertTrue(g.message().contains("  - Has TechDocs [has-techdocs]: Add the annotation backstage.io/techdocs-ref"),
        g.message());
    assertTrue(g.message().contains("component:default/legacy-invoicing is at no level"), g.message());

    GateResult web = Gate.requireLevel("Basics", "Silver").forOwners("group:default/web-team").check(r);
    assertTrue(web.passed(), web.message());
    assertEquals(0, web.exitCode());

    assertEquals(2, Gate.requireLevel("Basics", "Bronze").forOwners("nobody").check(r).exitCode());
  }

  @Test
  void gate_overALocalCatalogInfoFile_forMonorepoCi() throws IOException {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: new-svc\n"
        + "  description: A new service\nspec:\n  type: service\n  lifecycle: production\n  owner: web-team\n");
    List<Entity> catalog = new ArrayList<>();
    Fixtures.tinyshop().forEach(catalog::add);
    CatalogFiles local = CatalogFiles.of(dir);
    local.forEach(catalog::add);
    ScorecardResult r = Fixtures.scorecard().runner()
        .context(EvaluationContext.gather(catalog).withToday(Fixtures.TODAY)).run(local);
    GateResult g = Gate.requireLevel("Basics", "Silver").forEntities(local).check(r);
    assertEquals(1, g.exitCode());
    assertTrue(g.message().contains("component:default/new-svc is at Bronze; to reach Silver:\n"
        + "  - Belongs to a system [has-system]: Set spec.system"), g.message());
  }

  @Test
  void catalogFiles_findCatalogInfoFilesRecursively_andNameFileAndLineOnBadInput() throws IOException {
    Files.createDirectories(dir.resolve("svc/a"));
    Files.createDirectories(dir.resolve("node_modules/x"));
    Files.writeString(dir.resolve("svc/a/catalog-info.yaml"),
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n---\n"
            + "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: a-api\n");
    Files.writeString(dir.resolve("node_modules/x/catalog-info.yaml"), "not: [an entity");
    Files.writeString(dir.resolve("other.yaml"), "ignored: true\n");
    List<String> names = new ArrayList<>();
    CatalogFiles.of(dir).forEach(e -> names.add(e.ref().toString()));
    assertEquals(List.of("component:default/a", "api:default/a-api"), names);

    Path bad = dir.resolve("bad/catalog-info.yaml");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ok\n---\n"
        + "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  title: no name\n");
    CatalogYamlException e = org.junit.jupiter.api.Assertions.assertThrows(CatalogYamlException.class,
        () -> CatalogFiles.of(bad).forEach(x -> { }));
    assertEquals(bad.toString(), e.file());
    assertEquals(9, e.line());
    assertTrue(e.getMessage().startsWith(bad + ":9:3: "), e.getMessage());
  }

  @Test
  void catalogFiles_readYaml12LikeBackstage_soYesOnNoStayStrings() throws IOException {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n"
        + "  title: yes\n  description: on\nspec:\n  type: service\n  lifecycle: no\n  owner: web-team\n");
    Entity e = CatalogFiles.of(file).iterator().next();
    assertEquals("yes", e.toMap().get("metadata") instanceof java.util.Map<?, ?> m ? m.get("title") : null);
    assertEquals("on", ((java.util.Map<?, ?>) e.toMap().get("metadata")).get("description"));
    assertEquals("no", ((java.util.Map<?, ?>) e.toMap().get("spec")).get("lifecycle"));
  }
}
