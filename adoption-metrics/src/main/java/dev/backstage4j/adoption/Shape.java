package dev.backstage4j.adoption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The layout shared by all results of one run: check order and tracks. */
final class Shape {
  final List<CheckInfo> checks;
  final List<Track> tracks;
  final Map<String, Integer> checkIndex = new HashMap<>();
  final Map<String, Integer> trackIndex = new HashMap<>();
  /** For each track, for each level, the indexes of its checks. */
  final int[][][] levelChecks;

  Shape(List<CheckInfo> checks, List<Track> tracks) {
    this.checks = List.copyOf(checks);
    this.tracks = List.copyOf(tracks);
    for (int i = 0; i < checks.size(); i++) {
      checkIndex.put(checks.get(i).id(), i);
    }
    levelChecks = new int[tracks.size()][][];
    for (int t = 0; t < tracks.size(); t++) {
      trackIndex.put(tracks.get(t).name(), t);
      List<Level> levels = tracks.get(t).levels();
      levelChecks[t] = new int[levels.size()][];
      for (int l = 0; l < levels.size(); l++) {
        List<String> ids = levels.get(l).checkIds();
        levelChecks[t][l] = new int[ids.size()];
        for (int k = 0; k < ids.size(); k++) {
          Integer idx = checkIndex.get(ids.get(k));
          if (idx == null) {
            throw new IllegalArgumentException("Level " + levels.get(l).name() + " of track "
                + tracks.get(t).name() + " names unknown check " + ids.get(k));
          }
          levelChecks[t][l][k] = idx;
        }
      }
    }
  }

  int check(String id) {
    Integer i = checkIndex.get(id);
    if (i == null) {
      throw new IllegalArgumentException("No check " + id + " in this scorecard; checks: " + checkIndex.keySet());
    }
    return i;
  }

  int track(String name) {
    Integer i = trackIndex.get(name);
    if (i == null) {
      throw new IllegalArgumentException("No track " + name + " in this scorecard; tracks: " + trackIndex.keySet());
    }
    return i;
  }

  /** Level index meaning "this track does not rank the entity". */
  static final int NOT_RANKED = -2;

  /** Returns, per track, the index of the highest level held (-1 for none). */
  int[] levels(byte[] outcomes) {
    int[] out = new int[levelChecks.length];
    for (int t = 0; t < levelChecks.length; t++) {
      int held = -1;
      levels:
      for (int l = 0; l < levelChecks[t].length; l++) {
        for (int c : levelChecks[t][l]) {
          if (outcomes[c] == FAILED) {
            break levels;
          }
        }
        held = l;
      }
      out[t] = held;
    }
    return out;
  }

  static final byte PASSED = 0;
  static final byte FAILED = 1;
  static final byte EXEMPT = 2;
  static final byte NOT_APPLICABLE = 3;
  private static final Outcome[] OUTCOMES = Outcome.values();

  static Outcome outcome(byte b) {
    return OUTCOMES[b];
  }
}
