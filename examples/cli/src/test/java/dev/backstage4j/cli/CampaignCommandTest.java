package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adoption campaign status}, the campaign gate and campaigns in reports, on the embedded Backstage. */
class CampaignCommandTest {

  @Test
  void status_embedded_showsTheSampleCampaign() {
    CliRun r = CliRun.run("adoption", "campaign", "status", "--embedded");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Every component and API at Silver [silver-everywhere]: "), r.out);
    assertTrue(r.out.contains(" at Basics / Silver ("), r.out);
    assertTrue(r.out.contains("(14 days left)"), r.out);
    assertTrue(r.out.contains("  burn-down (remaining): "), r.out);
    assertTrue(r.out.contains("component:default/legacy-invoicing"), "a component below Silver: " + r.out);
  }

  @Test
  void status_json_withSnapshotHistory(@TempDir Path dir) throws Exception {
    CliRun first = CliRun.run("-o", "json", "adoption", "campaign", "status", "--snapshot-dir", dir.toString());
    assertEquals(ExitCodes.OK, first.exitCode, first.toString());
    try (var files = Files.list(dir)) {  // snapshot names have second resolution: keep the first run's apart
      Path saved = files.findFirst().orElseThrow();
      Files.move(saved, dir.resolve("adoption-20000101T000000Z.json"));
    }
    CliRun second = CliRun.run("-o", "json", "adoption", "campaign", "status", "--snapshot-dir", dir.toString());
    JsonNode c = second.json().get("campaigns").get(0);
    assertEquals("silver-everywhere", c.get("id").asText());
    assertEquals(2, c.get("burnDown").size(), "one point per saved run");
    assertEquals(c.get("remaining").asInt(), c.get("burnDown").get(1).get("remaining").asInt());
    assertTrue(c.get("done").asInt() + c.get("remaining").asInt() > 0);
  }

  @Test
  void status_notify_sendsOrPrintsWhatChanged(@TempDir Path dir) {
    CliRun dry = CliRun.run("adoption", "campaign", "status", "--snapshot-dir", dir.resolve("a").toString(),
        "--notify", "--dry-run");
    assertEquals(ExitCodes.OK, dry.exitCode, dry.toString());
    assertTrue(dry.out.contains("would notify group:default/web-team [normal, adoption-campaign:silver-everywhere]"
        + " Campaign Every component and API at Silver has started -> /catalog/default/group/web-team (scope "
        + "backstage4j.adoption/campaign/silver-everywhere/started/group:default/web-team)"), dry.out);
    assertTrue(dry.out.contains(" would be sent, 0 held back by the rate limit"), dry.out);
    CliRun digest = CliRun.run("adoption", "campaign", "status", "--snapshot-dir", dir.resolve("c").toString(),
        "--notify", "--dry-run", "--digest");
    assertTrue(digest.out.contains("would notify group:default/web-team [low, adoption-digest] Adoption this week: "
        + "web-team at "), digest.out);
    CliRun sent = CliRun.run("-o", "json", "adoption", "campaign", "status", "--snapshot-dir",
        dir.resolve("b").toString(), "--notify");
    assertEquals(ExitCodes.OK, sent.exitCode, sent.toString());
    assertTrue(sent.json().get("notifications").get("sent").asInt() >= 2, sent.out);
    CliRun missing = CliRun.run("adoption", "campaign", "status", "--notify");
    assertEquals(ExitCodes.USAGE, missing.exitCode, missing.toString());
  }

  @Test
  void status_unknownAction_andUnknownCampaign_areUsageErrors() {
    CliRun r = CliRun.run("adoption", "campaign", "start");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("unknown campaign action 'start'; actions: status"), r.err);
    r = CliRun.run("adoption", "campaign", "status", "--campaign", "nope");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("no campaign 'nope' in scorecard Service maturity; campaigns: silver-everywhere"),
        r.err);
  }

  @Test
  void gate_onCampaign_failsListingFixes() {
    CliRun r = CliRun.run("adoption", "gate", "--campaign", "silver-everywhere");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertTrue(r.out.contains("entities in campaign silver-everywhere miss Basics / Silver (deadline "), r.out);
    assertTrue(r.out.contains("component:default/legacy-invoicing ("), r.out);
    CliRun both = CliRun.run("adoption", "gate", "--campaign", "silver-everywhere", "--level", "Gold");
    assertEquals(ExitCodes.USAGE, both.exitCode, both.toString());
  }

  @Test
  void report_html_hasTheCampaignSection(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.html");
    CliRun r = CliRun.run("adoption", "report", "--embedded", "--out", out.toString());
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    String html = Files.readString(out);
    assertTrue(html.contains("<h2>Campaign: Every component and API at Silver"), html);
    assertTrue(html.contains("aria-label=\"burn-down\""), html);
    CliRun md = CliRun.run("adoption", "report", "--format", "md");
    assertTrue(md.out.contains("### Campaign: Every component and API at Silver (silver-everywhere)"), md.out);
  }
}
