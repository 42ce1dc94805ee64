package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.EntityRef;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds what changed for owners between two scorecard runs: entities that dropped or rose a level (one nudge to
 * the entity's owner, naming the fixes) and campaigns that started, came within {@value #NEAR_DEADLINE_DAYS}
 * days of the deadline, or ended between the two runs (one nudge per team in the campaign; near the deadline
 * only teams with work left). Days are UTC days of the runs' times. {@link #digest} adds an optional weekly summary
 * per team.
 *
 * <p>Scopes are stable per subject, so sending the same nudges twice updates instead of duplicating: levels
 * {@code backstage4j.adoption/level/<entity>/<track>}, campaigns
 * {@code backstage4j.adoption/campaign/<id>/<event>/<owner>}.
 */
public final class Nudges {
  /** How many days before the deadline a campaign counts as near it. */
  public static final int NEAR_DEADLINE_DAYS = 7;
  /** The topic of level changes. */
  public static final String LEVEL_TOPIC = "adoption-levels";
  /** The topic of weekly digests. */
  public static final String DIGEST_TOPIC = "adoption-digest";

  private Nudges() {}

  /**
   * {@return the nudges for the change from {@code before} (null for a first run: level changes need two runs)
   * to {@code after}, with the campaigns measured at {@code after}}
   *
   * @param before the earlier run, or null for a first run
   * @param after the latest run
   * @param campaigns the campaigns measured at {@code after}; may be empty
   */
  public static List<Nudge> between(ScorecardResult before, ScorecardResult after, List<CampaignProgress> campaigns) {
    List<Nudge> out = new ArrayList<>();
    if (before != null) {
      for (SnapshotDiff.LevelChange c : SnapshotDiff.between(before, after).levelChanges()) {
        if (!c.owner().isEmpty()) {
          out.add(level(c, after));
        }
      }
    }
    LocalDate was = before == null ? null : LocalDate.ofInstant(before.generatedAt(), ZoneOffset.UTC);
    LocalDate now = LocalDate.ofInstant(after.generatedAt(), ZoneOffset.UTC);
    for (CampaignProgress p : campaigns) {
      Campaign c = p.campaign();
      boolean ended = now.isAfter(c.deadline()) && (was == null || !was.isAfter(c.deadline()));
      boolean started = !now.isBefore(c.start()) && !now.isAfter(c.deadline())
          && (was == null || was.isBefore(c.start()));
      long left = ChronoUnit.DAYS.between(now, c.deadline());
      boolean near = left >= 0 && left <= NEAR_DEADLINE_DAYS
          && (was == null || ChronoUnit.DAYS.between(was, c.deadline()) > NEAR_DEADLINE_DAYS);
      for (CampaignProgress.Team t : p.teams()) {
        if (!t.owner().contains(":")) {
          continue;  // entities without an owner: nobody to tell
        }
        if (ended) {
          out.add(campaign(Nudge.Kind.CAMPAIGN_ENDED, p, t, after, "ended: " + p.status().name().toLowerCase(
              Locale.ROOT).replace('_', ' ')));
        } else if (near && t.remaining() > 0) {
          out.add(campaign(Nudge.Kind.CAMPAIGN_NEAR_DEADLINE, p, t, after, (left == 0 ? "ends today"
              : left == 1 ? "ends tomorrow" : "ends in " + left + " days")));
        } else if (started) {
          out.add(campaign(Nudge.Kind.CAMPAIGN_STARTED, p, t, after, "has started"));
        }
      }
    }
    return out;
  }

  private static Nudge level(SnapshotDiff.LevelChange c, ScorecardResult after) {
    EntityRef ref = EntityRef.parse(c.entity());
    String name = ref.name();
    StringBuilder d = new StringBuilder();
    String title;
    if (c.up()) {
      title = name + " reached " + c.to() + " in " + c.track();
      d.append(c.entity()).append(" rose from ").append(c.from()).append(" to ").append(c.to()).append('.');
    } else {
      title = name + " dropped from " + c.from() + " to " + c.to() + " in " + c.track();
      d.append(c.entity()).append(" fell from ").append(c.from()).append(" to ").append(c.to())
          .append(". To get back to ").append(c.from()).append(':');
      after.entity(c.entity()).ifPresent(e -> {
        for (String id : e.missingFor(c.track(), c.from())) {
          CheckInfo info = after.check(id);
          d.append(' ').append(info.title()).append(" - ").append(info.howToFix());
        }
      });
    }
    return new Nudge(c.up() ? Nudge.Kind.LEVEL_RAISED : Nudge.Kind.LEVEL_DROPPED, c.owner(), c.entity(), title,
        d.toString(), link(ref), LEVEL_TOPIC, "backstage4j.adoption/level/" + c.entity() + "/" + c.track());
  }

  private static Nudge campaign(Nudge.Kind kind, CampaignProgress p, CampaignProgress.Team t,
      ScorecardResult after, String what) {
    Campaign c = p.campaign();
    StringBuilder d = new StringBuilder();
    d.append(c.title()).append(" (").append(c.targetDescription()).append(", ").append(c.start()).append(" to ")
        .append(c.deadline()).append("): your team has ").append(t.done()).append(" of ")
        .append(t.done() + t.remaining()).append(" entities there.");
    if (t.remaining() > 0) {
      d.append(" Still to do:");
      t.fixes().forEach((id, n) -> {
        CheckInfo info = after.check(id);
        d.append(' ').append(info.title()).append(" (").append(n).append(") - ").append(info.howToFix());
      });
    }
    String event = kind.name().substring("CAMPAIGN_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    String recipient = t.owner();
    String link = link(EntityRef.parse(recipient));
    return new Nudge(kind, recipient, "campaign:" + c.id(), "Campaign " + c.title() + " " + what, d.toString(),
        link, "adoption-campaign:" + c.id(), "backstage4j.adoption/campaign/" + c.id() + "/" + event + "/"
            + recipient);
  }

  /**
   * {@return one weekly digest per team (owner roll-up) of the run: its score, its entities per level of every
   * track, the three checks failing most often among its entities with their fixes, and the status of each
   * campaign it has entities in} The scope names the ISO week of the run
   * ({@code backstage4j.adoption/digest/<owner>/<2026-W48>}), so running it again in the same week updates the
   * digest instead of adding one. Topic {@code adoption-digest}.
   *
   * @param latest the run to digest
   * @param campaigns the measured campaigns; may be empty
   */
  public static List<Nudge> digest(ScorecardResult latest, List<CampaignProgress> campaigns) {
    java.time.ZonedDateTime at = latest.generatedAt().atZone(ZoneOffset.UTC);
    String week = String.format(Locale.ROOT, "%d-W%02d", at.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        at.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    List<Nudge> out = new ArrayList<>();
    for (Rollup team : latest.rollups(Dimension.OWNER)) {
      if (!team.key().contains(":")) {
        continue;
      }
      StringBuilder d = new StringBuilder();
      d.append(team.entities()).append(" entities, score ").append(Math.round(team.scorePercent())).append("%.");
      for (Track t : latest.tracks()) {
        List<String> parts = new ArrayList<>();
        team.levelCounts(t.name()).forEach((level, n) -> {
          if (n > 0) {
            parts.add(level + " " + n);
          }
        });
        d.append(' ').append(t.name()).append(": ").append(String.join(", ", parts)).append('.');
      }
      List<CheckInfo> failing = new ArrayList<>(latest.checks());
      failing.removeIf(c -> team.count(c.id(), Outcome.FAILED) == 0);
      failing.sort(java.util.Comparator.comparingInt((CheckInfo c) -> -team.count(c.id(), Outcome.FAILED)));
      if (!failing.isEmpty()) {
        d.append(" Fix first:");
        for (CheckInfo c : failing.subList(0, Math.min(3, failing.size()))) {
          d.append(' ').append(c.title()).append(" (").append(team.count(c.id(), Outcome.FAILED)).append(") - ")
              .append(c.howToFix());
        }
      }
      for (CampaignProgress p : campaigns) {
        for (CampaignProgress.Team t : p.teams()) {
          if (t.owner().equals(team.key())) {
            d.append(" Campaign ").append(p.campaign().title()).append(": ").append(p.status()).append(", ")
                .append(t.done()).append(" of ").append(t.done() + t.remaining()).append(" done, deadline ")
                .append(p.campaign().deadline()).append('.');
          }
        }
      }
      EntityRef ref = EntityRef.parse(team.key());
      out.add(new Nudge(Nudge.Kind.WEEKLY_DIGEST, team.key(), team.key(), "Adoption this week: " + ref.name()
          + " at " + Math.round(team.scorePercent()) + "%", d.toString(), link(ref), DIGEST_TOPIC,
          "backstage4j.adoption/digest/" + team.key() + "/" + week));
    }
    return out;
  }

  /** The entity page in Backstage's catalog: {@code /catalog/<namespace>/<kind>/<name>}. */
  static String link(EntityRef ref) {
    return "/catalog/" + ref.namespace() + "/" + ref.kind().toLowerCase(Locale.ROOT) + "/" + ref.name();
  }
}
