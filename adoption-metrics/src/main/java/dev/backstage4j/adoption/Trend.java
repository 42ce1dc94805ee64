package dev.backstage4j.adoption;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the series of many runs, oldest first: the overall score, how many entities hold at least each level,
 * and each owner's score. Immutable.
 */
public final class Trend {
  private final List<Instant> times;
  private final List<Double> scores;
  private final List<Integer> entityCounts;
  private final Map<String, List<Integer>> atLeast;
  private final Map<String, List<Double>> ownerScores;

  private Trend(List<Instant> times, List<Double> scores, List<Integer> entityCounts,
      Map<String, List<Integer>> atLeast, Map<String, List<Double>> ownerScores) {
    this.times = List.copyOf(times);
    this.scores = List.copyOf(scores);
    this.entityCounts = List.copyOf(entityCounts);
    this.atLeast = Collections.unmodifiableMap(atLeast);
    this.ownerScores = Collections.unmodifiableMap(ownerScores);
  }

  /**
   * {@return the trend of the runs, sorted by time}
   *
   * @param runs the runs, in any order
   */
  public static Trend of(List<ScorecardResult> runs) {
    List<ScorecardResult> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> a.generatedAt().compareTo(b.generatedAt()));
    List<Instant> times = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    Map<String, List<Integer>> atLeast = new LinkedHashMap<>();
    Map<String, List<Double>> owners = new TreeMap<>();
    for (ScorecardResult r : sorted) {
      for (Rollup o : r.rollups(Dimension.OWNER)) {
        owners.putIfAbsent(o.key(), new ArrayList<>());
      }
    }
    for (ScorecardResult r : sorted) {
      times.add(r.generatedAt());
      scores.add(r.total().scorePercent());
      counts.add(r.total().entities());
      for (Track t : r.tracks()) {
        for (Level l : t.levels()) {
          String key = t.name() + " / " + l.name();
          List<Integer> series = atLeast.computeIfAbsent(key, k -> new ArrayList<>());
          while (series.size() < times.size() - 1) {
            series.add(0);
          }
          series.add(r.total().atLeast(t.name(), l.name()));
        }
      }
      for (Map.Entry<String, List<Double>> o : owners.entrySet()) {
        o.getValue().add(r.rollup(Dimension.OWNER, o.getKey()).map(Rollup::scorePercent).orElse(0.0));
      }
    }
    atLeast.values().forEach(s -> {
      while (s.size() < times.size()) {
        s.add(0);
      }
    });
    Map<String, List<Integer>> frozenLevels = new LinkedHashMap<>();
    atLeast.forEach((k, v) -> frozenLevels.put(k, List.copyOf(v)));
    Map<String, List<Double>> frozenOwners = new TreeMap<>();
    owners.forEach((k, v) -> frozenOwners.put(k, List.copyOf(v)));
    return new Trend(times, scores, counts, frozenLevels, frozenOwners);
  }

  /** {@return the run times, oldest first} */
  public List<Instant> times() {
    return times;
  }

  /** {@return the overall score percent per run} */
  public List<Double> scores() {
    return scores;
  }

  /** {@return the number of entities evaluated per run} */
  public List<Integer> entityCounts() {
    return entityCounts;
  }

  /**
   * Returns, per "track / level", how many entities held at least that level in each run.
   *
   * @return per "track / level", the count of entities at or above it, one per run, oldest first
   */
  public Map<String, List<Integer>> atLeast() {
    return atLeast;
  }

  /** {@return each owner's score percent per run (0 where the owner had no entities)} */
  public Map<String, List<Double>> ownerScores() {
    return ownerScores;
  }

  /** {@return the number of runs} */
  @Override
  public String toString() {
    return "Trend{runs=" + times.size() + "}";
  }
}
