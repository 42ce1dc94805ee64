package dev.backstage4j.spring;

import dev.backstage4j.plugin.PluginRouter;

/**
 * Adds routes to the auto-configured {@link PluginRouter} of a service that is a Backstage plugin
 * ({@code backstage.plugin.id}). Declare one or more as beans; they run in order.
 *
 * <pre>{@code
 * @Bean
 * PluginRouterCustomizer greeting() {
 *   return router -> router.get("/greeting", r -> PluginResponse.json(200, Map.of("hello", r.principal().subject())));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PluginRouterCustomizer {

  /**
   * Adds routes (or other settings) to the router being built.
   *
   * @param router the router builder
   */
  void customize(PluginRouter.Builder router);
}
