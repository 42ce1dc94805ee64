package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScorecardTest {
  private final ScorecardResult result = Fixtures.run();

  private EntityResult entity(String ref) {
    return result.entity(ref).orElseThrow(() -> new AssertionError("no result for " + ref));
  }

  @Test
  void levels_onTinyshop_areTheHighestRungWithEveryLowerRungPassed() {
    assertEquals(Optional.of("Gold"), entity("component:default/storefront-web").level("Basics"));
    assertEquals(Optional.of("Gold"), entity("component:default/product-service").level("Basics"));
    assertEquals(Optional.of("Gold"), entity("component:default/payments-service").level("Basics"));
    // no docs but a valid exemption; on-call does not apply to an experimental component
    assertEquals(Optional.of("Gold"), entity("component:default/checkout-service").level("Basics"));
    // has-system fails and its exemption expired in 2020
    assertEquals(Optional.of("Bronze"), entity("component:default/ui-kit").level("Basics"));
    assertEquals(Optional.of("Silver"), entity("component:finance/ledger-export").level("Basics"));
    assertEquals(Optional.empty(), entity("component:default/legacy-invoicing").level("Basics"));
    assertEquals(Optional.empty(), entity("component:default/recommendation-model").level("Basics"));
  }

  @Test
  void standard_scoresTheServiceMaturityLevels() {
    Scorecard standard = Scorecard.standard();
    assertEquals("Service maturity", standard.name());
    List<String> ids = new ArrayList<>();
    standard.checks().forEach(c -> ids.add(c.id()));
    Checks.all().forEach(c -> assertTrue(ids.contains(c.id()), c.id()));
    assertTrue(ids.contains("has-on-call"));

    Entity team = Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Group").name("team-a")
        .spec("type", "team").spec("children", List.of()).build();
    Entity bronze = component("bronze").spec("owner", "team-a").description("Does things").build();
    Entity silver = component("silver").spec("owner", "team-a").description("Does things")
        .spec("system", "shop").spec("lifecycle", "production").build();
    Entity gold = component("gold").spec("owner", "team-a").description("Does things")
        .spec("system", "shop").spec("lifecycle", "production")
        .annotation("backstage.io/techdocs-ref", "dir:.")
        .annotation("backstage.io/source-location", "url:https://git.example.com/gold/")
        .annotation("pagerduty.com/service-id", "P123").build();
    Entity unowned = component("unowned").description("Does things").build();
    List<Entity> all = List.of(team, bronze, silver, gold, unowned);
    ScorecardResult r = standard.evaluate(all, EvaluationContext.gather(all));
    assertEquals(Optional.of("Bronze"), r.entity("component:default/bronze").orElseThrow().level("Basics"));
    assertEquals(Optional.of("Silver"), r.entity("component:default/silver").orElseThrow().level("Basics"));
    assertEquals(Optional.of("Gold"), r.entity("component:default/gold").orElseThrow().level("Basics"));
    assertEquals(Optional.empty(), r.entity("component:default/unowned").orElseThrow().level("Basics"));
    assertEquals(List.of("has-techdocs", "has-source-location", "has-on-call"),
        r.entity("component:default/silver").orElseThrow().missingFor("Basics", "Gold"));
  }

  private static Entity.Builder component(String name) {
    return Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Component").name(name)
        .spec("type", "service");
  }

  @Test
  void level_isNotHeld_whenALowerLevelFails_evenIfHigherChecksPass() {
    // recommendation-model has no description (Bronze) but passes has-lifecycle (Silver)
    EntityResult r = entity("component:default/recommendation-model");
    assertEquals(Outcome.FAILED, r.outcome("has-description"));
    assertEquals(Outcome.PASSED, r.outcome("has-lifecycle"));
    assertEquals(-1, r.levelIndex("Basics"));
    assertEquals(List.of("has-description", "owner-resolves", "has-system"), r.missingFor("Basics", "Silver"));
  }

  @Test
  void exemptions_countWhileValid_andFailOnceExpired() {
    assertEquals(Outcome.EXEMPT, entity("component:default/checkout-service").outcome("has-techdocs"));
    assertEquals(Outcome.FAILED, entity("component:default/ui-kit").outcome("has-system"));
    assertEquals(2, result.exemptions().size());
    assertTrue(result.exemptions().get(1).isExpired(result.evaluatedOn()));
  }

  @Test
  void scope_limitsChecks_toKindsLifecyclesAndFilters() {
    EntityResult checkout = entity("component:default/checkout-service");
    assertEquals(Outcome.NOT_APPLICABLE, checkout.outcome("has-on-call"));
    assertEquals(Outcome.NOT_APPLICABLE, entity("group:default/web-team").outcome("has-owner"));
    assertEquals(Outcome.PASSED, entity("component:default/payments-service").outcome("tier-label-known"));
    assertEquals(Outcome.NOT_APPLICABLE, entity("component:default/legacy-invoicing").outcome("tier-label-known"));
  }

  @Test
  void trackScope_leavesOtherKindsUnranked() {
    EntityResult group = entity("group:default/web-team");
    assertFalse(group.ranked("Basics"));
    assertEquals(-2, group.levelIndex("Basics"));
    assertTrue(entity("api:default/payments-api").ranked("Basics"));
    assertFalse(entity("api:default/payments-api").ranked("Discoverability"));
    int ranked = result.total().levelCounts("Basics").values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(10, ranked); // 8 components + 2 APIs
  }

  @Test
  void ownerResolves_usesGatheredGroupsAndUsers() {
    assertEquals(Outcome.PASSED, entity("component:default/ui-kit").outcome("owner-resolves"));
    assertEquals(Outcome.FAILED, entity("component:default/recommendation-model").outcome("owner-resolves"));
    assertEquals(Outcome.PASSED, entity("component:finance/ledger-export").outcome("owner-resolves"));
  }

  @Test
  void rollups_groupByOwnerSystemDomainAndKind() {
    Rollup payments = result.rollup(Dimension.OWNER, "group:default/payments-team").orElseThrow();
    int owned = 0;
    for (EntityResult e : result.entities()) {
      if (e.owner().equals("group:default/payments-team")) {
        owned++;
      }
    }
    assertEquals(owned, payments.entities());
    assertEquals(8, result.rollup(Dimension.KIND, "component").orElseThrow().entities());
    assertEquals(26, result.total().entities());
    // components, APIs and resources of the payments system, plus the system itself
    Rollup system = result.rollup(Dimension.SYSTEM, "system:default/payments").orElseThrow();
    assertTrue(system.entities() >= 4, system.toString());
    assertTrue(result.rollup(Dimension.DOMAIN, "domain:default/commerce").orElseThrow().entities() > system.entities());
    Map<String, Integer> levels = result.rollup(Dimension.KIND, "component").orElseThrow().levelCounts("Basics");
    assertEquals(Map.of("none", 2, "Bronze", 1, "Silver", 1, "Gold", 4), levels);
    assertEquals(4, result.rollup(Dimension.KIND, "component").orElseThrow().atLeast("Basics", "Gold"));
  }

  @Test
  void score_weighsPoints_andLeavesOutNotApplicableChecks() {
    EntityResult web = entity("component:default/storefront-web");
    assertEquals(web.maxPoints(), web.points());
    EntityResult legacy = entity("component:default/legacy-invoicing");
    assertTrue(legacy.points() < legacy.maxPoints());
    // on-call is worth 2 points and applies to production components
    assertTrue(web.maxPoints() - entity("component:default/checkout-service").maxPoints() >= 2);
  }

  @Test
  void kpis_followTheirDocumentedDefinitions() {
    CatalogKpis k = result.kpis();
    assertEquals(26, k.entities());
    assertEquals(Map.of("api", 2L, "component", 8L, "domain", 1L, "group", 3L, "location", 1L, "resource", 2L,
        "system", 2L, "template", 2L, "user", 5L), k.entitiesByKind());
    // owned kinds: 8 components, 2 APIs, 2 resources, 2 systems, 1 domain, 2 templates
    assertEquals(17, k.owned().total());
    assertEquals(1, k.unresolvedOwners()); // recommendation-model -> group:data-science
    assertEquals(k.owned().count() - 1, k.ownersResolving().count());
    assertEquals(Ratio.of(10, 10), k.withLifecycle()); // 8 components + 2 APIs, all with a lifecycle
    assertEquals(Ratio.of(9, 12), k.withSystem()); // of 12: ui-kit, legacy-invoicing, recommendation-model lack one
    assertEquals(0, k.orphans());
  }

  @Test
  void javaChecks_withContextRules_plugIntoTheBuilder() {
    Check tier = Check.of("has-tier", "Has a tier label", "Add metadata.labels.tier",
        e -> e.metadata().labels().containsKey("tier")).withScope(Scope.kinds("Component").withTypes("service"));
    Scorecard card = Fixtures.scorecard().toBuilder().addCheck(tier)
        .addTrack(Track.of("Ops", Level.of("Ready", "has-tier"))).build();
    ScorecardResult r = card.evaluate(Fixtures.tinyshop(), EvaluationContext.empty());
    assertEquals(Outcome.PASSED, r.entity("component:default/payments-service").orElseThrow().outcome("has-tier"));
    assertEquals(Outcome.FAILED, r.entity("component:default/legacy-invoicing").orElseThrow().outcome("has-tier"));
    assertEquals(Outcome.NOT_APPLICABLE, r.entity("component:default/ui-kit").orElseThrow().outcome("has-tier"));
    // without gathered owners nobody's owner resolves
    assertEquals(Outcome.FAILED, r.entity("component:default/ui-kit").orElseThrow().outcome("owner-resolves"));
  }

  @Test
  void aThrowingRule_failsTheCheck_notTheRun() {
    Check boom = Check.of("boom", "Boom", "n/a", (Entity e) -> {
      throw new IllegalStateException("bug in a custom check");
    });
    ScorecardResult r = Scorecard.builder("x").addCheck(boom).build()
        .evaluate(Fixtures.tinyshop(), EvaluationContext.empty());
    assertEquals(0.0, r.total().passRate("boom"));
  }

  @Test
  void run_streamsOnce_keepsNoEntities_whenAsked_andFeedsListeners() {
    AtomicBoolean iterated = new AtomicBoolean();
    Iterable<Entity> once = () -> {
      if (!iterated.compareAndSet(false, true)) {
        throw new AssertionError("iterated twice");
      }
      Iterator<Entity> it = Fixtures.tinyshop().iterator();
      return it;
    };
    AtomicInteger seen = new AtomicInteger();
    List<ScorecardResult> completed = new ArrayList<>();
    ScorecardResult r = Fixtures.scorecard().runner()
        .retainEntityResults(false)
        .listener(new ResultListener() {
          @Override
          public void onEntity(EntityResult result) {
            seen.incrementAndGet();
          }

          @Override
          public void onComplete(ScorecardResult done) {
            completed.add(done);
          }
        })
        .run(once);
    assertEquals(26, seen.get());
    assertEquals(List.of(r), completed);
    assertTrue(r.entities().isEmpty());
    assertEquals(26, r.total().entities());
    assertFalse(r.rollups(Dimension.OWNER).isEmpty());
  }

  @Test
  void builder_rejectsDuplicateIdsAndUnknownLevelChecks() {
    assertThrows(IllegalArgumentException.class, () -> Scorecard.builder("x").addCheck(Checks.hasOwner())
        .addTrack(Track.of("T", Level.of("L", "nope"))).build());
    assertThrows(IllegalArgumentException.class, () -> Scorecard.builder("x").addCheck(Checks.hasOwner())
        .addExemption(Exemption.of(EntityRef.parse("component:a"), "nope", "r", LocalDate.MAX)).build());
  }

  @Test
  void builtinValidCheck_usesTheOfflineValidator() {
    ScorecardResult r = Scorecard.builder("v").addCheck(Checks.valid()).build()
        .evaluate(List.of(Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Component").name("ok")
            .spec("type", "service").spec("lifecycle", "production").spec("owner", "team-a").build(),
            Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Component").name("no-spec-owner")
            .spec("type", "service").build()), EvaluationContext.empty());
    assertEquals(Outcome.PASSED, r.entity("component:default/ok").orElseThrow().outcome("is-valid"));
    assertEquals(Outcome.FAILED, r.entity("component:default/no-spec-owner").orElseThrow().outcome("is-valid"));
  }
}
