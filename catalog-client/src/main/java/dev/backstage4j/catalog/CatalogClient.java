package dev.backstage4j.catalog;

import dev.backstage4j.catalog.internal.DefaultCatalogClient;
import dev.backstage4j.core.ClientBuilder;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import java.net.URI;

/**
 * Calls a Backstage catalog ({@code <baseUrl>/api/catalog}), grouped by resource: {@link #entities()} and
 * {@link #locations()}.
 *
 * <pre>{@code
 * CatalogClient catalog = CatalogClient.create(URI.create("http://localhost:7007"),
 *     CredentialsProvider.staticToken(System.getenv("BACKSTAGE_TOKEN")));
 * catalog.entities().find(EntityRef.parse("component:default/artist-web")).ifPresent(System.out::println);
 * }</pre>
 *
 * <p>Thread-safe; build one and share it. Clients derived with {@link #withCredentials} share its connection
 * pool, retry and circuit breaker. Its threads are daemons, so a program ends when {@code main} returns, closed
 * or not; {@link #close} refuses further calls and lets the last open client release the pooled connections.
 */
public interface CatalogClient extends AutoCloseable {

  /** {@return a builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a client for the backend at {@code baseUrl} (e.g. {@code http://localhost:7007}) with defaults}
   *
   * @param baseUrl the backend's root, without {@code /api}
   * @param credentials where tokens come from, e.g. {@link CredentialsProvider#staticToken(String)}
   */
  static CatalogClient create(URI baseUrl, CredentialsProvider credentials) {
    return builder().baseUrl(baseUrl).credentials(credentials).build();
  }

  /** {@return the entity operations} */
  CatalogEntities entities();

  /** {@return the location operations} */
  CatalogLocations locations();

  /**
   * {@return a client that calls as another principal (e.g. the end user whose token a service forwards),
   * sharing this client's connection pool, retry and circuit breaker}
   *
   * @param credentials the other principal's token source
   */
  CatalogClient withCredentials(CredentialsProvider credentials);

  /** {@return the configuration this client was built with} */
  ClientConfig config();

  /**
   * Closes this client: later calls throw {@link IllegalStateException}, calls in flight finish. Closing a
   * client made by {@link #withCredentials} does nothing (it belongs to the client it came from). Idempotent.
   */
  @Override
  void close();

  /** Builds a {@link CatalogClient}; the settings are those of every client builder. Not thread-safe. */
  final class Builder extends ClientBuilder<Builder> {
    private Builder() {}

    /**
     * {@return the client}
     *
     * @throws IllegalStateException when the base URL is missing
     */
    public CatalogClient build() {
      return DefaultCatalogClient.create(clientConfig());
    }
  }
}
