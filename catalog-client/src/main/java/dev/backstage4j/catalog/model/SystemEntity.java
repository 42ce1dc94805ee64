package dev.backstage4j.catalog.model;

/**
 * Gives typed access to a {@code System} entity's spec: owner, domain, type.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class SystemEntity extends OwnedKindView {
  private SystemEntity(Entity entity) {
    super(entity, "System");
  }

  /**
   * {@return the view of an entity of kind {@code System}}
   *
   * @param entity an entity of kind {@code System}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static SystemEntity of(Entity entity) {
    return new SystemEntity(entity);
  }

  /** {@return {@code spec.domain}} */
  public String domain() {
    return Spec.string(spec(), "domain");
  }

  /**
   * {@return {@code spec.domain} as a ref (default kind Domain), or null when absent}
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef domainRef() {
    return Spec.ref(entity, domain(), "Domain");
  }

}
