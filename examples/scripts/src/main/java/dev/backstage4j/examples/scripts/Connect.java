package dev.backstage4j.examples.scripts;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;

/** Connects a script to BACKSTAGE_URL (with BACKSTAGE_TOKEN), or to the embedded sample Backstage. */
final class Connect {
  private Connect() {
  }

  static CatalogClient catalog() {
    String url = System.getenv("BACKSTAGE_URL");
    if (url == null || url.isBlank()) {
      FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start();
      Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
      System.err.println("(no BACKSTAGE_URL: using the embedded Backstage with the sample organisation)");
      return CatalogClient.create(fake.baseUrl(), CredentialsProvider.staticToken(fake.token()));
    }
    String token = System.getenv("BACKSTAGE_TOKEN");
    return CatalogClient.create(URI.create(url),
        token == null || token.isBlank() ? CredentialsProvider.none() : CredentialsProvider.staticToken(token));
  }
}
