package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the time to measure a campaign ({@link CampaignProgress#of}) and to find the nudges between the last two
 * runs ({@link Nudges#between}) over a synthetic organisation with weekly snapshots that kept their entity results.
 * Not a unit test: run it by hand.
 *
 * <pre>
 * mvn -q -Db4j.buildDir=target-adopt -pl adoption-metrics -am test-compile
 * java -Xmx1g -cp &lt;classpath&gt; dev.backstage4j.adoption.CampaignBenchmark [entities] [snapshots] [rounds]
 * </pre>
 */
public final class CampaignBenchmark {
  private CampaignBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Scorecard card = SyntheticCatalog.twentyChecks().toBuilder()
        .addCheck(Check.of("is-valid", "Has a name", "n/a", e -> e.metadata().name() != null)).build();
    List<ScorecardResult> runs = new ArrayList<>();
    List<Entity> catalog = List.of();
    Instant start = Instant.parse("2026-10-13T06:00:00Z");
    for (int week = 0; week < weeks; week++) {
      List<Entity> all = new ArrayList<>(SyntheticCatalog.org());
      for (int i = 1; i <= entities; i++) {
        all.add(SyntheticCatalog.entity(i, week / (double) Math.max(1, weeks - 1)));
      }
      Instant at = start.plus(Duration.ofDays(7L * week));
      runs.add(card.runner().context(EvaluationContext.gather(all)).clock(Clock.fixed(at, ZoneOffset.UTC)).run(all));
      catalog = all;
    }
    Campaign campaign = Campaign.builder("silver", "Every service at Silver").owner("platform-team")
        .scope(Scope.kinds("Component").withTypes("service")).targetLevel("Maturity", "Silver")
        .start(LocalDate.of(2026, 10, 12)).deadline(LocalDate.of(2026, 12, 18)).build();
    Clock now = Clock.fixed(runs.get(runs.size() - 1).generatedAt(), ZoneOffset.UTC);
    long[] progress = new long[rounds];
    long[] nudges = new long[rounds];
    CampaignProgress p = null;
    int found = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      p = CampaignProgress.of(campaign, runs, catalog, now);
      long t1 = System.nanoTime();
      found = Nudges.between(runs.get(runs.size() - 2), runs.get(runs.size() - 1), List.of(p)).size();
      long t2 = System.nanoTime();
      progress[r] = (t1 - t0) / 1_000_000;
      nudges[r] = (t2 - t1) / 1_000_000;
    }
    Arrays.sort(progress);
    Arrays.sort(nudges);
    System.out.printf("%d entities x %d snapshots: campaign %d/%d done, %s; %d nudges%n", entities, weeks,
        p.done(), p.total(), p.status(), found);
    System.out.printf("CampaignProgress.of  median %d ms (min %d)%n", progress[rounds / 2], progress[0]);
    System.out.printf("Nudges.between       median %d ms (min %d)%n", nudges[rounds / 2], nudges[0]);
  }
}
