package dev.backstage4j.spring;

import dev.backstage4j.micrometer.BackstageClientMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The SDK's client metrics ({@code backstage.client.requests}, {@code .retries}, {@code .circuit.state}) in the
 * application's {@link MeterRegistry}. One {@link BackstageClientMetrics} bean does both jobs: Boot binds it to the
 * registry once as a {@code MeterBinder}, and {@link BackstageClientAutoConfiguration} adds it to the client
 * config as a {@code RequestListener} — so nothing is registered or counted twice.
 */
@AutoConfiguration(before = BackstageClientAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, BackstageClientMetrics.class})
public class BackstageMetricsAutoConfiguration {

  /** The metrics listener and binder. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(MeterRegistry.class)
  BackstageClientMetrics backstageClientMetrics() {
    return new BackstageClientMetrics();
  }
}
