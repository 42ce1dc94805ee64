package dev.backstage4j.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/**
 * Registers {@link BackstageJacksonModule} with the application's Jackson 3 mapper, so an {@code Entity} returned
 * from a controller is Backstage JSON (without it, Boot 4 wrote {@code {}}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(JacksonModule.class)
public class BackstageJacksonAutoConfiguration {

  /** The module; Boot's JacksonAutoConfiguration adds every {@code JacksonModule} bean to the mapper. */
  @Bean
  @ConditionalOnMissingBean
  BackstageJacksonModule backstageJacksonModule() {
    return new BackstageJacksonModule();
  }
}
