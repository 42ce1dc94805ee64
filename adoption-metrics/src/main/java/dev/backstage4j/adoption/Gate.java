package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides a CI gate: "fail if any selected entity is below level N of a track". Select entities by owner
 * ({@link #forOwners}), by ref ({@link #forEntities}, for example those of a catalog-info.yaml) or not at all
 * (every entity). Immutable.
 *
 * <pre>{@code
 * GateResult gate = Gate.requireLevel("Basics", "Silver")
 *     .forEntities(CatalogFiles.of(Path.of("catalog-info.yaml")))
 *     .check(result);
 * System.out.println(gate.message());
 * System.exit(gate.exitCode());
 * }</pre>
 */
public final class Gate {
  private final String track;
  private final String level;
  private final Set<String> owners;
  private final Set<EntityRef> entities;

  private Gate(String track, String level, Set<String> owners, Set<EntityRef> entities) {
    this.track = Objects.requireNonNull(track, "track");
    this.level = Objects.requireNonNull(level, "level");
    this.owners = owners;
    this.entities = entities;
  }

  /**
   * {@return a gate requiring at least the level of the track, over every entity}
   *
   * @param track the track's name
   * @param level the lowest level every entity must hold
   */
  public static Gate requireLevel(String track, String level) {
    return new Gate(track, level, Set.of(), Set.of());
  }

  /**
   * {@return a copy limited to entities owned by any of the owners; refs default to kind Group and namespace
   * {@code default}, so {@code "web-team"} means {@code group:default/web-team}}
   *
   * @param ownerRefs the owners' refs, e.g. {@code web-team} or {@code group:default/web-team}
   */
  public Gate forOwners(String... ownerRefs) {
    Set<String> s = new HashSet<>();
    for (String o : ownerRefs) {
      s.add(EntityRef.parse(o, "Group", null).toString());
    }
    return new Gate(track, level, Set.copyOf(s), entities);
  }

  /**
   * {@return a copy limited to the given entities, for example those read from a catalog-info.yaml}
   *
   * @param selected the entities to gate
   */
  public Gate forEntities(Iterable<Entity> selected) {
    Set<EntityRef> s = new HashSet<>();
    selected.forEach(e -> s.add(e.ref()));
    return new Gate(track, level, owners, Set.copyOf(s));
  }

  /**
   * {@return the verdict for a campaign: every entity of today's catalog in the campaign ({@link
   * Campaign#covers}) meets its target (a level of a track, or its checks); the message lists, per entity below,
   * what to fix} Exit codes as for {@link #check(ScorecardResult)}.
   *
   * @param campaign the campaign whose target must be met
   * @param catalog today's entities, to decide which are in the campaign
   * @param result the run to judge; must have kept its entity results
   * @throws IllegalArgumentException if the result kept no entity results or lacks the campaign's track, level or
   *     checks
   */
  public static GateResult checkCampaign(Campaign campaign, Iterable<Entity> catalog, ScorecardResult result) {
    Set<String> ids = new HashSet<>();
    result.checks().forEach(c -> ids.add(c.id()));
    campaign.validateAgainst(result.tracks(), ids);
    if (result.entities().isEmpty() && result.total().entities() > 0) {
      throw new IllegalArgumentException("The gate needs entity results; run with retainEntityResults(true)");
    }
    Set<String> members = new HashSet<>();
    catalog.forEach(e -> {
      if (campaign.covers(e)) {
        members.add(e.ref().toString());
      }
    });
    int selected = 0;
    List<EntityResult> below = new ArrayList<>();
    for (EntityResult e : result.entities()) {
      Boolean meets = members.contains(e.ref().toString()) ? campaign.meets(e) : null;
      if (meets != null) {
        selected++;
        if (!meets) {
          below.add(e);
        }
      }
    }
    String what = "in campaign " + campaign.id();
    String need = campaign.targetDescription();
    if (selected == 0) {
      return new GateResult(2, List.of(), "ERROR: no entities " + what + " were found; nothing to gate");
    }
    if (below.isEmpty()) {
      return new GateResult(0, List.of(), "PASSED: all " + selected + " entities " + what + " meet " + need);
    }
    StringBuilder b = new StringBuilder();
    b.append("FAILED: ").append(below.size()).append(" of ").append(selected).append(" entities ").append(what)
        .append(" miss ").append(need).append(" (deadline ").append(campaign.deadline()).append(")\n");
    for (EntityResult e : below) {
      b.append("\n").append(e.ref()).append(" (").append(e.owner().isEmpty() ? "no owner" : e.owner())
          .append("); to meet ").append(need).append(":\n");
      fixes(b, result, campaign.missing(e));
    }
    return new GateResult(1, below, b.toString());
  }

  private static void fixes(StringBuilder b, ScorecardResult result, List<String> checkIds) {
    for (String id : checkIds) {
      CheckInfo c = result.check(id);
      b.append("  - ").append(c.title()).append(" [").append(id).append("]: ").append(c.howToFix()).append('\n');
    }
  }

  /**
   * {@return the verdict over the result's entity results}
   *
   * @param result the run to judge; must have kept its entity results
   * @throws IllegalArgumentException if the result kept no entity results, or the track or level is unknown
   */
  public GateResult check(ScorecardResult result) {
    Track t = result.tracks().stream().filter(x -> x.name().equals(track)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Scorecard " + result.scorecardName() + " has no track "
            + track));
    int target = t.indexOf(level);
    if (target < 0) {
      throw new IllegalArgumentException("Track " + track + " has no level " + level);
    }
    String need = t.levels().get(target).name();
    if (result.entities().isEmpty() && result.total().entities() > 0) {
      throw new IllegalArgumentException("The gate needs entity results; run with retainEntityResults(true)");
    }
    List<EntityResult> selected = new ArrayList<>();
    for (EntityResult e : result.entities()) {
      if (e.ranked(track) && (owners.isEmpty() || owners.contains(e.owner()))
          && (entities.isEmpty() || entities.contains(e.ref()))) {
        selected.add(e);
      }
    }
    String what = describe();
    if (selected.isEmpty()) {
      return new GateResult(2, List.of(), "ERROR: no entities " + what + " were found; nothing to gate "
          + "(check the owner ref or the file)");
    }
    List<EntityResult> below = new ArrayList<>();
    for (EntityResult e : selected) {
      if (e.levelIndex(track) < target) {
        below.add(e);
      }
    }
    if (below.isEmpty()) {
      return new GateResult(0, List.of(), "PASSED: all " + selected.size() + " entities " + what + " hold "
          + track + " / " + need + " or higher");
    }
    StringBuilder b = new StringBuilder();
    b.append("FAILED: ").append(below.size()).append(" of ").append(selected.size()).append(" entities ")
        .append(what).append(" are below ").append(track).append(" / ").append(need).append('\n');
    for (EntityResult e : below) {
      b.append("\n").append(e.ref()).append(" is at ").append(e.level(track).orElse("no level"))
          .append("; to reach ").append(need).append(":\n");
      fixes(b, result, e.missingFor(track, need));
    }
    return new GateResult(1, below, b.toString());
  }

  private String describe() {
    List<String> parts = new ArrayList<>();
    if (!owners.isEmpty()) {
      parts.add("owned by " + String.join(", ", new java.util.TreeSet<>(owners)));
    }
    if (!entities.isEmpty()) {
      parts.add("in the given set of " + entities.size());
    }
    return parts.isEmpty() ? "in the catalog" : String.join(" and ", parts);
  }

  /** {@return the requirement} */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Gate{%s >= %s, owners=%s, entities=%d}", track, level, owners,
        entities.size());
  }
}
