package dev.backstage4j.adoption;

/** Accumulates one roll-up during a run. Not thread-safe. */
final class Tally {
  private final Shape shape;
  private final Dimension dimension;
  private final String key;
  private int entities;
  private final int[][] levelCounts;
  private final int[][] checkCounts;
  private long points;
  private long maxPoints;

  Tally(Shape shape, Dimension dimension, String key) {
    this.shape = shape;
    this.dimension = dimension;
    this.key = key;
    levelCounts = new int[shape.tracks.size()][];
    for (int t = 0; t < levelCounts.length; t++) {
      levelCounts[t] = new int[shape.tracks.get(t).levels().size() + 1];
    }
    checkCounts = new int[shape.checks.size()][4];
  }

  void add(EntityResult r) {
    entities++;
    int[] levels = r.rawLevels();
    for (int t = 0; t < levels.length; t++) {
      if (levels[t] != Shape.NOT_RANKED) {
        levelCounts[t][levels[t] + 1]++;
      }
    }
    byte[] outcomes = r.rawOutcomes();
    for (int c = 0; c < outcomes.length; c++) {
      checkCounts[c][outcomes[c]]++;
    }
    points += r.points();
    maxPoints += r.maxPoints();
  }

  Rollup freeze() {
    return new Rollup(shape, dimension, key, entities, levelCounts, checkCounts, points, maxPoints);
  }
}
