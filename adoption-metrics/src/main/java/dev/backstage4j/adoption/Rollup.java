package dev.backstage4j.adoption;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds totals for a group of entities (one owner, system, domain or kind, or the whole run): how many hold each
 * level, how many pass each check, and the summed score. Immutable.
 *
 * <p>Definitions: a check's pass rate is (passed + exempt) / (passed + exempt + failed) — entities the check does
 * not apply to are left out; the score percent is earned points / available points over the group.
 */
public final class Rollup {
  private final Shape shape;
  private final Dimension dimension;
  private final String key;
  private final int entities;
  private final int[][] levelCounts;
  private final int[][] checkCounts;
  private final long points;
  private final long maxPoints;

  Rollup(Shape shape, Dimension dimension, String key, int entities, int[][] levelCounts, int[][] checkCounts,
      long points, long maxPoints) {
    this.shape = shape;
    this.dimension = dimension;
    this.key = key;
    this.entities = entities;
    this.levelCounts = levelCounts;
    this.checkCounts = checkCounts;
    this.points = points;
    this.maxPoints = maxPoints;
  }

  /** {@return what this roll-up groups by, or null for the whole-run total} */
  public Dimension dimension() {
    return dimension;
  }

  /** {@return the group key, for example {@code group:default/web-team}; {@code (none)} for entities without one} */
  public String key() {
    return key;
  }

  /** {@return the number of entities in the group} */
  public int entities() {
    return entities;
  }

  /**
   * {@return how many entities hold each level of the track as their highest, lowest first, starting with the
   * entry {@code "none"} for entities below the first level}
   *
   * @param track the track's name
   */
  public Map<String, Integer> levelCounts(String track) {
    int t = shape.track(track);
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("none", levelCounts[t][0]);
    for (int l = 0; l < shape.tracks.get(t).levels().size(); l++) {
      m.put(shape.tracks.get(t).levels().get(l).name(), levelCounts[t][l + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * {@return how many entities hold at least the given level of the track}
   *
   * @param track the track's name
   * @param level the level's name within the track
   */
  public int atLeast(String track, String level) {
    int t = shape.track(track);
    int idx = shape.tracks.get(t).indexOf(level);
    if (idx < 0) {
      throw new IllegalArgumentException("Track " + track + " has no level " + level);
    }
    int n = 0;
    for (int l = idx + 1; l < levelCounts[t].length; l++) {
      n += levelCounts[t][l];
    }
    return n;
  }

  /**
   * {@return how many entities got the outcome on the check}
   *
   * @param checkId the check's id
   * @param outcome the outcome to count
   */
  public int count(String checkId, Outcome outcome) {
    return checkCounts[shape.check(checkId)][outcome.ordinal()];
  }

  /**
   * {@return the check's pass rate in percent (see the class definition); 100 when it applies to none}
   *
   * @param checkId the check's id
   */
  public double passRate(String checkId) {
    int[] c = checkCounts[shape.check(checkId)];
    int applicable = c[0] + c[1] + c[2];
    return applicable == 0 ? 100.0 : 100.0 * (c[0] + c[2]) / applicable;
  }

  /** {@return the earned points summed over the group} */
  public long points() {
    return points;
  }

  /** {@return the available points summed over the group} */
  public long maxPoints() {
    return maxPoints;
  }

  /** {@return earned points as a percentage of available points (100 when none are available)} */
  public double scorePercent() {
    return maxPoints == 0 ? 100.0 : 100.0 * points / maxPoints;
  }

  int[][] rawLevelCounts() {
    return levelCounts;
  }

  int[][] rawCheckCounts() {
    return checkCounts;
  }

  /** {@return the key, size and score} */
  @Override
  public String toString() {
    return "Rollup{" + (dimension == null ? "total" : dimension + "=" + key) + ", entities=" + entities
        + ", score=" + String.format(java.util.Locale.ROOT, "%.1f", scorePercent()) + "%}";
  }
}
