package dev.backstage4j.catalog.model;

/**
 * Gives typed access to an {@code API} entity's spec: type, lifecycle, owner, system, definition.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class ApiEntity extends KindView {
  private ApiEntity(Entity entity) {
    super(entity, "API");
  }

  /**
   * Returns the view of an entity of kind {@code API}.
   *
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static ApiEntity of(Entity entity) {
    return new ApiEntity(entity);
  }

  /** Returns {@code spec.type}, for example openapi, asyncapi, graphql, grpc. */
  public String type() {
    return Spec.string(spec(), "type");
  }

  /** Returns {@code spec.lifecycle}. */
  public String lifecycle() {
    return Spec.string(spec(), "lifecycle");
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

  /** Returns {@code spec.definition} (the API definition text). */
  public String definition() {
    return Spec.string(spec(), "definition");
  }
}
