package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adoption commands on the embedded Backstage (the README's main job). */
class AdoptionCommandsTest {

  @Test
  void report_html_writesFileAndPrintsSummary(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("adoption-report.html");
    CliRun r = CliRun.run("adoption", "report", "--embedded", "--format", "html", "--out", out.toString());
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    String html = Files.readString(out);
    assertTrue(html.contains("<html") && html.contains("payments-service"), "HTML report");
    assertTrue(r.out.startsWith("Service maturity: 14 entities scored, "), r.out);
    assertTrue(r.out.contains("\nBasics: Gold 3, Silver 8, Bronze 1, none 2\n"), r.out);
    assertTrue(r.out.contains("Owners: group:default/web-team"), r.out);
    assertTrue(r.out.contains("Wrote " + out + " (html, "), r.out);
    assertEquals("", r.err, "no progress when stderr is not a terminal");
  }

  @Test
  void report_jsonSummary_whenOutputIsJson(@TempDir Path dir) {
    CliRun r = CliRun.run("-o", "json", "adoption", "report", "--out", dir.resolve("r.md").toString());
    JsonNode s = r.json();
    assertEquals("md", s.get("format").asText());
    assertEquals(14, s.get("entities").asInt());
    assertEquals(3, s.get("levels").get("Basics").get("Gold").asInt());
  }

  @Test
  void report_json_toStdoutIsTheSnapshotSchema() {
    CliRun r = CliRun.run("adoption", "report", "--format", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertEquals("Service maturity", r.json().get("scorecard").asText(), r.out.substring(0, 300));
  }

  @Test
  void report_csvByOwner_oneRowPerOwner() {
    CliRun r = CliRun.run("adoption", "report", "--format", "csv", "--by", "owner");
    List<String> lines = r.out.lines().collect(Collectors.toList());
    assertTrue(lines.get(0).startsWith("key,entities,"), lines.get(0));
    assertEquals(1 + 4, lines.size(), r.out);
  }

  @Test
  void report_kindsAll_scoresEveryEntity() {
    CliRun r = CliRun.run("-o", "json", "adoption", "report", "--kinds", "all", "--out",
        Path.of(System.getProperty("java.io.tmpdir"), "b4j-all.md").toString());
    assertEquals(27, r.json().get("entities").asInt(), r.toString());
  }

  @Test
  void kpis_json() {
    CliRun r = CliRun.run("adoption", "kpis", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    JsonNode k = r.json();
    assertEquals(27, k.get("entities").asInt());
    assertEquals(1, k.get("unresolvedOwners").asInt());
    assertEquals(17, k.get("owned").get("total").asInt());
  }

  @Test
  void gate_silver_failsListingWhatToFix() {
    CliRun r = CliRun.run("adoption", "gate", "--level", "Silver");
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertTrue(r.out.contains("component:default/legacy-invoicing is at no level; to reach Silver:"), r.out);
  }

  @Test
  void gate_bronzeForWebTeam_passes() {
    CliRun r = CliRun.run("adoption", "gate", "--level", "Bronze", "--owner", "web-team", "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.json().get("passed").asBoolean());
  }

  @Test
  void gate_unknownLevel_usageError() {
    CliRun r = CliRun.run("adoption", "gate", "--level", "Platinum");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("Platinum"), r.err);
  }

  @Test
  void gate_missingLevel_usageError() {
    CliRun r = CliRun.run("adoption", "gate");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("give either --level or --campaign"), r.err);
  }

  @Test
  void diff_betweenTwoSnapshots(@TempDir Path dir) throws Exception {
    Path snaps = dir.resolve("snaps");
    assertEquals(ExitCodes.OK, CliRun.run("adoption", "report", "--snapshot-dir", snaps.toString(), "--out",
        dir.resolve("a.html").toString()).exitCode);
    Thread.sleep(1100);
    assertEquals(ExitCodes.OK, CliRun.run("adoption", "report", "--snapshot-dir", snaps.toString(), "--out",
        dir.resolve("b.html").toString()).exitCode);
    List<Path> files;
    try (Stream<Path> s = Files.list(snaps)) {
      files = s.sorted().collect(Collectors.toList());
    }
    assertEquals(2, files.size(), files.toString());
    CliRun r = CliRun.run("adoption", "diff", files.get(0).toString(), files.get(1).toString(), "-o", "json");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertEquals(0, r.json().get("levelChanges").size());
    assertEquals(14, r.json().get("after").get("entities").asInt());
    CliRun md = CliRun.run("adoption", "diff", files.get(0).toString(), files.get(1).toString());
    assertTrue(md.out.startsWith("#"), md.out);
  }

  @Test
  void diff_missingSnapshot_usageError() {
    CliRun r = CliRun.run("adoption", "diff", "nope-1.json", "nope-2.json");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertEquals("backstage4j: no such snapshot: nope-1.json", r.err.strip());
  }
}
