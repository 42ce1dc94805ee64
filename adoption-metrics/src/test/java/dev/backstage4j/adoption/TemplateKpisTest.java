package dev.backstage4j.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backstage4j.adoption.TemplateRun.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateKpisTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void kpis_perTemplate_followTheDocumentedDefinitions() {
    List<TemplateRun> runs = new ArrayList<>();
    String create = "template:default/create-service";
    // 20 runs of 1..20 minutes; every 5th fails; 3 users
    for (int i = 1; i <= 20; i++) {
      runs.add(TemplateRun.of(create, i % 5 == 0 ? State.FAILED : State.SUCCEEDED, T0,
          T0.plus(Duration.ofMinutes(i)), "user:default/u" + (i % 3)));
    }
    runs.add(TemplateRun.of(create, State.RUNNING, T0, null, "user:default/u9"));
    runs.add(TemplateRun.of("template:default/docs-site", State.SUCCEEDED, T0, T0.plusSeconds(30), null));

    TemplateKpis k = TemplateKpis.compute(runs, Fixtures.tinyshop());
    TemplateKpis.TemplateStats s = k.byTemplate().get(create);
    assertEquals(21, s.runs());
    assertEquals(16, s.succeeded());
    assertEquals(4, s.failed());
    assertEquals(80.0, s.successRate());
    assertEquals(Duration.ofMinutes(10), s.p50()); // nearest rank: ceil(0.5 * 20) = 10th
    assertEquals(Duration.ofMinutes(19), s.p95()); // ceil(0.95 * 20) = 19th
    assertEquals(4, s.distinctUsers());
    assertEquals(Duration.ofHours(32), s.timeSaved()); // 16 successes x PT2H declared by the template
    TemplateKpis.TemplateStats docs = k.byTemplate().get("template:default/docs-site");
    assertEquals(Duration.ZERO, docs.timeSaved()); // declares none
    assertEquals(0, docs.distinctUsers());
    assertEquals(22, k.totalRuns());
  }

  @Test
  void timeSaved_acceptsIsoDurationsOrMinutes() {
    assertEquals(Duration.ofHours(2), TemplateKpis.timeSaved("PT2H"));
    assertEquals(Duration.ofMinutes(90), TemplateKpis.timeSaved("90"));
    assertEquals(null, TemplateKpis.timeSaved("soon"));
  }
}
