package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.Entity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Campaign progress, burn-down and status over a synthetic organisation and snapshot histories. */
class CampaignTest {
  static final Scorecard CARD = Scorecard.builder("Mini")
      .addCheck(Checks.byId("has-owner"))
      .addCheck(Checks.byId("has-description"))
      .addCheck(Checks.byId("has-tags"))
      .addTrack(Track.of("Basics", Level.of("Bronze", "has-owner"), Level.of("Silver", "has-description")))
      .build();

  static final Campaign SILVER = Campaign.builder("silver", "Every component at Silver")
      .owner("platform")
      .scope(Scope.kinds("Component"))
      .targetLevel("Basics", "Silver")
      .start(LocalDate.of(2026, 11, 1))
      .deadline(LocalDate.of(2026, 11, 30))
      .build();

  /** Team a owns a0..a5, team b owns b0..b3; the first {@code described} of each list have a description. */
  static List<Entity> catalog(int describedA, int describedB) {
    List<Entity> out = new ArrayList<>();
    for (String team : List.of("a", "b")) {
      out.add(Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Group").name("team-" + team)
          .spec("type", "team").spec("children", List.of()).build());
      int n = team.equals("a") ? 6 : 4;
      int described = team.equals("a") ? describedA : describedB;
      for (int i = 0; i < n; i++) {
        Entity.Builder b = Entity.builder().apiVersion("backstage.io/v1alpha1").kind("Component")
            .name(team + i).spec("type", i == 0 ? "library" : "service").spec("owner", "team-" + team);
        if (i < described) {
          b.description("Component " + team + i);
        }
        out.add(b.build());
      }
    }
    out.add(Entity.builder().apiVersion("backstage.io/v1alpha1").kind("API").name("api-x")
        .spec("owner", "team-a").build());
    return out;
  }

  static ScorecardResult run(Scorecard card, List<Entity> entities, String day) {
    return card.runner().context(EvaluationContext.gather(entities))
        .clock(Clock.fixed(Instant.parse(day + "T06:00:00Z"), ZoneOffset.UTC)).run(entities);
  }

  static Clock at(String day) {
    return Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
  }

  @Test
  void progress_perTeamAndOverall_withBurnDownAndFixes() {
    List<ScorecardResult> runs = List.of(run(CARD, catalog(0, 0), "2026-11-01"),
        run(CARD, catalog(2, 1), "2026-11-08"), run(CARD, catalog(4, 2), "2026-11-15"));
    CampaignProgress p = CampaignProgress.of(SILVER, runs, catalog(4, 2), at("2026-11-15"));

    assertEquals(10, p.total(), "the 10 components; the API is outside the scope");
    assertEquals(6, p.done());
    assertEquals(4, p.remaining());
    assertEquals(60.0, p.percent(), 1e-9);
    assertEquals(List.of(new CampaignProgress.Point(Instant.parse("2026-11-01T06:00:00Z"), 0, 10),
        new CampaignProgress.Point(Instant.parse("2026-11-08T06:00:00Z"), 3, 7),
        new CampaignProgress.Point(Instant.parse("2026-11-15T06:00:00Z"), 6, 4)), p.burnDown());
    assertEquals(15, p.daysLeft());
    CampaignProgress.Team b = p.teams().get(0);
    CampaignProgress.Team a = p.teams().get(1);
    assertEquals("group:default/team-b", b.owner(), "tie on remaining (2 each): the lower share comes first");
    assertEquals(4, a.done());
    assertEquals(2, a.remaining());
    assertEquals(List.of("component:default/a4", "component:default/a5"), a.missing());
    assertEquals(Map.of("has-description", 2), a.fixes());
    assertEquals(2, b.remaining());
    assertEquals(50.0, b.percent(), 1e-9);
  }

  @Test
  void status_followsTrendAndTimeLeft() {
    List<ScorecardResult> steady = List.of(run(CARD, catalog(0, 0), "2026-11-01"),
        run(CARD, catalog(2, 1), "2026-11-08"), run(CARD, catalog(4, 2), "2026-11-15"));
    // pace 6 entities in 14 days; 4 left with 15.5 days to go: on track
    assertEquals(CampaignStatus.ON_TRACK, CampaignProgress.of(SILVER, steady, catalog(4, 2), at("2026-11-15"))
        .status());
    List<ScorecardResult> slow = List.of(run(CARD, catalog(0, 0), "2026-11-01"),
        run(CARD, catalog(1, 0), "2026-11-15"));
    // pace 1 entity in 14 days; 9 left: at risk
    assertEquals(CampaignStatus.AT_RISK, CampaignProgress.of(SILVER, slow, catalog(1, 0), at("2026-11-15"))
        .status());
    assertEquals(CampaignStatus.LATE, CampaignProgress.of(SILVER, slow, catalog(1, 0), at("2026-12-01"))
        .status());
    assertEquals(CampaignStatus.AT_RISK, CampaignProgress.of(SILVER, slow, catalog(1, 0), at("2026-11-30"))
        .status(), "the deadline day is still inside the campaign: at risk, not yet late");
    List<ScorecardResult> finished = List.of(run(CARD, catalog(0, 0), "2026-11-01"),
        run(CARD, catalog(6, 4), "2026-12-10"));
    assertEquals(CampaignStatus.DONE, CampaignProgress.of(SILVER, finished, catalog(6, 4), at("2026-12-10"))
        .status());
    assertEquals(CampaignStatus.ON_TRACK, CampaignProgress.of(SILVER, slow, catalog(1, 0), at("2026-10-20"))
        .status(), "before the start nothing is judged");
  }

  @Test
  void status_withoutTrend_comparesShareDoneWithTimeElapsed() {
    List<ScorecardResult> one = List.of(run(CARD, catalog(3, 2), "2026-11-10"));
    // 5 of 10 done; on 2026-11-10 at noon 31% of the 30 days have passed
    assertEquals(CampaignStatus.ON_TRACK, CampaignProgress.of(SILVER, one, catalog(3, 2), at("2026-11-10"))
        .status());
    // on 2026-11-25 83% have passed
    assertEquals(CampaignStatus.AT_RISK, CampaignProgress.of(SILVER, one, catalog(3, 2), at("2026-11-25"))
        .status());
  }

  @Test
  void scope_ownersTypesAndExemptionsNarrowTheCampaign() {
    Campaign c = SILVER.toBuilder().scope(Scope.kinds("Component").withTypes("service")).addOwner("team-a")
        .addExemption("component:default/a5", "Being retired").build();
    CampaignProgress p = CampaignProgress.of(c, List.of(run(CARD, catalog(2, 0), "2026-11-10")), catalog(2, 0),
        at("2026-11-10"));
    // team a's services a1..a4 (a0 is a library, a5 exempt); a1 is described
    assertEquals(4, p.total());
    assertEquals(1, p.done());
    assertEquals(1, p.teams().size());
  }

  @Test
  void checksTarget_countsEntitiesPassingEveryCheck() {
    Campaign tags = SILVER.toBuilder().targetChecks(List.of("has-description", "has-tags")).build();
    CampaignProgress p = CampaignProgress.of(tags, List.of(run(CARD, catalog(6, 4), "2026-11-10")),
        catalog(6, 4), at("2026-11-10"));
    assertEquals(0, p.done(), "no component has tags");
    assertEquals(Map.of("has-tags", 6), p.teams().get(0).fixes());
  }

  @Test
  void snapshots_roundTrip_giveTheSameBurnDown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Snapshots.save(run(CARD, catalog(0, 0), "2026-11-01"), dir);
    Snapshots.save(run(CARD, catalog(4, 2), "2026-11-15"), dir);
    CampaignProgress p = CampaignProgress.of(SILVER, Snapshots.loadAll(dir), catalog(4, 2), at("2026-11-15"));
    assertEquals(List.of(0, 6), p.burnDown().stream().map(CampaignProgress.Point::done).toList());
  }

  @Test
  void yaml_declaresCampaignsNextToTheScorecard() {
    Scorecard card = Scorecard.fromYaml(yaml("""
        campaigns:
          - id: silver-q4
            title: Every service at Silver
            owner: platform
            scope: {kinds: [Component], types: [service], owners: [team-a]}
            target: {track: Basics, level: Silver}
            start: 2026-11-01
            deadline: 2026-11-30
            exemptions:
              - {entity: component:default/a5, reason: Being retired}
          - id: tags
            title: Tag everything
            owner: group:default/platform
            target: {checks: [has-tags]}
            start: 2026-11-01
            deadline: 2026-12-31
        """), "scorecard.yaml");
    Campaign c = card.campaigns().get(0);
    assertEquals("silver-q4", c.id());
    assertEquals("group:default/platform", c.owner());
    assertEquals("Basics / Silver", c.targetDescription());
    assertEquals(java.util.Set.of("group:default/team-a"), c.owners());
    assertEquals(Map.of("component:default/a5", "Being retired"), c.exemptions());
    assertEquals(List.of("has-tags"), card.campaigns().get(1).checks());
    assertTrue(card.toBuilder().build().campaigns().equals(card.campaigns()));
  }

  @Test
  void yaml_mistakesNameFileLineAndField() {
    assertBad("    target: {track: Basics, level: Platinum}\n", 15,
        "campaigns[0].target.level: track Basics has no level \"Platinum\"; levels: [Bronze, Silver]");
    assertBad("    target: {track: Core, level: Silver}\n", 15,
        "campaigns[0].target.track: unknown track \"Core\"; declared: [Basics]");
    assertBad("    target: {checks: [has-docs]}\n", 15,
        "campaigns[0].target.checks[0]: unknown check \"has-docs\"; declared: [has-owner, has-description, "
            + "has-tags]");
    assertBad("    target: {track: Basics, level: Silver, checks: [has-tags]}\n", 15,
        "campaigns[0].target: either track and level, or checks, not both");
    assertBad("    target: {track: Basics, level: Silver}\n    deadlne: 2026-12-01\n", 16,
        "campaigns[0]: unknown field \"deadlne\"; allowed: [deadline, exemptions, id, owner, scope, start, "
            + "target, title]");
    ScorecardFileException e = assertThrows(ScorecardFileException.class, () -> Scorecard.fromYaml(
        yaml(campaign("    target: {track: Basics, level: Silver}\n").replace("2026-11-30", "2026-10-30")),
        "scorecard.yaml"));
    assertEquals("scorecard.yaml:17: campaigns[0].deadline: 2026-10-30 is before start 2026-11-01",
        e.getMessage());
    e = assertThrows(ScorecardFileException.class, () -> Scorecard.fromYaml(
        yaml(campaign("    target: {track: Basics, level: Silver}\n").replace("2026-11-30", "end of month")),
        "scorecard.yaml"));
    assertEquals("scorecard.yaml:17: campaigns[0].deadline: must be a date like 2027-03-31, found \"end of month\"",
        e.getMessage());
  }

  private static void assertBad(String target, int line, String problem) {
    ScorecardFileException e = assertThrows(ScorecardFileException.class,
        () -> Scorecard.fromYaml(yaml(campaign(target)), "scorecard.yaml"));
    assertEquals("scorecard.yaml", e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(problem, e.problem());
  }

  private static String campaign(String target) {
    return "campaigns:\n  - id: c\n    title: C\n    owner: platform\n" + target
        + "    start: 2026-11-01\n    deadline: 2026-11-30\n";
  }

  private static String yaml(String campaigns) {
    return """
        name: Mini
        checks:
          - builtin: has-owner
          - builtin: has-description
          - builtin: has-tags
        tracks:
          - name: Basics
            levels:
              - {name: Bronze, checks: [has-owner]}
              - {name: Silver, checks: [has-description]}
        """ + campaigns;
  }
}
