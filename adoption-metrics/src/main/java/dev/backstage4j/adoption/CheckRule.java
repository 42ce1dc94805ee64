package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;

/**
 * Decides whether one entity passes a check. Implementations must be thread-safe and should not block: they run
 * once per entity per check.
 */
@FunctionalInterface
public interface CheckRule {
  /**
   * {@return whether the entity passes}
   *
   * @param context catalog-wide facts gathered before evaluation, such as the set of existing owners
   * @param entity the entity to test
   */
  boolean test(Entity entity, EvaluationContext context);
}
