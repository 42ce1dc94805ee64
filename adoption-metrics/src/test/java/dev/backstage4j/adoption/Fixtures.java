package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Test fixtures: the testkit's Tinyshop sample organisation and its scorecard. */
final class Fixtures {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private Fixtures() {}

  /** A classpath resource as a path; the testkit's sample sits in its jar when the reactor runs {@code verify}. */
  static Path resource(String name) {
    try {
      URI uri = Fixtures.class.getResource("/" + name).toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          FileSystems.newFileSystem(uri, Map.of());
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
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
