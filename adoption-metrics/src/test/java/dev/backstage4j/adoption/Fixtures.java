package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Test fixtures: the testkit's Tinyshop sample organisation and its scorecard. */
final class Fixtures {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private Fixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every entity of the sample organisation (26 entities), read from its YAML files: the one copy that the
   * testkit seeds with {@code sampleCatalog()} and the conformance backend ingests.
   */
  static CatalogFiles tinyshop() {
    Path dir = resource("dev/backstage4j/testkit/sample");
    return CatalogFiles.of(dir.resolve("catalog-info.yaml"), dir.resolve("org.yaml"), dir.resolve("systems.yaml"),
        dir.resolve("apis.yaml"), dir.resolve("resources.yaml"), dir.resolve("components.yaml"),
        dir.resolve("templates/create-service/template.yaml"), dir.resolve("templates/docs-site/template.yaml"));
  }

  static Scorecard scorecard() {
    return Scorecard.fromYaml(resource("scorecards/tinyshop-scorecard.yaml"));
  }

  static ScorecardResult run(Iterable<Entity> entities, Instant at) {
    return scorecard().runner()
        .context(EvaluationContext.gather(entities).withToday(TODAY))
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .run(entities);
  }

  static ScorecardResult run() {
    return run(tinyshop(), Instant.parse("2026-11-24T02:00:00Z"));
  }
}
