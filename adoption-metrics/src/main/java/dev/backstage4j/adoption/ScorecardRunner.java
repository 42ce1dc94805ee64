package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a scorecard over a stream of entities with options. Each {@link #run(Iterable)} iterates the entities once
 * and holds no entity after evaluating it: memory is the roll-ups (proportional to the number of owners, systems,
 * domains and kinds) plus, unless {@link #retainEntityResults(boolean) turned off}, one compact result per entity.
 *
 * <p>Not thread-safe; a runner may be reused for sequential runs.
 */
public final class ScorecardRunner {
  static final String NONE = "(none)";

  private final Scorecard scorecard;
  private EvaluationContext context = EvaluationContext.empty();
  private final List<ResultListener> listeners = new ArrayList<>();
  private boolean retain = true;
  private Clock clock = Clock.systemUTC();

  ScorecardRunner(Scorecard scorecard) {
    this.scorecard = scorecard;
  }

  /**
   * Sets the context (known owners, system domains, today's date). Default: {@link EvaluationContext#empty()}.
   *
   * @param newContext the context; not null
   * @return this runner, for chaining
   */
  public ScorecardRunner context(EvaluationContext newContext) {
    this.context = Objects.requireNonNull(newContext, "context");
    return this;
  }

  /**
   * Adds a listener that sees every entity result and the final result.
   *
   * @param listener the listener; not null
   * @return this runner, for chaining
   */
  public ScorecardRunner listener(ResultListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Sets whether the result keeps every entity's result (default true). Turn it off for very large catalogs
   * when only roll-ups, KPIs and listeners matter; snapshot diffs and the CI gate need entity results.
   *
   * @param keep whether to keep every entity's result
   * @return this runner, for chaining
   */
  public ScorecardRunner retainEntityResults(boolean keep) {
    this.retain = keep;
    return this;
  }

  /**
   * Sets the clock used for {@link ScorecardResult#generatedAt()}.
   *
   * @param newClock the clock; not null
   * @return this runner, for chaining
   */
  public ScorecardRunner clock(Clock newClock) {
    this.clock = Objects.requireNonNull(newClock, "clock");
    return this;
  }

  /**
   * Evaluates the entities and returns the result.
   *
   * @param entities the entities to evaluate, iterated once
   * @return the result of the run
   */
  public ScorecardResult run(Iterable<Entity> entities) {
    Shape shape = scorecard.shape();
    List<Check> checks = scorecard.checks();
    int n = checks.size();
    Check[] arr = checks.toArray(new Check[0]);
    Track[] tracks = scorecard.tracks().toArray(new Track[0]);
    Map<EntityRef, List<Exemption>> exemptions = new HashMap<>();
    for (Exemption x : scorecard.exemptions()) {
      exemptions.computeIfAbsent(x.entity(), k -> new ArrayList<>()).add(x);
    }
    List<EntityResult> kept = new ArrayList<>();
    Tally total = new Tally(shape, null, "total");
    Dimension[] dims = Dimension.values();
    List<Map<String, Tally>> tallies = new ArrayList<>();
    for (int i = 0; i < dims.length; i++) {
      tallies.add(new HashMap<>());
    }
    CatalogKpis.Accumulator kpis = new CatalogKpis.Accumulator(context);
    EvaluationContext ctx = context;
    for (Entity e : entities) {
      String kind = Scope.lowerOrEmpty(e.kind());
      String type = Scope.lowerOrEmpty(e.spec().get("type"));
      String lifecycle = Scope.lowerOrEmpty(e.spec().get("lifecycle"));
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        Check c = arr[i];
        if (!c.scope().appliesTo(e, kind, type, lifecycle)) {
          out[i] = Shape.NOT_APPLICABLE;
        } else {
          boolean ok;
          try {
            ok = c.rule().test(e, ctx);
          } catch (RuntimeException bad) {
            ok = false;
          }
          out[i] = ok ? Shape.PASSED : Shape.FAILED;
        }
      }
      EntityRef ref = e.ref();
      if (!exemptions.isEmpty()) {
        List<Exemption> xs = exemptions.get(ref);
        if (xs != null) {
          for (Exemption x : xs) {
            int idx = shape.check(x.checkId());
            if (out[idx] == Shape.FAILED && !x.isExpired(ctx.today())) {
              out[idx] = Shape.EXEMPT;
            }
          }
        }
      }
      EntityRef owner = EntityFacts.owner(e);
      EntityRef system = EntityFacts.system(e);
      EntityRef domain = EntityFacts.domain(e, system, ctx);
      int[] levels = shape.levels(out);
      for (int t = 0; t < levels.length; t++) {
        if (!tracks[t].scope().appliesTo(e, kind, type, lifecycle)) {
          levels[t] = Shape.NOT_RANKED;
        }
      }
      EntityResult r = new EntityResult(shape, ref, str(owner), str(system), str(domain), out, levels);
      total.add(r);
      add(tallies.get(0), shape, Dimension.OWNER, owner == null ? NONE : owner.toString(), r);
      add(tallies.get(1), shape, Dimension.SYSTEM, system == null ? NONE : system.toString(), r);
      add(tallies.get(2), shape, Dimension.DOMAIN, domain == null ? NONE : domain.toString(), r);
      add(tallies.get(3), shape, Dimension.KIND, kind, r);
      kpis.add(e, owner);
      for (ResultListener l : listeners) {
        l.onEntity(r);
      }
      if (retain) {
        kept.add(r);
      }
    }
    Map<Dimension, List<Rollup>> rollups = new EnumMap<>(Dimension.class);
    for (int i = 0; i < dims.length; i++) {
      List<Rollup> list = new ArrayList<>();
      new TreeMap<>(tallies.get(i)).values().forEach(t -> list.add(t.freeze()));
      rollups.put(dims[i], list);
    }
    ScorecardResult result = new ScorecardResult(scorecard.name(), clock.instant(), ctx.today(), shape, kept,
        total.freeze(), rollups, scorecard.exemptions(), kpis.result());
    for (ResultListener l : listeners) {
      l.onComplete(result);
    }
    return result;
  }

  private static void add(Map<String, Tally> m, Shape shape, Dimension d, String key, EntityResult r) {
    Tally t = m.get(key);
    if (t == null) {
      t = new Tally(shape, d, key);
      m.put(key, t);
    }
    t.add(r);
  }

  private static String str(EntityRef ref) {
    return ref == null ? "" : ref.toString();
  }
}
