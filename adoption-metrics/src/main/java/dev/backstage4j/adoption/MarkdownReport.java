package dev.backstage4j.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders Markdown (GitHub-flavoured tables). */
final class MarkdownReport {
  static final int MAX_ENTITIES = 50;

  private MarkdownReport() {}

  static String render(ScorecardResult r, SnapshotDiff diff) {
    return render(r, diff, List.of());
  }

  static String render(ScorecardResult r, SnapshotDiff diff, List<CampaignProgress> campaigns) {
    StringBuilder b = new StringBuilder();
    b.append("## Adoption scorecard: ").append(esc(r.scorecardName())).append("\n\n");
    b.append("_").append(r.total().entities()).append(" entities, generated ").append(r.generatedAt())
        .append("_\n\n");
    b.append("**Score ").append(pct(r.total().scorePercent())).append("**");
    for (Track t : r.tracks()) {
      b.append(" · ").append(esc(t.name())).append(": ");
      List<String> parts = new ArrayList<>();
      Map<String, Integer> counts = r.total().levelCounts(t.name());
      List<String> names = new ArrayList<>(counts.keySet());
      for (int i = names.size() - 1; i >= 0; i--) {
        parts.add(esc(names.get(i)) + " " + counts.get(names.get(i)));
      }
      b.append(String.join(" · ", parts));
    }
    b.append("\n\n");
    CampaignReport.markdown(b, r, campaigns);
    if (diff != null) {
      b.append("### Since ").append(diff.before().generatedAt()).append("\n\n");
      b.append("- ").append(diff.movedUp().size()).append(" level-ups, ").append(diff.movedDown().size())
          .append(" level-downs, ").append(diff.added()).append(" new and ").append(diff.removed())
          .append(" removed entities\n");
      for (SnapshotDiff.LevelChange c : diff.levelChanges()) {
        b.append("- ").append(c.up() ? "⬆️ " : "⬇️ ").append('`').append(c.entity()).append("` ")
            .append(esc(c.track())).append(": ").append(esc(c.from())).append(" → ").append(esc(c.to()))
            .append('\n');
      }
      for (SnapshotDiff.CheckChange c : diff.regressedChecks()) {
        b.append("- 🔻 check `").append(c.checkId()).append("` pass rate ").append(pct(c.before())).append(" → ")
            .append(pct(c.after())).append('\n');
      }
      b.append('\n');
    }
    b.append("### Teams\n\n| Owner | Entities | Score |");
    StringBuilder sep = new StringBuilder("|---|---:|---:|");
    for (Track t : r.tracks()) {
      for (Level l : t.levels()) {
        b.append(' ').append(esc(r.tracks().size() > 1 ? t.name() + " " + l.name() : l.name())).append(" |");
        sep.append("---:|");
      }
    }
    b.append('\n').append(sep).append('\n');
    for (Rollup x : sortedByScore(r.rollups(Dimension.OWNER))) {
      b.append("| ").append(esc(x.key())).append(" | ").append(x.entities()).append(" | ")
          .append(pct(x.scorePercent())).append(" |");
      for (Track t : r.tracks()) {
        for (Level l : t.levels()) {
          b.append(' ').append(x.levelCounts(t.name()).get(l.name())).append(" |");
        }
      }
      b.append('\n');
    }
    b.append("\n### Checks\n\n| Check | Pass rate | Failed | Exempt | How to fix |\n|---|---:|---:|---:|---|\n");
    for (CheckInfo c : r.checks()) {
      b.append("| ").append(esc(c.title())).append(" `").append(c.id()).append("` | ")
          .append(pct(r.total().passRate(c.id()))).append(" | ").append(r.total().count(c.id(), Outcome.FAILED))
          .append(" | ").append(r.total().count(c.id(), Outcome.EXEMPT)).append(" | ").append(esc(c.howToFix()))
          .append(" |\n");
    }
    List<EntityResult> failing = new ArrayList<>();
    for (EntityResult e : r.entities()) {
      if (!e.failedCheckIds().isEmpty()) {
        failing.add(e);
      }
    }
    failing.sort(worstFirst(r));
    if (!failing.isEmpty()) {
      b.append("\n### Needs attention\n\n| Entity | Owner |");
      for (Track t : r.tracks()) {
        b.append(' ').append(esc(t.name())).append(" |");
      }
      b.append(" Failing checks |\n|---|---|").append("---|".repeat(r.tracks().size())).append("---|\n");
      for (EntityResult e : failing.subList(0, Math.min(MAX_ENTITIES, failing.size()))) {
        b.append("| `").append(e.ref()).append("` | ").append(esc(e.owner().isEmpty() ? "—" : e.owner()))
            .append(" |");
        for (Track t : r.tracks()) {
          b.append(' ').append(esc(e.levelLabel(t.name()))).append(" |");
        }
        b.append(' ').append(String.join(", ", e.failedCheckIds())).append(" |\n");
      }
      if (failing.size() > MAX_ENTITIES) {
        b.append("\n_…and ").append(failing.size() - MAX_ENTITIES).append(" more (see the CSV or HTML report)_\n");
      }
    }
    b.append("\n### Exemptions\n\n");
    if (r.exemptions().isEmpty()) {
      b.append("None.\n");
    } else {
      b.append("| Entity | Check | Reason | Expires | State |\n|---|---|---|---|---|\n");
      for (Exemption x : r.exemptions()) {
        b.append("| `").append(x.entity()).append("` | `").append(x.checkId()).append("` | ")
            .append(esc(x.reason())).append(" | ").append(x.expires()).append(" | ")
            .append(x.isExpired(r.evaluatedOn()) ? "**expired** (counts as failing)" : "valid").append(" |\n");
      }
    }
    CatalogKpis k = r.kpis();
    b.append("\n### Catalog KPIs\n\n| KPI | Value |\n|---|---:|\n");
    b.append("| Entities | ").append(k.entities()).append(" |\n");
    b.append("| Owned | ").append(ratio(k.owned())).append(" |\n");
    b.append("| Owners resolving | ").append(ratio(k.ownersResolving())).append(" |\n");
    b.append("| With TechDocs | ").append(ratio(k.withDocs())).append(" |\n");
    b.append("| In a system | ").append(ratio(k.withSystem())).append(" |\n");
    b.append("| With lifecycle | ").append(ratio(k.withLifecycle())).append(" |\n");
    b.append("| Orphans | ").append(k.orphans()).append(" |\n");
    return b.toString();
  }

  /**
   * Orders entities for "needs attention": those the first track ranks come first, lowest level first, then by
   * score; entities no track ranks come last.
   */
  static java.util.Comparator<EntityResult> worstFirst(ScorecardResult r) {
    String track = r.tracks().isEmpty() ? null : r.tracks().get(0).name();
    return java.util.Comparator.<EntityResult>comparingInt(e -> track == null ? 0
            : e.ranked(track) ? e.levelIndex(track) : Integer.MAX_VALUE)
        .thenComparingDouble(EntityResult::percent)
        .thenComparing(e -> e.ref().toString());
  }

  static List<Rollup> sortedByScore(List<Rollup> in) {
    List<Rollup> out = new ArrayList<>(in);
    out.sort((a, b) -> {
      int c = Double.compare(b.scorePercent(), a.scorePercent());
      return c != 0 ? c : a.key().compareTo(b.key());
    });
    return out;
  }

  private static String ratio(Ratio r) {
    return r.total() == 0 ? "n/a" : pct(r.percent()) + " (" + r.count() + "/" + r.total() + ")";
  }

  static String pct(double d) {
    return String.format(Locale.ROOT, "%.1f%%", d);
  }

  private static String esc(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
