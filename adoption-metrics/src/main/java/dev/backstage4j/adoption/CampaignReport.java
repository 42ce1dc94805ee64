package dev.backstage4j.adoption;

import static dev.backstage4j.adoption.HtmlReport.h;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@link CampaignProgress} in every report format: data for JSON, Markdown, CSV and an HTML section. */
final class CampaignReport {
  private static final int MAX_TEAMS = 5;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private CampaignReport() {}

  /** The campaign as plain data, in a fixed order (JSON report, CLI). */
  static Map<String, Object> data(CampaignProgress p) {
    Campaign c = p.campaign();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("owner", c.owner());
    m.put("target", c.targetDescription());
    m.put("start", c.start().toString());
    m.put("deadline", c.deadline().toString());
    m.put("daysLeft", p.daysLeft());
    m.put("status", p.status().name());
    m.put("done", p.done());
    m.put("remaining", p.remaining());
    m.put("percent", Math.round(p.percent() * 10) / 10.0);
    List<Object> points = new ArrayList<>();
    p.burnDown().forEach(x -> points.add(Map.of("time", x.time().toString(), "done", x.done(),
        "remaining", x.remaining())));
    m.put("burnDown", points);
    List<Object> teams = new ArrayList<>();
    for (CampaignProgress.Team t : p.teams()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("owner", t.owner());
      tm.put("done", t.done());
      tm.put("remaining", t.remaining());
      tm.put("missing", t.missing());
      tm.put("fixes", t.fixes());
      teams.add(tm);
    }
    m.put("teams", teams);
    return m;
  }

  /** One Markdown section per campaign: headline, status, and the teams furthest behind with their fixes. */
  static void markdown(StringBuilder b, ScorecardResult r, List<CampaignProgress> campaigns) {
    for (CampaignProgress p : campaigns) {
      Campaign c = p.campaign();
      b.append("### Campaign: ").append(c.title()).append(" (").append(c.id()).append(")\n\n");
      b.append("**").append(p.status()).append("** · ").append(p.done()).append('/').append(p.total())
          .append(" at ").append(c.targetDescription()).append(" (").append(MarkdownReport.pct(p.percent()))
          .append(") · deadline ").append(c.deadline()).append(", ").append(daysLeft(p)).append("\n\n");
      List<CampaignProgress.Team> behind = behind(p);
      if (!behind.isEmpty()) {
        b.append("| Team | Done | Remaining | Fix next |\n|---|---:|---:|---|\n");
        for (CampaignProgress.Team t : behind) {
          b.append("| ").append(t.owner()).append(" | ").append(t.done()).append(" | ").append(t.remaining())
              .append(" | ").append(String.join("; ", fixes(r, t))).append(" |\n");
        }
        b.append('\n');
      }
    }
  }

  /** CSV: one row per campaign and team. */
  static String csv(List<CampaignProgress> campaigns) {
    StringBuilder b = new StringBuilder("campaign,status,deadline,daysLeft,owner,done,remaining,fixes\n");
    for (CampaignProgress p : campaigns) {
      for (CampaignProgress.Team t : p.teams()) {
        List<String> fixes = new ArrayList<>();
        t.fixes().forEach((id, n) -> fixes.add(id + "=" + n));
        b.append(CsvReport.q(p.campaign().id())).append(',').append(p.status()).append(',')
            .append(p.campaign().deadline()).append(',').append(p.daysLeft()).append(',').append(CsvReport.q(t.owner()))
            .append(',').append(t.done()).append(',').append(t.remaining()).append(',')
            .append(CsvReport.q(String.join(" ", fixes))).append('\n');
      }
    }
    return b.toString();
  }

  /** The HTML section: per campaign a status line, a burn-down chart and the teams furthest behind. */
  static void html(StringBuilder b, ScorecardResult r, List<CampaignProgress> campaigns) {
    for (CampaignProgress p : campaigns) {
      Campaign c = p.campaign();
      b.append("<section class=\"card\"><h2>Campaign: ").append(h(c.title())).append(" <span class=\"muted\">· ")
          .append(h(c.targetDescription())).append(" by ").append(c.deadline()).append(" · run by ")
          .append(h(c.owner())).append("</span></h2>");
      b.append("<p><span class=\"pill ").append(statusClass(p.status())).append("\">")
          .append(p.status().name().replace('_', ' ')).append("</span> <b>").append(p.done()).append(" of ")
          .append(p.total()).append("</b> done (").append(HtmlReport.pct(p.percent())).append(") · ")
          .append(p.remaining()).append(" remaining · ").append(h(daysLeft(p))).append("</p>");
      burnDown(b, p);
      List<CampaignProgress.Team> behind = behind(p);
      if (!behind.isEmpty()) {
        b.append("<table><thead><tr><th>Furthest behind</th><th class=\"num\">Done</th>")
            .append("<th class=\"num\">Remaining</th><th>Fix next</th></tr></thead><tbody>");
        for (CampaignProgress.Team t : behind) {
          b.append("<tr><td>").append(h(t.owner())).append("</td><td class=\"num\">").append(t.done())
              .append("</td><td class=\"num\"><b>").append(t.remaining()).append("</b></td><td>");
          for (Map.Entry<String, Integer> f : t.fixes().entrySet()) {
            CheckInfo info = r.check(f.getKey());
            b.append("<span class=\"chip\" title=\"").append(h(info.howToFix())).append("\">")
                .append(h(info.title())).append(" × ").append(f.getValue()).append("</span>");
          }
          b.append("</td></tr>");
        }
        b.append("</tbody></table>");
      }
      b.append("</section>\n");
    }
  }

  /** Remaining entities over time from start to deadline, with the ideal line. */
  private static void burnDown(StringBuilder b, CampaignProgress p) {
    int w = 900;
    int hgt = 220;
    int left = 50;
    int right = 150;
    int top = 14;
    int bottom = 34;
    double plotW = w - left - right;
    double plotH = hgt - top - bottom;
    Campaign c = p.campaign();
    Instant from = c.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = c.deadline().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (CampaignProgress.Point x : p.burnDown()) {
      from = x.time().isBefore(from) ? x.time() : from;
      to = x.time().isAfter(to) ? x.time() : to;
    }
    int max = 1;
    for (CampaignProgress.Point x : p.burnDown()) {
      max = Math.max(max, x.done() + x.remaining());
    }
    double span = Math.max(1, Duration.between(from, to).toSeconds());
    b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(hgt)
        .append("\" role=\"img\" aria-label=\"burn-down\">");
    for (int i = 0; i <= 4; i++) {
      int v = Math.round(max * i / 4f);
      double y = top + plotH * (1 - (double) v / max);
      b.append("<line x1=\"").append(left).append("\" x2=\"").append(HtmlReport.f(left + plotW))
          .append("\" y1=\"").append(HtmlReport.f(y)).append("\" y2=\"").append(HtmlReport.f(y))
          .append("\" class=\"grid\"/><text x=\"").append(left - 8).append("\" y=\"").append(HtmlReport.f(y + 4))
          .append("\" text-anchor=\"end\" class=\"axis\">").append(v).append("</text>");
    }
    Instant start = c.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = c.deadline().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    double xs = left + plotW * Duration.between(from, start).toSeconds() / span;
    double xe = left + plotW * Duration.between(from, end).toSeconds() / span;
    int total = p.total();
    b.append("<line x1=\"").append(HtmlReport.f(xs)).append("\" y1=\"")
        .append(HtmlReport.f(top + plotH * (1 - (double) total / max))).append("\" x2=\"")
        .append(HtmlReport.f(xe)).append("\" y2=\"").append(HtmlReport.f(top + plotH))
        .append("\" stroke=\"#9fb0c6\" stroke-width=\"2\" stroke-dasharray=\"6 5\"/>");
    b.append("<text x=\"").append(HtmlReport.f(xs)).append("\" y=\"").append(hgt - 12)
        .append("\" text-anchor=\"middle\" class=\"axis\">").append(DAY.format(start)).append("</text>")
        .append("<text x=\"").append(HtmlReport.f(xe)).append("\" y=\"").append(hgt - 12)
        .append("\" text-anchor=\"middle\" class=\"axis\">deadline ").append(DAY.format(c.deadline()
            .atStartOfDay(ZoneOffset.UTC).toInstant())).append("</text>");
    StringBuilder pts = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (CampaignProgress.Point x : p.burnDown()) {
      double px = left + plotW * Duration.between(from, x.time()).toSeconds() / span;
      double py = top + plotH * (1 - (double) x.remaining() / max);
      pts.append(HtmlReport.f(px)).append(',').append(HtmlReport.f(py)).append(' ');
      dots.append("<circle cx=\"").append(HtmlReport.f(px)).append("\" cy=\"").append(HtmlReport.f(py))
          .append("\" r=\"4\" fill=\"#2b56c4\"><title>").append(DAY.format(x.time())).append(": ")
          .append(x.remaining()).append(" remaining</title></circle>");
    }
    b.append("<polyline fill=\"none\" stroke=\"#2b56c4\" stroke-width=\"3\" stroke-linejoin=\"round\" points=\"")
        .append(pts.toString().trim()).append("\"/>").append(dots);
    b.append("<rect x=\"").append(w - right + 16).append("\" y=\"20\" width=\"14\" height=\"4\" rx=\"2\" ")
        .append("fill=\"#2b56c4\"/><text x=\"").append(w - right + 36).append("\" y=\"26\" class=\"lbl\">Remaining")
        .append("</text><rect x=\"").append(w - right + 16).append("\" y=\"40\" width=\"14\" height=\"4\" rx=\"2\" ")
        .append("fill=\"#9fb0c6\"/><text x=\"").append(w - right + 36).append("\" y=\"46\" class=\"lbl\">Ideal")
        .append("</text></svg>");
  }

  /** Teams with something remaining, furthest behind first, at most {@value #MAX_TEAMS}. */
  static List<CampaignProgress.Team> behind(CampaignProgress p) {
    List<CampaignProgress.Team> out = new ArrayList<>();
    for (CampaignProgress.Team t : p.teams()) {
      if (t.remaining() > 0 && out.size() < MAX_TEAMS) {
        out.add(t);
      }
    }
    return out;
  }

  /** "Has TechDocs × 3: Add the annotation ..." per fix. */
  static List<String> fixes(ScorecardResult r, CampaignProgress.Team t) {
    List<String> out = new ArrayList<>();
    t.fixes().forEach((id, n) -> {
      CheckInfo c = r.check(id);
      out.add(c.title() + " × " + n + ": " + c.howToFix());
    });
    return out;
  }

  static String daysLeft(CampaignProgress p) {
    long d = p.daysLeft();
    if (!p.started()) {
      return "starts " + p.campaign().start();
    }
    return d > 1 ? d + " days left" : d == 1 ? "1 day left" : d == 0 ? "deadline today" : -d + " days past deadline";
  }

  private static String statusClass(CampaignStatus s) {
    return s == CampaignStatus.DONE || s == CampaignStatus.ON_TRACK ? "ok" : s == CampaignStatus.AT_RISK ? "warn"
        : "bad";
  }
}
