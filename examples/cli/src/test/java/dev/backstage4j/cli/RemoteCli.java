package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.backstage4j.testkit.FakeBackstage;
import java.util.ArrayList;
import java.util.List;

/**
 * A testkit Backstage with its own token, and CLI runs against it with {@code --url} and {@code --token}; every
 * run checks that the token was printed nowhere.
 */
final class RemoteCli implements AutoCloseable {
  final FakeBackstage fake;
  final String token;

  private RemoteCli(FakeBackstage fake, String token) {
    this.fake = fake;
    this.token = token;
  }

  static RemoteCli start(String token) {
    return new RemoteCli(FakeBackstage.builder().token(token).sampleCatalog().build().start(), token);
  }

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("--url", fake.baseUrl().toString(), "--token", token));
    all.addAll(List.of(args));
    CliRun r = CliRun.run(all.toArray(new String[0]));
    assertFalse(r.out.contains(token) || r.err.contains(token), "token printed: " + r);
    return r;
  }

  @Override
  public void close() {
    fake.close();
  }
}
