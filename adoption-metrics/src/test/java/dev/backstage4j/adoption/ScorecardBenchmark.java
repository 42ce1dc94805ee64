package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Prints the time to evaluate 100,000 entities against 20 checks, side by side with a plain loop that runs the
 * same 20 checks (scope test + rule) and only counts passes. Not a unit test: run it by hand.
 *
 * <p>Entities come from a pool of 1,000 distinct synthetic entities, streamed 100 times by an iterator that
 * stores nothing, so the catalog itself costs no memory and the numbers are the evaluation alone.
 *
 * <pre>
 * mvn -q -Db4j.buildDir=target-adopt -pl adoption-metrics -am test-compile
 * java -Xmx256m -cp &lt;classpath&gt; dev.backstage4j.adoption.ScorecardBenchmark [entities] [rounds] [without-validator]
 * </pre>
 */
public final class ScorecardBenchmark {
  private ScorecardBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Entity> pool = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      pool.add(SyntheticCatalog.entity(i, 0.5));
    }
    Iterable<Entity> stream = () -> new Iterator<>() {
      private int n;

      @Override
      public boolean hasNext() {
        return n < total;
      }

      @Override
      public Entity next() {
        if (n >= total) {
          throw new NoSuchElementException();
        }
        return pool.get(n++ % pool.size());
      }
    };
    Scorecard card = SyntheticCatalog.twentyChecks();
    if (args.length > 2 && args[2].equals("without-validator")) {
      // is-valid runs the full offline EntityValidator (schema + policies) per entity; swap it for a cheap check
      card = card.toBuilder().addCheck(Check.of("is-valid", "Has a name", "n/a", e -> e.metadata().name() != null))
          .build();
    }
    List<Entity> org = SyntheticCatalog.org();
    EvaluationContext ctx = EvaluationContext.gather(org);
    System.out.printf(Locale.ROOT, "%d entities x %d checks, %d rounds, JVM %s, %d cpus, max heap %d MB%n",
        total, card.checks().size(), rounds, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

    Check[] checks = card.checks().toArray(new Check[0]);
    long[] plain = new long[rounds];
    long[] streaming = new long[rounds];
    long[] retaining = new long[rounds];
    long[] allocStreaming = new long[rounds];
    long[] heapGrowthStreaming = new long[rounds];
    long[] heapGrowthRetaining = new long[rounds];
    long sink = 0;
    for (int round = 0; round < rounds + 3; round++) {
      boolean measure = round >= 3;
      int m = round - 3;

      long t0 = System.nanoTime();
      int[] passes = new int[checks.length];
      for (Entity e : stream) {
        for (int i = 0; i < checks.length; i++) {
          Check c = checks[i];
          if (c.scope().appliesTo(e) && c.rule().test(e, ctx)) {
            passes[i]++;
          }
        }
      }
      long plainNs = System.nanoTime() - t0;
      sink += passes[0];

      long before = usedAfterGc();
      long alloc0 = allocated();
      t0 = System.nanoTime();
      ScorecardResult r = card.runner().context(ctx).retainEntityResults(false).run(stream);
      long streamNs = System.nanoTime() - t0;
      long allocBytes = allocated() - alloc0;
      long streamGrowth = usedAfterGc() - before;
      sink += r.total().entities();

      before = usedAfterGc();
      t0 = System.nanoTime();
      ScorecardResult kept = card.runner().context(ctx).run(stream);
      long keepNs = System.nanoTime() - t0;
      long keepGrowth = usedAfterGc() - before;
      sink += kept.entities().size();
      kept = null;

      if (measure) {
        plain[m] = plainNs;
        streaming[m] = streamNs;
        retaining[m] = keepNs;
        allocStreaming[m] = allocBytes;
        heapGrowthStreaming[m] = streamGrowth;
        heapGrowthRetaining[m] = keepGrowth;
      }
      if (r.total().entities() != total) {
        throw new AssertionError("evaluated " + r.total().entities());
      }
    }
    System.out.printf(Locale.ROOT, "plain loop (scope + rule, count passes):      median %6.0f ms  min %6.0f ms%n",
        median(plain) / 1e6, min(plain) / 1e6);
    System.out.printf(Locale.ROOT, "scorecard, streaming (no entity results kept): median %6.0f ms  min %6.0f ms"
        + "  (levels, roll-ups x4, KPIs)%n", median(streaming) / 1e6, min(streaming) / 1e6);
    System.out.printf(Locale.ROOT, "scorecard, keeping every entity result:        median %6.0f ms  min %6.0f ms%n",
        median(retaining) / 1e6, min(retaining) / 1e6);
    System.out.printf(Locale.ROOT, "streaming: heap retained after run %+.1f MB (median), allocated %.0f bytes/entity%n",
        median(heapGrowthStreaming) / 1048576.0, (double) median(allocStreaming) / total);
    System.out.printf(Locale.ROOT, "keeping results: heap retained while the result is alive %+.1f MB (%.0f bytes/entity)%n",
        median(heapGrowthRetaining) / 1048576.0, (double) median(heapGrowthRetaining) / total);
    System.out.println("(checksum " + sink + ")");
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long allocated() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean) {
      return ((com.sun.management.ThreadMXBean) bean).getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }

  private static long median(long[] a) {
    long[] c = a.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static long min(long[] a) {
    return Arrays.stream(a).min().orElse(0);
  }
}
