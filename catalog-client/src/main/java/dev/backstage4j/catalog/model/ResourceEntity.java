package dev.backstage4j.catalog.model;

import java.util.List;

/**
 * Gives typed access to a {@code Resource} entity's spec: type, owner, system, dependsOn, dependencyOf.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class ResourceEntity extends SystemPartView {
  private ResourceEntity(Entity entity) {
    super(entity, "Resource");
  }

  /**
   * {@return the view of an entity of kind {@code Resource}}
   *
   * @param entity an entity of kind {@code Resource}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static ResourceEntity of(Entity entity) {
    return new ResourceEntity(entity);
  }

  /** {@return {@code spec.dependsOn}} */
  public List<String> dependsOn() {
    return Spec.strings(spec(), "dependsOn");
  }

  /** {@return {@code spec.dependencyOf}} */
  public List<String> dependencyOf() {
    return Spec.strings(spec(), "dependencyOf");
  }
}
