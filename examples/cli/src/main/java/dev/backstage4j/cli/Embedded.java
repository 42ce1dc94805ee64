package dev.backstage4j.cli;

import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;

/** The embedded Backstage: the testkit's fake, seeded with the sample organisation and its templates. */
final class Embedded implements AutoCloseable {
  private final FakeBackstage fake;

  private Embedded(FakeBackstage fake) {
    this.fake = fake;
  }

  static Embedded start() {
    return new Embedded(FakeBackstage.builder().sampleCatalog().build().start());
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
