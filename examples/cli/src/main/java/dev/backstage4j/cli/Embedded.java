package dev.backstage4j.cli;

import dev.backstage4j.adoption.Campaign;
import dev.backstage4j.adoption.Scope;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;
import java.time.LocalDate;

/** The embedded Backstage: the testkit's fake, seeded with the sample organisation and its templates. */
final class Embedded implements AutoCloseable {
  private final FakeBackstage fake;

  private Embedded(FakeBackstage fake) {
    this.fake = fake;
  }

  static Embedded start() {
    return new Embedded(FakeBackstage.builder().sampleCatalog().build().start());
  }

  /**
   * The sample organisation's campaign, scored with the built-in scorecard: every Component and API at
   * Basics / Silver, four weeks in with two weeks to go (dates follow today, so the demo never goes stale).
   */
  static Campaign sampleCampaign(LocalDate today) {
    return Campaign.builder("silver-everywhere", "Every component and API at Silver")
        .owner("group:default/engineering")
        .scope(Scope.kinds("Component", "API"))
        .targetLevel("Basics", "Silver")
        .start(today.minusDays(28))
        .deadline(today.plusDays(14))
        .build();
  }

  URI baseUrl() {
    return fake.baseUrl();
  }

  String token() {
    return fake.token();
  }

  @Override
  public void close() {
    fake.close();
  }
}
