package dev.backstage4j.spring;

import dev.backstage4j.core.ClientConfig;

/**
 * Adjusts the auto-configured {@link ClientConfig} before it is built: declare a bean of this type to set what the
 * properties do not cover (a {@code CredentialsProvider} that refreshes tokens, circuit breaker options). Runs
 * after the properties are applied, in {@code @Order}.
 */
@FunctionalInterface
public interface ClientConfigCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the {@code backstage.*} properties already applied
   */
  void customize(ClientConfig.Builder builder);
}
