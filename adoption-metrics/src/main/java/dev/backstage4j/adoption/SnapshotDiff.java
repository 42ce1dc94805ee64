package dev.backstage4j.adoption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two runs of the same scorecard: entities that moved up or down a level, checks whose pass rate fell,
 * and per-team progress. Level changes need both runs to have kept entity results. Immutable.
 */
public final class SnapshotDiff {
  private final ScorecardResult before;
  private final ScorecardResult after;
  private final List<LevelChange> levelChanges;
  private final List<CheckChange> checkChanges;
  private final List<TeamChange> teamChanges;
  private final int added;
  private final int removed;

  private SnapshotDiff(ScorecardResult before, ScorecardResult after) {
    this.before = before;
    this.after = after;
    Map<String, EntityResult> old = new HashMap<>();
    before.entities().forEach(e -> old.put(e.ref().toString(), e));
    List<LevelChange> changes = new ArrayList<>();
    int add = 0;
    for (EntityResult now : after.entities()) {
      EntityResult was = old.remove(now.ref().toString());
      if (was == null) {
        add++;
        continue;
      }
      for (Track t : after.tracks()) {
        if (before.tracks().stream().noneMatch(b -> b.name().equals(t.name()))) {
          continue;
        }
        if (!was.ranked(t.name()) || !now.ranked(t.name())) {
          continue;
        }
        String from = was.levelLabel(t.name());
        String to = now.levelLabel(t.name());
        if (!from.equals(to)) {
          int fromIdx = t.indexOf(from);
          int toIdx = t.indexOf(to);
          changes.add(new LevelChange(now.ref().toString(), now.owner(), t.name(), from, to, toIdx > fromIdx));
        }
      }
    }
    this.added = add;
    this.removed = old.size();
    this.levelChanges = List.copyOf(changes);
    List<CheckChange> checks = new ArrayList<>();
    for (CheckInfo c : after.checks()) {
      if (before.checks().stream().anyMatch(b -> b.id().equals(c.id()))) {
        checks.add(new CheckChange(c.id(), c.title(), before.total().passRate(c.id()),
            after.total().passRate(c.id())));
      }
    }
    this.checkChanges = List.copyOf(checks);
    Set<String> owners = new LinkedHashSet<>();
    before.rollups(Dimension.OWNER).forEach(r -> owners.add(r.key()));
    after.rollups(Dimension.OWNER).forEach(r -> owners.add(r.key()));
    List<TeamChange> teams = new ArrayList<>();
    for (String o : owners) {
      Optional<Rollup> b = before.rollup(Dimension.OWNER, o);
      Optional<Rollup> a = after.rollup(Dimension.OWNER, o);
      teams.add(new TeamChange(o, b.map(Rollup::scorePercent).orElse(0.0), a.map(Rollup::scorePercent).orElse(0.0),
          b.map(Rollup::entities).orElse(0), a.map(Rollup::entities).orElse(0)));
    }
    teams.sort((x, y) -> Double.compare(y.delta(), x.delta()));
    this.teamChanges = List.copyOf(teams);
  }

  /**
   * {@return the comparison of an older and a newer run}
   *
   * @param older the earlier run
   * @param newer the later run
   */
  public static SnapshotDiff between(ScorecardResult older, ScorecardResult newer) {
    return new SnapshotDiff(older, newer);
  }

  /** {@return the older run} */
  public ScorecardResult before() {
    return before;
  }

  /** {@return the newer run} */
  public ScorecardResult after() {
    return after;
  }

  /** {@return every level change, in the newer run's entity order} */
  public List<LevelChange> levelChanges() {
    return levelChanges;
  }

  /** {@return the level changes upwards} */
  public List<LevelChange> movedUp() {
    return levelChanges.stream().filter(LevelChange::up).toList();
  }

  /** {@return the level changes downwards} */
  public List<LevelChange> movedDown() {
    return levelChanges.stream().filter(c -> !c.up()).toList();
  }

  /** {@return the pass-rate change of every check present in both runs} */
  public List<CheckChange> checkChanges() {
    return checkChanges;
  }

  /** {@return the checks whose pass rate fell} */
  public List<CheckChange> regressedChecks() {
    return checkChanges.stream().filter(c -> c.after() < c.before()).toList();
  }

  /** {@return score changes per owner, most improved first} */
  public List<TeamChange> teamChanges() {
    return teamChanges;
  }

  /** {@return the number of entities only in the newer run} */
  public int added() {
    return added;
  }

  /** {@return the number of entities only in the older run} */
  public int removed() {
    return removed;
  }

  /** {@return counts of the changes} */
  @Override
  public String toString() {
    return "SnapshotDiff{up=" + movedUp().size() + ", down=" + movedDown().size() + ", regressedChecks="
        + regressedChecks().size() + ", added=" + added + ", removed=" + removed + "}";
  }

  /** Holds one entity's level change in one track. */
  public static final class LevelChange {
    private final String entity;
    private final String owner;
    private final String track;
    private final String from;
    private final String to;
    private final boolean up;

    LevelChange(String entity, String owner, String track, String from, String to, boolean up) {
      this.entity = entity;
      this.owner = owner;
      this.track = track;
      this.from = from;
      this.to = to;
      this.up = up;
    }

    /** {@return the entity ref} */
    public String entity() {
      return entity;
    }

    /** {@return the entity's owner in the newer run, or an empty string} */
    public String owner() {
      return owner;
    }

    /** {@return the track} */
    public String track() {
      return track;
    }

    /** {@return the level before, {@code none} for none} */
    public String from() {
      return from;
    }

    /** {@return the level after, {@code none} for none} */
    public String to() {
      return to;
    }

    /** {@return whether the entity moved up} */
    public boolean up() {
      return up;
    }

    /** {@return for example {@code component:default/a Basics: Bronze -> Silver}} */
    @Override
    public String toString() {
      return entity + " " + track + ": " + from + " -> " + to;
    }
  }

  /** Holds one check's pass-rate change. */
  public static final class CheckChange {
    private final String checkId;
    private final String title;
    private final double before;
    private final double after;

    CheckChange(String checkId, String title, double before, double after) {
      this.checkId = checkId;
      this.title = title;
      this.before = before;
      this.after = after;
    }

    /** {@return the check id} */
    public String checkId() {
      return checkId;
    }

    /** {@return the check title} */
    public String title() {
      return title;
    }

    /** {@return the pass rate before, in percent} */
    public double before() {
      return before;
    }

    /** {@return the pass rate after, in percent} */
    public double after() {
      return after;
    }

    /** {@return the check and both rates} */
    @Override
    public String toString() {
      return checkId + ": " + before + "% -> " + after + "%";
    }
  }

  /** Holds one owner's score change. */
  public static final class TeamChange {
    private final String owner;
    private final double before;
    private final double after;
    private final int entitiesBefore;
    private final int entitiesAfter;

    TeamChange(String owner, double before, double after, int entitiesBefore, int entitiesAfter) {
      this.owner = owner;
      this.before = before;
      this.after = after;
      this.entitiesBefore = entitiesBefore;
      this.entitiesAfter = entitiesAfter;
    }

    /** {@return the owner ref} */
    public String owner() {
      return owner;
    }

    /** {@return the score percent before (0 if the owner had no entities)} */
    public double before() {
      return before;
    }

    /** {@return the score percent after (0 if the owner has no entities)} */
    public double after() {
      return after;
    }

    /** {@return after minus before, in percentage points} */
    public double delta() {
      return after - before;
    }

    /** {@return the owner's entity count before} */
    public int entitiesBefore() {
      return entitiesBefore;
    }

    /** {@return the owner's entity count after} */
    public int entitiesAfter() {
      return entitiesAfter;
    }

    /** {@return the owner and both scores} */
    @Override
    public String toString() {
      return owner + ": " + before + "% -> " + after + "%";
    }
  }
}
