package dev.backstage4j.adoption;

import java.util.Locale;
import java.util.Map;

/** Renders CSV (RFC 4180 quoting). */
final class CsvReport {
  private static final String[] OUTCOMES = {"passed", "failed", "exempt", "notApplicable"};

  private CsvReport() {}

  static String entities(ScorecardResult r) {
    StringBuilder b = new StringBuilder("ref,kind,owner,system,domain");
    for (Track t : r.tracks()) {
      b.append(',').append(q(t.name()));
    }
    b.append(",points,maxPoints,percent");
    for (CheckInfo c : r.checks()) {
      b.append(',').append(q(c.id()));
    }
    b.append('\n');
    for (EntityResult e : r.entities()) {
      b.append(q(e.ref().toString())).append(',').append(q(e.kind())).append(',').append(q(e.owner())).append(',')
          .append(q(e.system())).append(',').append(q(e.domain()));
      for (Track t : r.tracks()) {
        b.append(',').append(q(e.levelLabel(t.name())));
      }
      b.append(',').append(e.points()).append(',').append(e.maxPoints()).append(',').append(pct(e.percent()));
      for (byte o : e.rawOutcomes()) {
        b.append(',').append(OUTCOMES[o]);
      }
      b.append('\n');
    }
    return b.toString();
  }

  static String rollups(ScorecardResult r, Dimension d) {
    StringBuilder b = new StringBuilder("key,entities,points,maxPoints,scorePercent");
    for (Track t : r.tracks()) {
      b.append(',').append(q(t.name() + ":none"));
      for (Level l : t.levels()) {
        b.append(',').append(q(t.name() + ":" + l.name()));
      }
    }
    for (CheckInfo c : r.checks()) {
      b.append(',').append(q(c.id()));
    }
    b.append('\n');
    for (Rollup x : r.rollups(d)) {
      b.append(q(x.key())).append(',').append(x.entities()).append(',').append(x.points()).append(',')
          .append(x.maxPoints()).append(',').append(pct(x.scorePercent()));
      for (Track t : r.tracks()) {
        for (Map.Entry<String, Integer> c : x.levelCounts(t.name()).entrySet()) {
          b.append(',').append(c.getValue());
        }
      }
      for (CheckInfo c : r.checks()) {
        b.append(',').append(pct(x.passRate(c.id())));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String pct(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  static String q(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
