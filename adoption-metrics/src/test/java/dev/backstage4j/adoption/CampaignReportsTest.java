package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.adoption.micrometer.AdoptionMeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Campaigns in every report format and in the Micrometer gauges. */
class CampaignReportsTest {
  private static final List<ScorecardResult> RUNS = List.of(
      CampaignTest.run(CampaignTest.CARD, CampaignTest.catalog(0, 0), "2026-11-01"),
      CampaignTest.run(CampaignTest.CARD, CampaignTest.catalog(2, 1), "2026-11-08"),
      CampaignTest.run(CampaignTest.CARD, CampaignTest.catalog(4, 2), "2026-11-15"));
  private static final ScorecardResult LATEST = RUNS.get(2);
  private static final CampaignProgress PROGRESS = CampaignProgress.of(CampaignTest.SILVER, RUNS,
      CampaignTest.catalog(4, 2), CampaignTest.at("2026-11-15"));

  @Test
  void html_hasCampaignSectionWithBurnDownAndTeamsBehind() {
    String html = Reports.html(LATEST, RUNS, null, List.of(PROGRESS));
    int section = html.indexOf("<h2>Campaign: Every component at Silver");
    assertTrue(section > 0, html);
    assertTrue(html.indexOf("ON TRACK</span> <b>6 of 10</b> done (60%)", section) > 0, html);
    assertTrue(html.contains("aria-label=\"burn-down\""), "an inline SVG chart");
    assertEquals(3, count(html.substring(section), "remaining</title></circle>"), "one point per run");
    assertTrue(html.contains("<td>group:default/team-b</td><td class=\"num\">2</td><td class=\"num\"><b>2</b>"),
        html);
    assertTrue(html.contains("title=\"Set metadata.description to one sentence saying what this entity does.\""
        + ">Has a description × 2</span>") || html.contains(">Has a description × 2</span>"), html);
    assertTrue(!html.contains("<script"), "still no scripts");
  }

  @Test
  void markdownJsonAndCsv_showTheCampaign() throws Exception {
    String md = Reports.markdown(LATEST, List.of(PROGRESS));
    assertTrue(md.contains("### Campaign: Every component at Silver (silver)\n\n**ON_TRACK** · 6/10 at "
        + "Basics / Silver (60.0%) · deadline 2026-11-30, 15 days left"), md);
    assertTrue(md.contains("| group:default/team-b | 2 | 2 | Has a description × 2: "), md);

    JsonNode json = new ObjectMapper().readTree(Reports.json(LATEST, List.of(PROGRESS)));
    JsonNode c = json.get("campaigns").get(0);
    assertEquals("silver", c.get("id").asText());
    assertEquals("ON_TRACK", c.get("status").asText());
    assertEquals(4, c.get("remaining").asInt());
    assertEquals(3, c.get("burnDown").size());
    assertEquals(2, c.get("teams").get(0).get("fixes").get("has-description").asInt());
    assertEquals(LATEST.total().entities(), ScorecardResult.parseJson(Reports.json(LATEST, List.of(PROGRESS)))
        .total().entities(), "the campaign array does not break reading the result back");

    assertEquals("campaign,status,deadline,daysLeft,owner,done,remaining,fixes\n"
        + "silver,ON_TRACK,2026-11-30,15,group:default/team-b,2,2,has-description=2\n"
        + "silver,ON_TRACK,2026-11-30,15,group:default/team-a,4,2,has-description=2\n",
        Reports.csv(List.of(PROGRESS)));
  }

  @Test
  void gauges_readTheLatestProgress() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AdoptionMeterBinder binder = new AdoptionMeterBinder();
    binder.bindTo(registry);
    binder.update(List.of(PROGRESS));
    assertEquals(6, registry.get("backstage.campaign.entities").tags("campaign", "silver", "state", "done")
        .gauge().value());
    assertEquals(4, registry.get("backstage.campaign.entities").tags("campaign", "silver", "state", "remaining")
        .gauge().value());
    assertEquals(0.6, registry.get("backstage.campaign.progress.ratio").tag("campaign", "silver").gauge().value(),
        1e-9);
    assertEquals(15, registry.get("backstage.campaign.days.left").tag("campaign", "silver").gauge().value());
    assertEquals(1, registry.get("backstage.campaign.status").tags("campaign", "silver", "status", "on_track")
        .gauge().value());
    assertEquals(0, registry.get("backstage.campaign.status").tags("campaign", "silver", "status", "late")
        .gauge().value());
    assertEquals(2, registry.get("backstage.campaign.team.remaining")
        .tags("campaign", "silver", "owner", "group:default/team-a").gauge().value());

    CampaignProgress late = CampaignProgress.of(CampaignTest.SILVER, RUNS, CampaignTest.catalog(4, 2),
        CampaignTest.at("2026-12-02"));
    binder.update(List.of(late));
    assertEquals(1, registry.get("backstage.campaign.status").tags("campaign", "silver", "status", "late")
        .gauge().value(), "gauges follow the latest update");
    assertEquals(-2, registry.get("backstage.campaign.days.left").tag("campaign", "silver").gauge().value());
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
