package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskQuery;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.testkit.FakeBackstage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scores the testkit's sample organisation over HTTP, through the catalog client's lazy paging. */
class TestkitAdoptionTest {
  private static FakeBackstage fake;

  @BeforeAll
  static void start() {
    fake = FakeBackstage.builder().sampleCatalog().build().start();
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  @Test
  void scorecard_overTheLiveCatalog_matchesTheLocalFiles() {
    CatalogClient catalog = CatalogClient.create(fake.baseUrl(), CredentialsProvider.staticToken(fake.token()));
    EvaluationContext context = EvaluationContext.gather(catalog.entities().query(EntityQuery.builder()
        .filter(EntityFilter.builder().kind("Group", "User", "System").build()).build()))
        .withToday(Fixtures.TODAY);
    // small pages, so the run follows several cursors
    ScorecardResult live = Fixtures.scorecard().runner().context(context)
        .run(catalog.entities().query(EntityQuery.builder().pageSize(4).build()));
    ScorecardResult local = Fixtures.run();

    assertTrue(live.total().entities() >= 26, live.toString());
    for (EntityResult e : local.entities()) {
      EntityResult remote = live.entity(e.ref().toString()).orElseThrow(() -> new AssertionError(e.ref()
          + " missing from the live catalog"));
      assertEquals(e.outcomes(), remote.outcomes(), e.ref().toString());
      assertEquals(e.level("Basics"), remote.level("Basics"), e.ref().toString());
    }
    assertEquals(Optional.of("Gold"), live.entity("component:default/storefront-web").orElseThrow().level("Basics"));
    assertEquals(local.kpis().owned(), live.kpis().owned());
    assertEquals(1, live.kpis().unresolvedOwners());
  }

  @Test
  void templateKpis_fromTheScaffolderTaskList() {
    ScaffolderClient scaffolder = ScaffolderClient.create(fake.baseUrl(),
        CredentialsProvider.staticToken(fake.token()));
    for (int i = 0; i < 3; i++) {
      String id = scaffolder.tasks().create(TaskRequest.builder().templateRef("template:default/docs-site")
          .value("name", "docs-" + i).value("owner", "group:web-team").build());
      scaffolder.tasks().awaitCompletion(id, Duration.ofSeconds(20));
    }
    List<TemplateRun> runs = new ArrayList<>();
    scaffolder.tasks().list(TaskQuery.all()).tasks().forEach(t -> runs.add(TemplateRun.from(t)));
    CatalogClient catalog = CatalogClient.create(fake.baseUrl(), CredentialsProvider.staticToken(fake.token()));
    TemplateKpis kpis = TemplateKpis.compute(runs, catalog.entities().query(EntityQuery.builder()
        .filter(EntityFilter.builder().kind("Template").build()).build()));
    TemplateKpis.TemplateStats docs = kpis.byTemplate().get("template:default/docs-site");
    assertEquals(3, docs.runs(), kpis.toString());
    assertEquals(docs.succeeded() + docs.failed(), 3, docs.toString());
  }
}
