/**
 * Spring Boot 4 auto-configuration for backstage4j. Add {@code dev.backstage4j:backstage4j-spring-boot-starter}
 * and set {@code backstage.base-url} and {@code backstage.token}: the application gets {@code CatalogClient} and
 * {@code ScaffolderClient} beans, client metrics in its {@code MeterRegistry}, a {@code backstage} Actuator health
 * indicator, Backstage JSON for the catalog model in its Jackson mapper, and {@link
 * dev.backstage4j.spring.AutoConfigureFakeBackstage} for tests. Every Spring type of the SDK lives here.
 */
package dev.backstage4j.spring;
