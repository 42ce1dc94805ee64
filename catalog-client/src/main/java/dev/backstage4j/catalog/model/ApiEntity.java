package dev.backstage4j.catalog.model;

/**
 * Gives typed access to an {@code API} entity's spec: type, lifecycle, owner, system, definition.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class ApiEntity extends SystemPartView {
  private ApiEntity(Entity entity) {
    super(entity, "API");
  }

  /**
   * {@return the view of an entity of kind {@code API}}
   *
   * @param entity an entity of kind {@code API}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static ApiEntity of(Entity entity) {
    return new ApiEntity(entity);
  }

  /** {@return {@code spec.lifecycle}} */
  public String lifecycle() {
    return Spec.string(spec(), "lifecycle");
  }

  /** {@return {@code spec.definition} (the API definition text)} */
  public String definition() {
    return Spec.string(spec(), "definition");
  }
}
