package dev.backstage4j.adoption.micrometer;

import dev.backstage4j.adoption.CampaignProgress;
import dev.backstage4j.adoption.CampaignStatus;
import dev.backstage4j.adoption.CatalogKpis;
import dev.backstage4j.adoption.CheckInfo;
import dev.backstage4j.adoption.Dimension;
import dev.backstage4j.adoption.Ratio;
import dev.backstage4j.adoption.Rollup;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.adoption.TemplateKpis;
import dev.backstage4j.adoption.Track;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the latest adoption numbers as Micrometer gauges, so they land in the dashboards the organisation
 * already watches. Call {@link #update(ScorecardResult)} after each scorecard run and
 * {@link #update(TemplateKpis)} after each template-usage computation; gauges always read the latest values.
 *
 * <p>Meters (tags are owners, kinds, tracks, levels, checks and templates — never entity names or user ids):
 * <ul>
 *   <li>{@code backstage.scorecard.entities} — entities per {@code owner}, {@code track}, {@code level};</li>
 *   <li>{@code backstage.scorecard.check.pass.ratio} — share (0–1) of an owner's in-scope entities passing a
 *       {@code check};</li>
 *   <li>{@code backstage.catalog.entities} — entities per {@code kind}; {@code backstage.catalog.kpi.ratio} —
 *       catalog completeness KPIs (0–1) per {@code kpi}: {@code owned}, {@code owners_resolving},
 *       {@code with_docs}, {@code with_system}, {@code with_lifecycle}; {@code backstage.catalog.orphans};</li>
 *   <li>{@code backstage.template.runs} (function counter) per {@code template} and {@code outcome};
 *       {@code backstage.template.duration.seconds} per {@code template} and {@code quantile} (0.5, 0.95);
 *       {@code backstage.template.users} per {@code template};</li>
 *   <li>campaigns, per {@code campaign} id ({@link #update(List)}): {@code backstage.campaign.entities} per
 *       {@code state} ({@code done}, {@code remaining}); {@code backstage.campaign.progress.ratio} (0–1);
 *       {@code backstage.campaign.days.left}; {@code backstage.campaign.status} (1 for the current
 *       {@code status}, 0 for the others); {@code backstage.campaign.team.remaining} per {@code owner}.</li>
 * </ul>
 *
 * <pre>{@code
 * AdoptionMeterBinder adoption = new AdoptionMeterBinder();
 * adoption.bindTo(meterRegistry);
 * adoption.update(scorecard.runner().run(catalog.entities().query(EntityQuery.all())));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AdoptionMeterBinder implements MeterBinder {
  private final AtomicReference<ScorecardResult> scorecard = new AtomicReference<>();
  private final AtomicReference<TemplateKpis> templates = new AtomicReference<>();
  private final AtomicReference<Map<String, CampaignProgress>> campaigns = new AtomicReference<>(Map.of());
  /** Campaign gauges already registered: Micrometer warns on a second registration of the same id. */
  private final Set<String> campaignGauges = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;

  /** Creates the binder; nothing is published until it is bound and updated. */
  public AdoptionMeterBinder() {}

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    ScorecardResult s = scorecard.get();
    if (s != null) {
      register(s);
    }
    TemplateKpis t = templates.get();
    if (t != null) {
      register(t);
    }
    registerCampaigns();
  }

  /**
   * Publishes campaign progress; a campaign missing from a later update reads NaN.
   *
   * @param progress the measured campaigns
   */
  public void update(List<CampaignProgress> progress) {
    Map<String, CampaignProgress> m = new LinkedHashMap<>();
    progress.forEach(p -> m.put(p.campaign().id(), p));
    campaigns.set(Collections.unmodifiableMap(m));
    if (registry != null) {
      registerCampaigns();
    }
  }

  private void registerCampaigns() {
    MeterRegistry r = registry;
    for (CampaignProgress p : campaigns.get().values()) {
      String id = p.campaign().id();
      campaignGauge(r, "backstage.campaign.entities", "Entities in a campaign meeting its target or not",
          Tags.of("campaign", id, "state", "done"), c -> c.done());
      campaignGauge(r, "backstage.campaign.entities", "Entities in a campaign meeting its target or not",
          Tags.of("campaign", id, "state", "remaining"), c -> c.remaining());
      campaignGauge(r, "backstage.campaign.progress.ratio", "Share of a campaign's entities meeting its target",
          Tags.of("campaign", id), c -> c.percent() / 100);  // percent -> 0-1
      campaignGauge(r, "backstage.campaign.days.left", "Days until the campaign's deadline (negative after)",
          Tags.of("campaign", id), c -> c.daysLeft());
      for (CampaignStatus status : CampaignStatus.values()) {
        campaignGauge(r, "backstage.campaign.status", "1 for the campaign's current status, 0 for the others",
            Tags.of("campaign", id, "status", status.name().toLowerCase(Locale.ROOT)),
            c -> c.status() == status ? 1 : 0);
      }
      for (CampaignProgress.Team team : p.teams()) {
        String owner = team.owner();
        campaignGauge(r, "backstage.campaign.team.remaining", "A team's entities still missing the target",
            Tags.of("campaign", id, "owner", owner), c -> c.teams().stream()
                .filter(x -> x.owner().equals(owner)).mapToInt(CampaignProgress.Team::remaining).findFirst()
                .orElse(0));
      }
    }
  }

  private void campaignGauge(MeterRegistry r, String name, String description, Tags tags,
      ToDoubleFunction<CampaignProgress> f) {
    if (!campaignGauges.add(System.identityHashCode(r) + " " + name + tags)) {
      return;
    }
    String id = tags.stream().filter(t -> t.getKey().equals("campaign")).findFirst().orElseThrow().getValue();
    Gauge.builder(name, campaigns, ref -> {
      CampaignProgress p = ref.get().get(id);
      return p == null ? Double.NaN : f.applyAsDouble(p);
    }).description(description).tags(tags).strongReference(true).register(r);
  }

  /**
   * Publishes the numbers of a scorecard run (levels, pass rates, catalog KPIs).
   *
   * @param result the run; not null
   */
  public void update(ScorecardResult result) {
    scorecard.set(Objects.requireNonNull(result, "result"));
    if (registry != null) {
      register(result);
    }
  }

  /**
   * Publishes template-usage numbers.
   *
   * @param kpis the template KPIs; not null
   */
  public void update(TemplateKpis kpis) {
    templates.set(Objects.requireNonNull(kpis, "kpis"));
    if (registry != null) {
      register(kpis);
    }
  }

  /** Registers a gauge per tag combination seen; Micrometer ignores combinations it already has. */
  private void register(ScorecardResult result) {
    MeterRegistry r = registry;
    for (Rollup owner : result.rollups(Dimension.OWNER)) {
      String key = owner.key();
      for (Track track : result.tracks()) {
        for (String level : owner.levelCounts(track.name()).keySet()) {
          gauge(r, "backstage.scorecard.entities", "Entities per owner holding a level",
              Tags.of("owner", key, "track", track.name(), "level", level),
              s -> rollup(s, key).map(o -> o.levelCounts(track.name()).getOrDefault(level, 0)).orElse(0));
        }
      }
      for (CheckInfo check : result.checks()) {
        gauge(r, "backstage.scorecard.check.pass.ratio", "Share of an owner's entities passing a check",
            Tags.of("owner", key, "check", check.id()),
            s -> rollup(s, key).map(o -> o.passRate(check.id()) / 100).orElse(Double.NaN));  // percent -> 0-1
      }
    }
    CatalogKpis kpis = result.kpis();
    for (String kind : kpis.entitiesByKind().keySet()) {
      gauge(r, "backstage.catalog.entities", "Catalog entities per kind", Tags.of("kind", kind),
          s -> s.kpis().entitiesByKind().getOrDefault(kind, 0L));
    }
    Map<String, ToDoubleFunction<CatalogKpis>> ratios = Map.of(
        "owned", k -> percent(k.owned()), "owners_resolving", k -> percent(k.ownersResolving()),
        "with_docs", k -> percent(k.withDocs()), "with_system", k -> percent(k.withSystem()),
        "with_lifecycle", k -> percent(k.withLifecycle()));
    ratios.forEach((kpi, f) -> gauge(r, "backstage.catalog.kpi.ratio", "Catalog completeness KPIs (0-1)",
        Tags.of("kpi", kpi), s -> f.applyAsDouble(s.kpis())));
    gauge(r, "backstage.catalog.orphans", "Entities whose owner does not resolve or is missing", Tags.empty(),
        s -> s.kpis().orphans());
  }

  private void register(TemplateKpis kpis) {
    MeterRegistry r = registry;
    for (String template : kpis.byTemplate().keySet()) {
      for (String outcome : new String[] {"succeeded", "failed"}) {
        FunctionCounter.builder("backstage.template.runs", templates,
                ref -> stats(ref.get(), template) == null ? 0
                    : outcome.equals("failed") ? stats(ref.get(), template).failed()
                    : stats(ref.get(), template).succeeded())
            .description("Template runs by outcome").tags("template", template, "outcome", outcome).register(r);
      }
      templateGauge(r, "backstage.template.duration.seconds", Tags.of("template", template, "quantile", "0.5"),
          t -> t.p50().toMillis() / 1000.0);
      templateGauge(r, "backstage.template.duration.seconds", Tags.of("template", template, "quantile", "0.95"),
          t -> t.p95().toMillis() / 1000.0);
      templateGauge(r, "backstage.template.users", Tags.of("template", template), t -> t.distinctUsers());
    }
  }

  private void templateGauge(MeterRegistry r, String name, Tags tags, ToDoubleFunction<TemplateKpis.TemplateStats> f) {
    String template = tags.stream().filter(t -> t.getKey().equals("template")).findFirst().orElseThrow().getValue();
    Gauge.builder(name, templates, ref -> {
      TemplateKpis.TemplateStats s = stats(ref.get(), template);
      return s == null ? Double.NaN : f.applyAsDouble(s);
    }).tags(tags).strongReference(true).register(r);
  }

  private void gauge(MeterRegistry r, String name, String description, Tags tags,
      ToDoubleFunction<ScorecardResult> f) {
    Gauge.builder(name, scorecard, ref -> ref.get() == null ? Double.NaN : f.applyAsDouble(ref.get()))
        .description(description).tags(tags).strongReference(true).register(r);
  }

  private static java.util.Optional<Rollup> rollup(ScorecardResult s, String owner) {
    return s.rollup(Dimension.OWNER, owner);
  }

  private static TemplateKpis.TemplateStats stats(TemplateKpis kpis, String template) {
    return kpis == null ? null : kpis.byTemplate().get(template);
  }

  private static double percent(Ratio ratio) {
    return ratio.total() == 0 ? Double.NaN : (double) ratio.count() / ratio.total();
  }
}
