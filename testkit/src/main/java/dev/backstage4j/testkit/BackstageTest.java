package dev.backstage4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link FakeBackstage} per test class (seeded with the sample organisation unless told otherwise) and
 * injects it, or a client configured for it, into test and lifecycle method parameters and constructors.
 *
 * <pre>{@code
 * @BackstageTest
 * class MyIntegrationTest {
 *   @Test
 *   void findsServices(CatalogClient catalog) { ... }
 * }
 * }</pre>
 *
 * <p>Injectable parameter types: {@link FakeBackstage}, and {@code dev.backstage4j.catalog.CatalogClient} /
 * {@code dev.backstage4j.scaffolder.ScaffolderClient} when those modules are on the test classpath. Faults set
 * through {@link FakeBackstage#faults()} are cleared before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BackstageExtension.class)
public @interface BackstageTest {
  /**
   * Whether to seed the shipped sample organisation (default true).
   *
   * @return false for an empty catalog (or only {@link #catalogResources})
   */
  boolean sampleCatalog() default true;

  /**
   * Classpath YAML resources to seed in addition, each read as a config location.
   *
   * @return the resource paths, e.g. {@code catalog/my-team.yaml}
   */
  String[] catalogResources() default {};
}
