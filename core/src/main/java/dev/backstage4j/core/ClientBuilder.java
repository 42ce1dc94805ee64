package dev.backstage4j.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every backstage4j client builder offers ({@code CatalogClient.builder()},
 * {@code ScaffolderClient.builder()}), so each client takes the same shortcuts. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private ClientConfig.Builder config = ClientConfig.builder();

  /** For the clients' own builders. */
  protected ClientBuilder() {}

  /**
   * Replaces every setting with those of {@code config} (shared with other clients).
   *
   * @param config settings built once and shared, e.g. by a catalog and a scaffolder client
   * @return this builder, for chaining
   */
  public B config(ClientConfig config) {
    this.config = Objects.requireNonNull(config, "config").toBuilder();
    return self();
  }

  /**
   * Sets the backend's root URL (required), e.g. {@code http://localhost:7007}.
   *
   * @param baseUrl the backend's root, without {@code /api}
   * @return this builder, for chaining
   */
  public B baseUrl(URI baseUrl) {
    config.baseUrl(baseUrl);
    return self();
  }

  /**
   * Sets the backend's root URL from a string.
   *
   * @param baseUrl the backend's root, without {@code /api}, e.g. {@code https://backstage.example.com}
   * @return this builder, for chaining
   */
  public B baseUrl(String baseUrl) {
    config.baseUrl(baseUrl);
    return self();
  }

  /**
   * Sets where tokens come from (default: none).
   *
   * @param credentials the token source asked before every call
   * @return this builder, for chaining
   */
  public B credentials(CredentialsProvider credentials) {
    config.credentials(credentials);
    return self();
  }

  /**
   * Sends this static token (an external-access token, for example); never shown in {@code toString()}.
   *
   * @param token the bearer token sent on every call
   * @return this builder, for chaining
   */
  public B token(String token) {
    config.token(token);
    return self();
  }

  /**
   * Sets whether responses are requested gzip-compressed. The default, {@link ResponseCompression#AUTO}, asks
   * for gzip only for hosts that are not loopback or private: on a real backend on loopback a whole-catalog
   * read took 0.34 s uncompressed (19.3 MiB) and 2.5 s with gzip (1.4 MiB), the server spending ~2 s
   * compressing; over a slow WAN the smaller transfer wins.
   *
   * @param compression when to ask for gzip
   * @return this builder, for chaining
   */
  public B compression(ResponseCompression compression) {
    config.compression(compression);
    return self();
  }

  /**
   * Sets the read timeout (longest silence while reading).
   *
   * @param timeout the longest wait for the next bytes of an answer
   * @return this builder, for chaining
   */
  public B readTimeout(Duration timeout) {
    config.readTimeout(timeout);
    return self();
  }

  /**
   * Sets the retry options (a call that is not safe to repeat, such as creating a task, is never retried).
   *
   * @param retry how often and how long apart failed calls are repeated
   * @return this builder, for chaining
   */
  public B retry(RetryOptions retry) {
    config.retry(retry);
    return self();
  }

  /**
   * Sets the application name shown in the {@code User-Agent} header.
   *
   * @param name your application's name, so server logs show who calls
   * @return this builder, for chaining
   */
  public B applicationName(String name) {
    config.applicationName(name);
    return self();
  }

  /**
   * {@return the transport configuration of these settings}
   *
   * @throws IllegalStateException when the base URL is missing
   */
  protected ClientConfig clientConfig() {
    return config.build();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
