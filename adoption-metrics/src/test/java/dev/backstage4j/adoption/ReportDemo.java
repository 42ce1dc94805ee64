package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a demo HTML report (six weekly snapshots of a synthetic 600-entity organisation, a campaign, plus
 * template usage)
 * for looking at and for the README picture.
 *
 * <p>Run: {@code mvn -q -Db4j.buildDir=target-adopt -pl adoption-metrics -am test-compile} then
 * {@code java -cp <test classpath> dev.backstage4j.adoption.ReportDemo [out-dir]}.
 */
public final class ReportDemo {
  private ReportDemo() {}

  /** Writes adoption-demo.html, .md, .csv and snapshots into the directory given (default target-adopt/demo). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "adoption-metrics/target-adopt/demo");
    Path snapshots = out.resolve("snapshots");
    Scorecard card = SyntheticCatalog.twentyChecks().toBuilder()
        .addExemption(Exemption.of(dev.backstage4j.catalog.model.EntityRef.parse("component:default/svc-search-1"),
            "has-techdocs", "Docs move to the new portal in Q1", LocalDate.of(2027, 3, 31)))
        .addExemption(Exemption.of(dev.backstage4j.catalog.model.EntityRef.parse("component:default/svc-data-5"),
            "has-on-call", "Batch job, no pager yet", LocalDate.of(2026, 10, 1)))
        .build();
    List<ScorecardResult> history = new ArrayList<>();
    List<Entity> latestCatalog = List.of();
    Instant start = Instant.parse("2026-10-13T06:00:00Z");
    ScorecardResult last = null;
    for (int week = 0; week < 6; week++) {
      double progress = week / 5.0;
      List<Entity> entities = new ArrayList<>(SyntheticCatalog.org());
      for (int i = 1; i <= 600; i++) {
        entities.add(SyntheticCatalog.entity(i, progress));
      }
      Instant at = start.plus(Duration.ofDays(7L * week));
      last = card.runner().context(EvaluationContext.gather(entities).withToday(LocalDate.ofInstant(at,
          ZoneOffset.UTC))).clock(Clock.fixed(at, ZoneOffset.UTC)).run(entities);
      Snapshots.save(last, snapshots);
      history.add(last);
      latestCatalog = entities;
    }
    Campaign silver = Campaign.builder("silver-services", "Every service at Silver").owner("platform-team")
        .scope(Scope.kinds("Component").withTypes("service")).targetLevel("Maturity", "Silver")
        .start(LocalDate.of(2026, 10, 12)).deadline(LocalDate.of(2026, 12, 18)).build();
    CampaignProgress campaign = CampaignProgress.of(silver, history, latestCatalog,
        Clock.fixed(last.generatedAt(), ZoneOffset.UTC));
    List<TemplateRun> runs = new ArrayList<>();
    String[] templates = {"template:default/spring-boot-service", "template:default/react-app",
        "template:default/docs-site"};
    for (int i = 0; i < 240; i++) {
      Instant t0 = start.plus(Duration.ofHours(i * 3L));
      runs.add(TemplateRun.of(templates[i % 3], i % 11 == 0 ? TemplateRun.State.FAILED
          : TemplateRun.State.SUCCEEDED, t0, t0.plusSeconds(40 + (i * 37L) % 300), "user:default/u" + (i % 41)));
    }
    List<Entity> templateEntities = List.of(
        Entity.builder().apiVersion("scaffolder.backstage.io/v1beta3").kind("Template").name("spring-boot-service")
            .annotation("backstage.io/time-saved", "PT4H").build(),
        Entity.builder().apiVersion("scaffolder.backstage.io/v1beta3").kind("Template").name("react-app")
            .annotation("backstage.io/time-saved", "PT3H").build());
    TemplateKpis kpis = TemplateKpis.compute(runs, templateEntities);
    Files.createDirectories(out);
    Files.writeString(out.resolve("adoption-demo.html"), Reports.html(last, Snapshots.loadAll(snapshots), kpis,
        List.of(campaign)));
    Files.writeString(out.resolve("adoption-demo.md"), Reports.markdown(SnapshotDiff.between(history.get(4), last)));
    Files.writeString(out.resolve("adoption-demo.csv"), Reports.csv(last));
    System.out.println("wrote " + out.resolve("adoption-demo.html").toAbsolutePath());
  }
}
