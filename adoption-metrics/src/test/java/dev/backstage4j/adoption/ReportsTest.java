package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportsTest {
  private final ScorecardResult result = Fixtures.run();

  @Test
  void json_roundTripsExactly_soSnapshotsLoseNothing() {
    String json = Reports.json(result);
    ScorecardResult back = ScorecardResult.parseJson(json);
    assertEquals(json, back.toJson());
    assertEquals(result.entity("component:default/ui-kit").orElseThrow().level("Basics"),
        back.entity("component:default/ui-kit").orElseThrow().level("Basics"));
    assertEquals(result.kpis().owned(), back.kpis().owned());
    assertTrue(json.startsWith("{\n  \"schema\" : \"backstage4j.adoption.result/v1\""), json.substring(0, 80));
    assertTrue(json.contains("\"expired\" : true"));
  }

  @Test
  void json_ofAnotherShape_isRejectedWithTheSource() {
    ScorecardFileException e = assertThrows(ScorecardFileException.class,
        () -> ScorecardResult.parseJson("{\"schema\":\"something-else\"}"));
    assertTrue(e.getMessage().contains("$.schema"), e.getMessage());
    assertEquals(2, assertThrows(ScorecardFileException.class, () -> ScorecardResult.parseJson("{\n  oops")).line());
    String wrongShape = ResultJson.write(Fixtures.run()).replaceFirst("\"checks\" ?: ?\\[", "\"checks\": [7, ");
    ScorecardFileException shape = assertThrows(ScorecardFileException.class,
        () -> ScorecardResult.parseJson(wrongShape));
    assertTrue(shape.getMessage().contains("expected an object but found number at $.checks[0]"), shape.getMessage());
  }

  @Test
  void markdown_showsTeamsChecksFailuresExemptionsAndKpis() {
    String md = Reports.markdown(result);
    assertTrue(md.startsWith("## Adoption scorecard: Tinyshop service maturity"));
    assertTrue(md.contains("| group:default/payments-team |"), md);
    assertTrue(md.contains("`has-techdocs`"));
    assertTrue(md.contains("| `component:default/legacy-invoicing` |"));
    assertTrue(md.contains("**expired** (counts as failing)"));
    assertTrue(md.contains("| Owners resolving |"));
  }

  @Test
  void csv_hasAHeaderAndOneRowPerEntity_quotedPerRfc4180() {
    List<String> lines = Reports.csv(result).lines().toList();
    assertEquals(27, lines.size());
    assertTrue(lines.get(0).startsWith("ref,kind,owner,system,domain,Basics,Discoverability,points,maxPoints,percent,"
        + "has-owner,"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("component:default/storefront-web,component,"
        + "group:default/web-team,system:default/storefront,domain:default/commerce,Gold,")), lines.toString());
    assertEquals("\"a,\"\"b\"\"\"", CsvReport.q("a,\"b\""));
    List<String> owners = Reports.csv(result, Dimension.OWNER).lines().toList();
    assertEquals(result.rollups(Dimension.OWNER).size() + 1, owners.size());
  }

  @Test
  void html_isSelfContained_withChartsForLevelsChecksAndTrend() {
    ScorecardResult earlier = Fixtures.run(Fixtures.tinyshop(), java.time.Instant.parse("2026-11-01T00:00:00Z"));
    String html = Reports.html(result, List.of(earlier), null);
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"));
    assertFalse(lower.contains("src="));
    assertFalse(lower.contains("href="));
    assertFalse(lower.contains("@import"));
    assertFalse(lower.contains("url("));
    assertTrue(html.contains("Levels per team"));
    assertTrue(html.contains("Check pass rates"));
    assertTrue(html.contains("Trend"));
    assertTrue(html.contains("<polyline"));
    assertTrue(html.contains("expired · failing"));
  }

  @Test
  void html_escapesEntityText() {
    assertEquals("&lt;b&gt; &amp; &quot;x&quot;", HtmlReport.h("<b> & \"x\""));
  }
}
