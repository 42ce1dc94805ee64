package dev.backstage4j.catalog.model;

/**
 * Gives typed access to a {@code Domain} entity's spec: owner, subdomainOf, type.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class DomainEntity extends OwnedKindView {
  private DomainEntity(Entity entity) {
    super(entity, "Domain");
  }

  /**
   * {@return the view of an entity of kind {@code Domain}}
   *
   * @param entity an entity of kind {@code Domain}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static DomainEntity of(Entity entity) {
    return new DomainEntity(entity);
  }

  /** {@return {@code spec.subdomainOf}} */
  public String subdomainOf() {
    return Spec.string(spec(), "subdomainOf");
  }

  /**
   * {@return {@code spec.subdomainOf} as a ref (default kind Domain), or null when absent}
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef subdomainOfRef() {
    return Spec.ref(entity, subdomainOf(), "Domain");
  }

}
