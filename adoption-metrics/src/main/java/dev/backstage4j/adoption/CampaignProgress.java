package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures a {@link Campaign} over scorecard runs (the latest run and saved {@link Snapshots}): done and remaining
 * overall and per team, one burn-down point per run, and a {@link CampaignStatus}. Immutable.
 *
 * <p>Which entities are in the campaign is decided on today's catalog ({@link Campaign#covers(Entity)}); every run
 * is then judged over those entities, so the burn-down shows how the current scope got where it is. An entity
 * whose target does not apply (a track that does not rank it) is left out. Runs that kept no entity results are
 * skipped.
 *
 * <p><b>Status rule</b>, judged on the clock's day (UTC):
 * <ol>
 *   <li>{@code DONE} when nothing remains;
 *   <li>{@code LATE} when the deadline has passed and something remains;
 *   <li>{@code ON_TRACK} before the start day;
 *   <li>otherwise the trend decides: the pace is the entities done per day between the baseline run (the last
 *       one on or before the start day, else the first) and the latest run, when they are at least a day apart;
 *       {@code ON_TRACK} when done + pace × time left until the end of the deadline day covers every entity,
 *       else {@code AT_RISK}. Without such a pair of runs, {@code ON_TRACK} when the share done is at least the
 *       share of the campaign's days elapsed, else {@code AT_RISK}.
 * </ol>
 */
public final class CampaignProgress {
  private final Campaign campaign;
  private final LocalDate today;
  private final int done;
  private final int remaining;
  private final List<Point> burnDown;
  private final List<Team> teams;
  private final CampaignStatus status;

  private CampaignProgress(Campaign campaign, LocalDate today, int done, int remaining, List<Point> burnDown,
      List<Team> teams, CampaignStatus status) {
    this.campaign = campaign;
    this.today = today;
    this.done = done;
    this.remaining = remaining;
    this.burnDown = List.copyOf(burnDown);
    this.teams = List.copyOf(teams);
    this.status = status;
  }

  /** One run on the burn-down: when, and how many entities met the target and how many did not. */
  public record Point(Instant time, int done, int remaining) {}

  /**
   * One team's share of the latest run: done, remaining, the entities still missing the target, and the fixes
   * they need (check id → how many of those entities fail it, most common first).
   */
  public record Team(String owner, int done, int remaining, List<String> missing, Map<String, Integer> fixes) {
    /**
     * Copies the collections.
     *
     * @param owner the team's owner ref
     * @param done how many of the team's entities meet the target
     * @param remaining how many do not yet
     * @param missing the refs of the entities that do not meet the target
     * @param fixes per check id, how many of the team's entities still fail it
     */
    public Team {
      missing = List.copyOf(missing);
      fixes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixes));
    }

    /** {@return done as a percentage of the team's entities in the campaign (100 for none)} */
    public double percent() {
      return done + remaining == 0 ? 100.0 : 100.0 * done / (done + remaining);
    }
  }

  /**
   * Measures the campaign.
   *
   * @param runs scorecard runs with entity results, in any order; the latest is "now"
   * @param catalog today's entities, to decide which are in the campaign
   * @param clock decides today and the time left
   * @param campaign the campaign to measure
   * @return the campaign's progress
   * @throws IllegalArgumentException if there is no run, or the campaign names a track, level or check the runs
   *     do not have
   */
  public static CampaignProgress of(Campaign campaign, List<ScorecardResult> runs, Iterable<Entity> catalog,
      Clock clock) {
    Objects.requireNonNull(campaign, "campaign");
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("Campaign " + campaign.id() + ": no scorecard run to measure");
    }
    Set<String> members = new HashSet<>();
    for (Entity e : catalog) {
      if (campaign.covers(e)) {
        members.add(e.ref().toString());
      }
    }
    List<ScorecardResult> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing(ScorecardResult::generatedAt));
    ScorecardResult latest = sorted.get(sorted.size() - 1);
    Set<String> ids = new HashSet<>();
    latest.checks().forEach(c -> ids.add(c.id()));
    campaign.validateAgainst(latest.tracks(), ids);
    List<Point> points = new ArrayList<>();
    for (ScorecardResult run : sorted) {
      if (run.entities().isEmpty() && run.total().entities() > 0) {
        continue;
      }
      int d = 0;
      int r = 0;
      for (EntityResult e : run.entities()) {
        Boolean meets = members.contains(e.ref().toString()) ? campaign.meets(e) : null;
        if (meets != null) {
          if (meets) {
            d++;
          } else {
            r++;
          }
        }
      }
      points.add(new Point(run.generatedAt(), d, r));
    }
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, List<String>> missing = new TreeMap<>();
    Map<String, Map<String, Integer>> fixes = new TreeMap<>();
    for (EntityResult e : latest.entities()) {
      Boolean meets = members.contains(e.ref().toString()) ? campaign.meets(e) : null;
      if (meets == null) {
        continue;
      }
      String owner = e.owner().isEmpty() ? "(none)" : e.owner();
      int[] c = counts.computeIfAbsent(owner, k -> new int[2]);
      if (meets) {
        c[0]++;
      } else {
        c[1]++;
        missing.computeIfAbsent(owner, k -> new ArrayList<>()).add(e.ref().toString());
        Map<String, Integer> f = fixes.computeIfAbsent(owner, k -> new LinkedHashMap<>());
        campaign.missing(e).forEach(id -> f.merge(id, 1, Integer::sum));
      }
    }
    List<Team> teams = new ArrayList<>();
    counts.forEach((owner, c) -> {
      Map<String, Integer> sortedFixes = new LinkedHashMap<>();
      fixes.getOrDefault(owner, Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(x -> sortedFixes.put(x.getKey(), x.getValue()));
      teams.add(new Team(owner, c[0], c[1], missing.getOrDefault(owner, List.of()), sortedFixes));
    });
    teams.sort(Comparator.comparingInt(Team::remaining).reversed().thenComparingDouble(Team::percent));
    Point now = points.isEmpty() ? new Point(latest.generatedAt(), 0, 0) : points.get(points.size() - 1);
    Instant instant = clock.instant();
    CampaignStatus status = status(campaign, points, now, instant);
    return new CampaignProgress(campaign, LocalDate.ofInstant(instant, ZoneOffset.UTC), now.done(),
        now.remaining(), points, teams, status);
  }

  private static CampaignStatus status(Campaign c, List<Point> points, Point now, Instant instant) {
    LocalDate today = LocalDate.ofInstant(instant, ZoneOffset.UTC);
    if (now.remaining() == 0) {
      return CampaignStatus.DONE;
    }
    if (today.isAfter(c.deadline())) {
      return CampaignStatus.LATE;
    }
    if (today.isBefore(c.start())) {
      return CampaignStatus.ON_TRACK;
    }
    Instant startOfCampaign = c.start().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = c.deadline().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Point baseline = points.get(0);
    for (Point p : points) {
      if (!p.time().isAfter(startOfCampaign.plus(Duration.ofDays(1)))) {
        baseline = p;
      }
    }
    double days = Duration.between(baseline.time(), now.time()).toSeconds() / 86_400.0;
    int total = now.done() + now.remaining();
    if (days >= 1) {
      double pace = (now.done() - baseline.done()) / days;
      double left = Math.max(0, Duration.between(instant, end).toSeconds() / 86_400.0);
      return now.done() + pace * left >= total ? CampaignStatus.ON_TRACK : CampaignStatus.AT_RISK;
    }
    double elapsed = Duration.between(startOfCampaign, instant).toSeconds()
        / (double) Duration.between(startOfCampaign, end).toSeconds();
    return (double) now.done() / total >= elapsed ? CampaignStatus.ON_TRACK : CampaignStatus.AT_RISK;
  }

  /** {@return the campaign measured} */
  public Campaign campaign() {
    return campaign;
  }

  /** {@return the status by the rule in the class documentation} */
  public CampaignStatus status() {
    return status;
  }

  /** {@return the entities meeting the target in the latest run} */
  public int done() {
    return done;
  }

  /** {@return the entities still missing the target in the latest run} */
  public int remaining() {
    return remaining;
  }

  /** {@return the entities in the campaign the latest run judged} */
  public int total() {
    return done + remaining;
  }

  /** {@return done as a percentage of the total (100 when the campaign covers nothing)} */
  public double percent() {
    return total() == 0 ? 100.0 : 100.0 * done / total();
  }

  /** {@return days from today to the deadline: 0 on the deadline day, negative after it} */
  public long daysLeft() {
    return ChronoUnit.DAYS.between(today, campaign.deadline());
  }

  /** {@return whether today is on or after the start day} */
  public boolean started() {
    return !today.isBefore(campaign.start());
  }

  /** {@return one point per run with entity results, oldest first} */
  public List<Point> burnDown() {
    return burnDown;
  }

  /** {@return every team with entities in the campaign, furthest behind first (most remaining)} */
  public List<Team> teams() {
    return teams;
  }

  /**
   * Returns the progress as plain data in a fixed key order, exactly as the JSON report writes each campaign (id,
   * title, owner, target, start, deadline, daysLeft, status, done, remaining, percent, burnDown, teams).
   *
   * @return maps, lists, strings and numbers, ready for any JSON writer
   */
  public Map<String, Object> toData() {
    return CampaignReport.data(this);
  }

  /** {@return id, status and counts} */
  @Override
  public String toString() {
    return "CampaignProgress{" + campaign.id() + " " + status + ", " + done + "/" + total() + ", " + daysLeft()
        + " days left}";
  }
}
