package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.adoption.micrometer.AdoptionMeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The adoption numbers of the Tinyshop sample as a Prometheus server would scrape them. */
class AdoptionMetersScrapeTest {

  @Test
  void scrape_showsLevelsPassRatesKpisAndTemplateRuns_withoutEntityNamesOrUsers() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AdoptionMeterBinder adoption = new AdoptionMeterBinder();
    adoption.bindTo(registry);
    ScorecardResult result = Fixtures.run();
    Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
    TemplateKpis templates = TemplateKpis.compute(List.of(
        TemplateRun.of("template:default/create-service", TemplateRun.State.SUCCEEDED, t0, t0.plusSeconds(40),
            "user:default/jane"),
        TemplateRun.of("template:default/create-service", TemplateRun.State.FAILED, t0, t0.plusSeconds(10),
            "user:default/joe")), List.of());

    adoption.update(result);
    adoption.update(templates);
    String scrape = registry.scrape();

    Rollup someOwner = result.rollups(Dimension.OWNER).get(0);
    assertTrue(scrape.contains("backstage_scorecard_entities{level="), scrape);
    assertTrue(scrape.contains("owner=\"" + someOwner.key() + "\""), scrape);
    // A ratio 0-1 (the Rollup's pass rate is in percent): every sample in range, and one checked exactly.
    Matcher ratios = Pattern.compile("backstage_scorecard_check_pass_ratio\\{check=\"([^\"]+)\",owner=\"([^\"]+)\"\\} "
        + "([0-9.Ee+-]+)").matcher(scrape);
    int samples = 0;
    while (ratios.find()) {
      samples++;
      double ratio = Double.parseDouble(ratios.group(3));
      assertTrue(ratio >= 0 && ratio <= 1, "pass ratio out of 0-1: " + ratios.group());
      Rollup owner = result.rollups(Dimension.OWNER).stream().filter(o -> o.key().equals(ratios.group(2)))
          .findFirst().orElseThrow();
      assertEquals(owner.passRate(ratios.group(1)) / 100, ratio, 1e-9, ratios.group());
    }
    assertTrue(samples > 0, scrape);
    Matcher components = Pattern.compile("backstage_catalog_entities\\{kind=\"component\"\\} (\\d+)")
        .matcher(scrape.toLowerCase());
    assertTrue(components.find(), scrape);
    assertTrue(Integer.parseInt(components.group(1)) >= 8, "Tinyshop has at least 8 components");
    assertTrue(scrape.contains("backstage_catalog_kpi_ratio{kpi=\"owned\"}"), scrape);
    assertTrue(scrape.contains("backstage_template_runs_total{outcome=\"failed\",template=\"template:default/create-service\"} 1"),
        scrape);
    assertTrue(scrape.contains("backstage_template_users{template=\"template:default/create-service\"} 2"), scrape);
    assertFalse(scrape.contains("jane"), "user ids never become tags");
    for (EntityResult e : result.entities()) {
      if (e.ref().kind().equalsIgnoreCase("component")) {
        assertFalse(scrape.contains("\"" + e.ref().name() + "\""),
            "entity names never become tags: " + e.ref());
      }
    }
  }
}
