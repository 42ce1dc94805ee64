package dev.backstage4j.spring;

import dev.backstage4j.core.ClientConfig;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code backstage} health indicator ({@link BackstageHealthIndicator}) when Actuator's health support is on the
 * classpath; switch it off with {@code management.health.backstage.enabled=false}.
 */
@AutoConfiguration(after = BackstageClientAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("backstage")
public class BackstageHealthAutoConfiguration {

  /** The indicator, named {@code backstage} in {@code /actuator/health}. */
  @Bean(name = "backstageHealthIndicator")
  @ConditionalOnMissingBean(name = "backstageHealthIndicator")
  @ConditionalOnBean(ClientConfig.class)
  BackstageHealthIndicator backstageHealthIndicator(ClientConfig config) {
    return new BackstageHealthIndicator(config, Duration.ofSeconds(5));
  }
}
