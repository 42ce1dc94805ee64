package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Annotations;
import dev.backstage4j.catalog.model.Entity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds template usage KPIs per template, from scaffolder runs. Exact definitions, per template ref:
 * <ul>
 *   <li>{@code runs}: all runs, including those still running.</li>
 *   <li>{@code succeeded} / {@code failed}: finished runs by outcome (cancelled counts as failed).</li>
 *   <li>{@code successRate}: succeeded / (succeeded + failed), in percent; runs still running are left out.</li>
 *   <li>{@code p50} / {@code p95}: nearest-rank percentiles of the durations of finished runs whose start and end
 *       are known (see {@link TemplateRun#from}); zero when there are none.</li>
 *   <li>{@code distinctUsers}: number of different non-null users.</li>
 *   <li>{@code timeSaved}: succeeded × the time one run saves, as the template declares in the annotation
 *       {@value Annotations#TIME_SAVED} (an ISO-8601 duration such as {@code PT2H}, or a number of minutes);
 *       zero when the template declares none.</li>
 * </ul>
 */
public final class TemplateKpis {
  private final Map<String, TemplateStats> byTemplate;

  private TemplateKpis(Map<String, TemplateStats> byTemplate) {
    this.byTemplate = Collections.unmodifiableMap(byTemplate);
  }

  /**
   * {@return the KPIs of the runs, streamed once} Memory is proportional to templates and distinct users.
   *
   * @param templates the Template entities, read for their declared time saved; may be empty
   * @param runs the template runs
   */
  public static TemplateKpis compute(Iterable<TemplateRun> runs, Iterable<Entity> templates) {
    Map<String, Duration> saved = new HashMap<>();
    for (Entity t : templates) {
      Duration d = timeSaved(t.metadata().annotations().get(Annotations.TIME_SAVED));
      if (d != null) {
        saved.put(t.ref().toString(), d);
      }
    }
    Map<String, Acc> acc = new TreeMap<>();
    for (TemplateRun r : runs) {
      acc.computeIfAbsent(r.templateRef().toLowerCase(Locale.ROOT), k -> new Acc()).add(r);
    }
    Map<String, TemplateStats> out = new TreeMap<>();
    acc.forEach((ref, a) -> out.put(ref, a.stats(ref, saved.getOrDefault(ref, Duration.ZERO))));
    return new TemplateKpis(out);
  }

  /** {@return the stats per template ref (lower-cased), sorted} */
  public Map<String, TemplateStats> byTemplate() {
    return byTemplate;
  }

  /** {@return the total runs over all templates} */
  public long totalRuns() {
    return byTemplate.values().stream().mapToLong(TemplateStats::runs).sum();
  }

  /** {@return the total time saved over all templates} */
  public Duration totalTimeSaved() {
    return byTemplate.values().stream().map(TemplateStats::timeSaved).reduce(Duration.ZERO, Duration::plus);
  }

  /** {@return the number of templates and runs} */
  @Override
  public String toString() {
    return "TemplateKpis{templates=" + byTemplate.size() + ", runs=" + totalRuns() + "}";
  }

  static Duration timeSaved(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      try {
        return Duration.ofMinutes(Long.parseLong(value.trim()));
      } catch (NumberFormatException e2) {
        return null;
      }
    }
  }

  /** Holds one template's KPIs. Immutable. */
  public static final class TemplateStats {
    private final String templateRef;
    private final long runs;
    private final long succeeded;
    private final long failed;
    private final Duration p50;
    private final Duration p95;
    private final long distinctUsers;
    private final Duration timeSaved;

    TemplateStats(String templateRef, long runs, long succeeded, long failed, Duration p50, Duration p95,
        long distinctUsers, Duration timeSaved) {
      this.templateRef = templateRef;
      this.runs = runs;
      this.succeeded = succeeded;
      this.failed = failed;
      this.p50 = p50;
      this.p95 = p95;
      this.distinctUsers = distinctUsers;
      this.timeSaved = timeSaved;
    }

    /** {@return the template ref} */
    public String templateRef() {
      return templateRef;
    }

    /** {@return all runs} */
    public long runs() {
      return runs;
    }

    /** {@return the runs that succeeded} */
    public long succeeded() {
      return succeeded;
    }

    /** {@return the runs that failed or were cancelled} */
    public long failed() {
      return failed;
    }

    /** {@return the success rate of finished runs in percent; 0 when none finished} */
    public double successRate() {
      return succeeded + failed == 0 ? 0.0 : 100.0 * succeeded / (succeeded + failed);
    }

    /** {@return the median duration of finished runs} */
    public Duration p50() {
      return p50;
    }

    /** {@return the 95th-percentile duration of finished runs} */
    public Duration p95() {
      return p95;
    }

    /** {@return the number of distinct users} */
    public long distinctUsers() {
      return distinctUsers;
    }

    /** {@return the time saved by the successful runs} */
    public Duration timeSaved() {
      return timeSaved;
    }

    /** {@return the headline numbers} */
    @Override
    public String toString() {
      return "TemplateStats{" + templateRef + ", runs=" + runs + ", success="
          + String.format(Locale.ROOT, "%.1f%%", successRate()) + ", p50=" + p50 + ", p95=" + p95 + ", users="
          + distinctUsers + ", saved=" + timeSaved + "}";
    }
  }

  private static final class Acc {
    long runs;
    long succeeded;
    long failed;
    final List<Long> millis = new ArrayList<>();
    final Set<String> users = new HashSet<>();

    void add(TemplateRun r) {
      runs++;
      if (r.state() == TemplateRun.State.SUCCEEDED) {
        succeeded++;
      } else if (r.state() == TemplateRun.State.FAILED) {
        failed++;
      }
      r.duration().ifPresent(d -> millis.add(d.toMillis()));
      if (r.user() != null) {
        users.add(r.user().toLowerCase(Locale.ROOT));
      }
    }

    TemplateStats stats(String ref, Duration perRun) {
      Collections.sort(millis);
      return new TemplateStats(ref, runs, succeeded, failed, percentile(50), percentile(95), users.size(),
          perRun.multipliedBy(succeeded));
    }

    /** Nearest rank: the value at position ceil(p/100 × n), 1-based. */
    private Duration percentile(int p) {
      if (millis.isEmpty()) {
        return Duration.ZERO;
      }
      int rank = (int) Math.ceil(p / 100.0 * millis.size());
      return Duration.ofMillis(millis.get(Math.max(rank, 1) - 1));
    }
  }
}
