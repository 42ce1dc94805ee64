package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityLink;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a deterministic fake organisation for the benchmark and the demo report: teams owning components and
 * APIs whose completeness grows with {@code progress} (0..1).
 */
final class SyntheticCatalog {
  static final String[] TEAMS = {"checkout", "search", "payments", "platform", "mobile", "data", "identity",
      "growth", "ml-infra", "observability"};

  private SyntheticCatalog() {}

  /** Returns the Groups (one per team) plus a user. */
  static List<Entity> org() {
    List<Entity> out = new ArrayList<>();
    for (String t : TEAMS) {
      out.add(Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Group").name(t + "-team")
          .description("The " + t + " team").spec("type", "team").spec("children", List.of()).build());
    }
    out.add(Entity.builder().apiVersion("backstage.io/v1alpha1").kind("User").name("jdoe")
        .spec("memberOf", List.of("platform-team")).build());
    return out;
  }

  /**
   * Returns entity number i. Each team has its own maturity; {@code progress} raises every probability so later
   * snapshots look better.
   */
  static Entity entity(int i, double progress) {
    SplittableRandom r = new SplittableRandom(i * 7919L + 17);
    int team = i % TEAMS.length;
    double maturity = Math.min(0.97, 0.35 + 0.06 * ((team * 3) % TEAMS.length) + 0.35 * progress);
    boolean api = i % 9 == 0;
    Entity.Builder b = Entity.builder().apiVersion("backstage.io/v1alpha1").kind(api ? "API" : "Component")
        .name((api ? "api-" : "svc-") + TEAMS[team] + "-" + i);
    String type = api ? "openapi" : new String[] {"service", "service", "website", "library"}[r.nextInt(4)];
    b.spec("type", type);
    if (r.nextDouble() < maturity + 0.25) {
      b.spec("owner", r.nextDouble() < 0.97 ? "group:" + TEAMS[team] + "-team" : "group:ghost-team");
    }
    if (r.nextDouble() < maturity + 0.15) {
      b.description("Handles " + TEAMS[team] + " things, part " + i);
    }
    if (r.nextDouble() < maturity + 0.05) {
      b.spec("system", TEAMS[team]);
    }
    if (r.nextDouble() < maturity + 0.2) {
      b.spec("lifecycle", r.nextDouble() < 0.8 ? "production" : "experimental");
    }
    if (r.nextDouble() < maturity - 0.1) {
      b.annotation("backstage.io/techdocs-ref", "dir:.");
    }
    if (r.nextDouble() < maturity) {
      b.annotation("backstage.io/source-location", "url:https://git.example.com/" + TEAMS[team] + "/" + i + "/");
    }
    if (r.nextDouble() < maturity - 0.15) {
      b.annotation("pagerduty.com/service-id", "P" + i);
    }
    if (r.nextDouble() < maturity - 0.25) {
      b.annotation("sonarqube.org/project-key", TEAMS[team] + ":" + i);
    }
    if (r.nextDouble() < maturity) {
      b.annotation("github.com/project-slug", "example/" + TEAMS[team] + "-" + i);
    }
    if (r.nextDouble() < maturity) {
      b.tag(r.nextBoolean() ? "java" : "typescript");
    }
    if (r.nextDouble() < maturity - 0.2) {
      b.link(EntityLink.of("https://grafana.example.com/d/" + i, "Dashboard", "dashboard", "dashboard"));
    }
    if (r.nextDouble() < maturity - 0.05) {
      b.label("tier", String.valueOf(1 + r.nextInt(3)));
    }
    if (api) {
      b.spec("definition", "openapi: 3.0.0");
    } else if (type.equals("service") && r.nextDouble() < maturity) {
      b.spec("providesApis", List.of("api-" + TEAMS[team]));
    }
    return b.build();
  }

  /** Returns a scorecard with 20 checks and a three-level track, as in the benchmark. */
  static Scorecard twentyChecks() {
    return Scorecard.builder("Service maturity")
        .addChecks(Checks.all())
        .addCheck(Checks.annotation("has-on-call", "pagerduty.com/service-id", "On-call is set up")
            .withScope(Scope.kinds("Component").withLifecycles("production")).withPoints(2))
        .addCheck(Checks.annotation("has-sonar", "sonarqube.org/project-key", "Code quality is tracked"))
        .addCheck(Checks.annotation("has-github", "github.com/project-slug", "Repository is linked"))
        .addCheck(Check.of("has-tier", "Has a tier label", "Add metadata.labels.tier",
            e -> e.metadata().labels().containsKey("tier")))
        .addCheck(Check.of("tier-1-has-on-call", "Tier 1 has on-call", "Add pagerduty.com/service-id",
            e -> e.metadata().annotations().containsKey("pagerduty.com/service-id"))
            .withScope(Scope.all().withFilter(e -> "1".equals(e.metadata().labels().get("tier")), "tier 1")))
        .addCheck(Check.of("name-kebab", "Name is kebab-case", "Rename to kebab-case",
            e -> e.metadata().name().matches("[a-z0-9]+(-[a-z0-9]+)*")))
        .addCheck(Check.of("has-title-or-description", "Has a title or description", "Add one",
            e -> e.metadata().title() != null || e.metadata().description() != null))
        .addCheck(Check.of("production-has-docs", "Production has docs", "Add TechDocs",
            e -> e.metadata().annotations().containsKey("backstage.io/techdocs-ref"))
            .withScope(Scope.all().withLifecycles("production")))
        .addCheck(Check.of("api-has-definition", "API has a definition", "Set spec.definition",
            e -> e.spec().get("definition") != null).withScope(Scope.kinds("API")))
        .addTrack(Track.of("Maturity",
            Level.of("Bronze", "has-owner", "has-description"),
            Level.of("Silver", "owner-resolves", "has-system", "has-lifecycle"),
            Level.of("Gold", "has-techdocs", "has-source-location", "has-on-call")).withScope(
                Scope.kinds("Component", "API")))
        .build();
  }
}
