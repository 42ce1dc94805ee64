package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds how one entity fared: the outcome of every check, the level held in every track, and its score.
 * Immutable.
 */
public final class EntityResult {
  private final Shape shape;
  private final EntityRef ref;
  private final String owner;
  private final String system;
  private final String domain;
  private final byte[] outcomes;
  private final int[] levels;
  private final int points;
  private final int maxPoints;

  EntityResult(Shape shape, EntityRef ref, String owner, String system, String domain, byte[] outcomes,
      int[] levels) {
    this.shape = shape;
    this.ref = ref;
    this.owner = owner;
    this.system = system;
    this.domain = domain;
    this.outcomes = outcomes;
    this.levels = levels;
    int p = 0;
    int max = 0;
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] != Shape.NOT_APPLICABLE) {
        int pts = shape.checks.get(i).points();
        max += pts;
        if (outcomes[i] != Shape.FAILED) {
          p += pts;
        }
      }
    }
    this.points = p;
    this.maxPoints = max;
  }

  /** {@return the entity's ref} */
  public EntityRef ref() {
    return ref;
  }

  /** {@return the kind, lower-cased} */
  public String kind() {
    return ref.kind().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@return the owner as a full ref string, or an empty string when the entity names none} */
  public String owner() {
    return owner;
  }

  /** {@return the system as a full ref string, or an empty string} */
  public String system() {
    return system;
  }

  /** {@return the domain as a full ref string, or an empty string when unknown} */
  public String domain() {
    return domain;
  }

  /**
   * {@return the outcome of the check}
   *
   * @param checkId the check's id
   */
  public Outcome outcome(String checkId) {
    return Shape.outcome(outcomes[shape.check(checkId)]);
  }

  /** {@return every check's outcome by check id, in scorecard order} */
  public Map<String, Outcome> outcomes() {
    Map<String, Outcome> m = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.length; i++) {
      m.put(shape.checks.get(i).id(), Shape.outcome(outcomes[i]));
    }
    return Collections.unmodifiableMap(m);
  }

  /** {@return the ids of the failed checks, in scorecard order} */
  public List<String> failedCheckIds() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == Shape.FAILED) {
        out.add(shape.checks.get(i).id());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@return the name of the highest level held in the track, or empty when the entity holds none or the track
   * does not rank it (see {@link #ranked(String)})}
   *
   * @param track the track's name
   */
  public Optional<String> level(String track) {
    int t = shape.track(track);
    int l = levels[t];
    return l < 0 ? Optional.empty() : Optional.of(shape.tracks.get(t).levels().get(l).name());
  }

  /**
   * {@return the index of the highest level held in the track (0 = lowest level), -1 for none, or -2 when the
   * track's scope leaves the entity out}
   *
   * @param track the track's name
   */
  public int levelIndex(String track) {
    return levels[shape.track(track)];
  }

  /**
   * {@return whether the track ranks this entity (it is inside the track's scope)}
   *
   * @param track the track's name
   */
  public boolean ranked(String track) {
    return levels[shape.track(track)] != Shape.NOT_RANKED;
  }

  /** {@return the level name, {@code none}, or {@code n/a} when the track does not rank the entity} */
  String levelLabel(String track) {
    return ranked(track) ? level(track).orElse("none") : "n/a";
  }

  /**
   * {@return the ids of the failed checks that stand between the entity and the given level of the track (the
   * checks of that level and every lower one), in order}
   *
   * @param track the track's name
   * @param level the level's name within the track
   */
  public List<String> missingFor(String track, String level) {
    int t = shape.track(track);
    int target = shape.tracks.get(t).indexOf(level);
    if (target < 0) {
      throw new IllegalArgumentException("Track " + track + " has no level " + level);
    }
    List<String> out = new ArrayList<>();
    for (int l = 0; l <= target; l++) {
      for (int c : shape.levelChecks[t][l]) {
        if (outcomes[c] == Shape.FAILED) {
          out.add(shape.checks.get(c).id());
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@return the points earned: the points of passed and exempt checks} */
  public int points() {
    return points;
  }

  /** {@return the points available: the points of every applicable check} */
  public int maxPoints() {
    return maxPoints;
  }

  /** {@return points as a percentage of maxPoints (100 when no check applies)} */
  public double percent() {
    return maxPoints == 0 ? 100.0 : 100.0 * points / maxPoints;
  }

  byte[] rawOutcomes() {
    return outcomes;
  }

  int[] rawLevels() {
    return levels;
  }

  /** {@return the ref, levels and score} */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("EntityResult{").append(ref);
    for (int t = 0; t < levels.length; t++) {
      String name = shape.tracks.get(t).name();
      b.append(", ").append(name).append('=').append(levelLabel(name));
    }
    return b.append(", ").append(points).append('/').append(maxPoints).append('}').toString();
  }
}
