package dev.backstage4j.adoption;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the result of one scorecard run: per-entity results (unless the run kept none), roll-ups per owner,
 * system, domain and kind, catalog KPIs and the exemptions in force. Immutable; this is also what a snapshot
 * file holds ({@link #toJson()} / {@link #readJson(Path)}).
 */
public final class ScorecardResult {
  private final String scorecardName;
  private final Instant generatedAt;
  private final LocalDate evaluatedOn;
  private final Shape shape;
  private final List<EntityResult> entities;
  private final Rollup total;
  private final Map<Dimension, List<Rollup>> rollups;
  private final List<Exemption> exemptions;
  private final CatalogKpis kpis;

  ScorecardResult(String scorecardName, Instant generatedAt, LocalDate evaluatedOn, Shape shape,
      List<EntityResult> entities, Rollup total, Map<Dimension, List<Rollup>> rollups, List<Exemption> exemptions,
      CatalogKpis kpis) {
    this.scorecardName = scorecardName;
    this.generatedAt = generatedAt;
    this.evaluatedOn = evaluatedOn;
    this.shape = shape;
    this.entities = Collections.unmodifiableList(new ArrayList<>(entities));
    this.total = total;
    Map<Dimension, List<Rollup>> m = new EnumMap<>(Dimension.class);
    rollups.forEach((k, v) -> m.put(k, List.copyOf(v)));
    this.rollups = Collections.unmodifiableMap(m);
    this.exemptions = List.copyOf(exemptions);
    this.kpis = kpis;
  }

  /**
   * {@return the result stored in a snapshot or JSON report file}
   *
   * @param file the snapshot or JSON report file
   */
  public static ScorecardResult readJson(Path file) {
    return ResultJson.read(file);
  }

  /**
   * {@return the result held in JSON text as written by {@link #toJson()}}
   *
   * @param json the JSON text
   */
  public static ScorecardResult parseJson(String json) {
    return ResultJson.parse(json, "JSON text");
  }

  /** {@return the result as JSON in the documented, stable schema (see {@code docs/adoption-json-schema.md})} */
  public String toJson() {
    return ResultJson.write(this);
  }

  /** {@return the scorecard's name} */
  public String scorecardName() {
    return scorecardName;
  }

  /** {@return when the run finished} */
  public Instant generatedAt() {
    return generatedAt;
  }

  /** {@return the date exemptions were judged against} */
  public LocalDate evaluatedOn() {
    return evaluatedOn;
  }

  /** {@return the checks, in scorecard order} */
  public List<CheckInfo> checks() {
    return shape.checks;
  }

  /**
   * {@return the check with the given id}
   *
   * @param id the check's id
   */
  public CheckInfo check(String id) {
    return shape.checks.get(shape.check(id));
  }

  /** {@return the tracks} */
  public List<Track> tracks() {
    return shape.tracks;
  }

  /** {@return the per-entity results in catalog order; empty when the run was told not to keep them} */
  public List<EntityResult> entities() {
    return entities;
  }

  /**
   * {@return the result of one entity, if it was evaluated and kept}
   *
   * @param ref the entity's ref, compared case-insensitively
   */
  public Optional<EntityResult> entity(String ref) {
    for (EntityResult r : entities) {
      if (r.ref().toString().equalsIgnoreCase(ref)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** {@return the totals over every entity} */
  public Rollup total() {
    return total;
  }

  /**
   * {@return the roll-ups by the given dimension, sorted by key}
   *
   * @param dimension what the entities are rolled up by
   */
  public List<Rollup> rollups(Dimension dimension) {
    return rollups.getOrDefault(dimension, List.of());
  }

  /**
   * {@return the roll-up for one key of a dimension, if any entity had it}
   *
   * @param dimension what the entities are rolled up by
   * @param key the roll-up key, e.g. an owner ref, compared case-insensitively
   */
  public Optional<Rollup> rollup(Dimension dimension, String key) {
    return rollups(dimension).stream().filter(r -> r.key().equalsIgnoreCase(key)).findFirst();
  }

  /** {@return every exemption the scorecard declares, valid or expired (see {@link #evaluatedOn()})} */
  public List<Exemption> exemptions() {
    return exemptions;
  }

  /** {@return the catalog KPIs of the run} */
  public CatalogKpis kpis() {
    return kpis;
  }

  Shape shape() {
    return shape;
  }

  Map<Dimension, List<Rollup>> allRollups() {
    return rollups;
  }

  /** {@return name, time and totals} */
  @Override
  public String toString() {
    return "ScorecardResult{" + scorecardName + " at " + generatedAt + ", " + total + "}";
  }
}
