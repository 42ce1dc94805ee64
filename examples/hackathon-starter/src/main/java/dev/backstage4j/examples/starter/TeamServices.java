package dev.backstage4j.examples.starter;

import dev.backstage4j.adoption.Checks;
import dev.backstage4j.adoption.EntityResult;
import dev.backstage4j.adoption.EvaluationContext;
import dev.backstage4j.adoption.Level;
import dev.backstage4j.adoption.Scorecard;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.adoption.Track;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Answers "which services does my team own, and at which scorecard level is each?" from the catalog.
 * This is the class a hackathon team changes first.
 */
public final class TeamServices {
  private static final String TRACK = "Readiness";
  private static final Scorecard SCORECARD = Scorecard.builder("Team readiness")
      .addChecks(List.of(Checks.hasOwner(), Checks.hasDescription(), Checks.hasSystem(), Checks.hasTechDocs(),
          Checks.hasSourceLocation()))
      .addCheck(Checks.annotation("has-on-call", "pagerduty.com/service-id", "On-call is set up"))
      .addTrack(Track.of(TRACK,
          Level.of("Bronze", "has-owner", "has-description"),
          Level.of("Silver", "has-system", "has-techdocs"),
          Level.of("Gold", "has-source-location", "has-on-call")))
      .build();

  private final CatalogClient catalog;

  /**
   * Creates a view over the catalog the client talks to.
   *
   * @param catalog the client
   */
  public TeamServices(CatalogClient catalog) {
    this.catalog = catalog;
  }

  /**
   * Returns the components owned by {@code owner} (a ref such as {@code group:default/web-team}, or null for
   * every owner) with their level and what is missing for the next one, as plain maps ready for JSON.
   */
  public List<Map<String, Object>> services(String owner) {
    List<Entity> all;
    // One streamed read of the whole catalog: fine for hackathon-sized catalogs; filter by owner for big ones.
    try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
      all = s.collect(Collectors.toList());
    }
    EntityRef wanted = owner == null || owner.isBlank() ? null : EntityRef.parse(owner, "group", null);
    List<Entity> mine = new ArrayList<>();
    for (Entity e : all) {
      if (e.kind().equalsIgnoreCase("component") && (wanted == null || ownedBy(e, wanted))) {
        mine.add(e);
      }
    }
    ScorecardResult result = SCORECARD.evaluate(mine, EvaluationContext.gather(all));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entity e : mine) {
      EntityResult r = result.entity(e.ref().toString()).orElseThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ref", e.ref().toString());
      m.put("title", e.metadata().title() == null ? e.metadata().name() : e.metadata().title());
      m.put("type", e.spec().get("type"));
      m.put("lifecycle", e.spec().get("lifecycle"));
      m.put("owner", r.owner());
      m.put("level", r.level(TRACK).orElse("none"));
      m.put("scorePercent", Math.round(r.percent()));
      m.put("missing", r.failedCheckIds());
      out.add(m);
    }
    out.sort((a, b) -> ((String) a.get("ref")).compareTo((String) b.get("ref")));
    return out;
  }

  private static boolean ownedBy(Entity e, EntityRef owner) {
    Object o = e.spec().get("owner");
    return o instanceof String && EntityRef.parse((String) o, "group", e.metadata().namespace()).equals(owner);
  }
}
