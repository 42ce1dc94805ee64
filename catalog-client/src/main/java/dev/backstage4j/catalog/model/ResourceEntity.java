package dev.backstage4j.catalog.model;

import java.util.List;

/**
 * Gives typed access to a {@code Resource} entity's spec: type, owner, system, dependsOn, dependencyOf.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class ResourceEntity extends KindView {
  private ResourceEntity(Entity entity) {
    super(entity, "Resource");
  }

  /**
   * Returns the view of an entity of kind {@code Resource}.
   *
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static ResourceEntity of(Entity entity) {
    return new ResourceEntity(entity);
  }

  /** Returns {@code spec.type}, for example database. */
  public String type() {
    return Spec.string(spec(), "type");
  }

  /** Returns {@code spec.owner}. */
  public String owner() {
    return Spec.string(spec(), "owner");
  }

  /**
   * Returns {@code spec.owner} as a ref (default kind Group), or null when absent.
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef ownerRef() {
    return Spec.ref(entity, owner(), "Group");
  }

  /** Returns {@code spec.system}. */
  public String system() {
    return Spec.string(spec(), "system");
  }

  /**
   * Returns {@code spec.system} as a ref (default kind System), or null when absent.
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef systemRef() {
    return Spec.ref(entity, system(), "System");
  }

  /** Returns {@code spec.dependsOn}. */
  public List<String> dependsOn() {
    return Spec.strings(spec(), "dependsOn");
  }

  /** Returns {@code spec.dependencyOf}. */
  public List<String> dependencyOf() {
    return Spec.strings(spec(), "dependencyOf");
  }
}
