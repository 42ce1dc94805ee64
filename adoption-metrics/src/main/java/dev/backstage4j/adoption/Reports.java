package dev.backstage4j.adoption;

import java.util.List;

/**
 * Renders results as JSON, Markdown, CSV and a self-contained HTML page. All methods are pure functions of their
 * arguments and return text; write it where you like.
 *
 * <pre>{@code
 * Files.writeString(Path.of("adoption.html"), Reports.html(result, Snapshots.loadAll(dir)));
 * }</pre>
 */
public final class Reports {
  private Reports() {}

  /**
   * {@return the result as JSON in the stable schema described in the module README (same as a snapshot)}
   *
   * @param result the run to write
   */
  public static String json(ScorecardResult result) {
    return result.toJson();
  }

  /**
   * Returns a Markdown summary for a PR comment or wiki page: headline score and levels, per-team table, check
   * pass rates, entities with failing checks (at most 50), exemptions and catalog KPIs.
   *
   * @param result the run to summarise
   * @return the Markdown text
   */
  public static String markdown(ScorecardResult result) {
    return MarkdownReport.render(result, null);
  }

  /**
   * {@return the Markdown summary of the newer run followed by what changed since the older one}
   *
   * @param diff the older and newer run
   */
  public static String markdown(SnapshotDiff diff) {
    return MarkdownReport.render(diff.after(), diff);
  }

  /**
   * Returns one CSV row per entity: {@code ref,kind,owner,system,domain}, the level per track, {@code points,
   * maxPoints,percent}, then one column per check holding {@code passed}, {@code failed}, {@code exempt} or
   * {@code notApplicable}. RFC 4180 quoting, header row first, {@code \n} line ends.
   *
   * @param result the run; must have kept its entity results for rows to appear
   * @return the CSV text
   */
  public static String csv(ScorecardResult result) {
    return CsvReport.entities(result);
  }

  /**
   * Returns one CSV row per roll-up key of the dimension: {@code key,entities,points,maxPoints,scorePercent},
   * the count per level per track ({@code <track>:<level>}), then the pass rate per check.
   *
   * @param result the run
   * @param dimension what to roll up by, e.g. owner or system
   * @return the CSV text
   */
  public static String csv(ScorecardResult result, Dimension dimension) {
    return CsvReport.rollups(result, dimension);
  }

  /**
   * {@return a self-contained HTML page (inline CSS and SVG, no scripts, works offline) for one run}
   *
   * @param result the run to show
   */
  public static String html(ScorecardResult result) {
    return HtmlReport.render(result, List.of(), null, List.of());
  }

  /**
   * Returns a self-contained HTML page for the latest run with trend lines over the history (snapshots, oldest
   * first; the latest run is added if missing) and, when given, template usage.
   *
   * @param templates template KPIs to show, or null
   * @param result the latest run
   * @param history earlier runs (snapshots), oldest first; may be empty
   * @return the HTML page
   */
  public static String html(ScorecardResult result, List<ScorecardResult> history, TemplateKpis templates) {
    return HtmlReport.render(result, history, templates, List.of());
  }

  /**
   * Returns the HTML page with a section per campaign after the headline tiles: status, done and remaining, a
   * burn-down chart (remaining per run against the ideal line from start to deadline) and the teams furthest
   * behind with the fixes they need.
   *
   * @param templates template KPIs to show, or null
   * @param result the latest run
   * @param history earlier runs (snapshots), oldest first; may be empty
   * @param campaigns the measured campaigns to show; may be empty
   * @return the HTML page
   */
  public static String html(ScorecardResult result, List<ScorecardResult> history, TemplateKpis templates,
      List<CampaignProgress> campaigns) {
    return HtmlReport.render(result, history, templates, campaigns);
  }

  /**
   * {@return the result JSON with a {@code campaigns} array: status, counts, burn-down and teams of each}
   *
   * @param result the run to write
   * @param campaigns the measured campaigns to add; may be empty
   */
  public static String json(ScorecardResult result, List<CampaignProgress> campaigns) {
    return ResultJson.write(result, campaigns);
  }

  /**
   * {@return the Markdown summary with a section per campaign after the headline}
   *
   * @param result the run to summarise
   * @param campaigns the measured campaigns to add; may be empty
   */
  public static String markdown(ScorecardResult result, List<CampaignProgress> campaigns) {
    return MarkdownReport.render(result, null, campaigns);
  }

  /**
   * Returns one CSV row per campaign and team: {@code campaign,status,deadline,daysLeft,owner,done,remaining,
   * fixes}, fixes as {@code check=count} separated by spaces.
   *
   * @param campaigns the measured campaigns
   * @return the CSV text
   */
  public static String csv(List<CampaignProgress> campaigns) {
    return CampaignReport.csv(campaigns);
  }
}
