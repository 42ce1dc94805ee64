package dev.backstage4j.spring;

import dev.backstage4j.micrometer.BackstageClientObservations;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * A Micrometer observation per Backstage call ({@code backstage.client.requests}), so with Micrometer Tracing on
 * the classpath each call is a client span and Backstage receives the trace context ({@code traceparent}). The
 * {@link BackstageClientObservations} bean is a {@code RequestListener}, which
 * {@link BackstageClientAutoConfiguration} adds to the client config.
 */
@AutoConfiguration(before = BackstageClientAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, BackstageClientObservations.class})
public class BackstageObservationAutoConfiguration {

  /**
   * The observing request listener.
   *
   * @param registry the application's observation registry
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(ObservationRegistry.class)
  BackstageClientObservations backstageClientObservations(ObservationRegistry registry) {
    return new BackstageClientObservations(registry);
  }
}
