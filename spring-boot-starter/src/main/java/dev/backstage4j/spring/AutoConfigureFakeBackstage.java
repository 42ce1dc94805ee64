package dev.backstage4j.spring;

import dev.backstage4j.testkit.FakeBackstage;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Runs a {@link FakeBackstage} with the sample catalog for a {@code @SpringBootTest} and points the auto-configured
 * clients at it; no {@code backstage.*} properties are needed. Inject the fake to seed data or inject faults.
 * Declare your own {@code FakeBackstage} bean instead to choose its data; this one then steps aside.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFakeBackstage
 * class MyServiceTest {
 *   @Autowired CatalogClient catalog;   // talks to the fake
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(AutoConfigureFakeBackstage.FakeBackstageConfiguration.class)
public @interface AutoConfigureFakeBackstage {

  /** Declares the sample-catalog fake unless the test declares its own. */
  @Configuration(proxyBeanMethods = false)
  class FakeBackstageConfiguration {

    /** The fake, started; stopped with the context. */
    @Bean
    @ConditionalOnMissingBean
    FakeBackstage fakeBackstage() {
      return FakeBackstage.builder().sampleCatalog().build().start();
    }
  }
}
