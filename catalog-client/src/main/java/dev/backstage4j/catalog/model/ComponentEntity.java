package dev.backstage4j.catalog.model;

import java.util.List;

/**
 * Gives typed access to a {@code Component} entity's spec: type, lifecycle, owner, system, subcomponentOf, providesApis, consumesApis, dependsOn, dependencyOf.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class ComponentEntity extends SystemPartView {
  private ComponentEntity(Entity entity) {
    super(entity, "Component");
  }

  /**
   * {@return the view of an entity of kind {@code Component}}
   *
   * @param entity an entity of kind {@code Component}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static ComponentEntity of(Entity entity) {
    return new ComponentEntity(entity);
  }

  /** {@return {@code spec.lifecycle}, for example experimental, production, deprecated} */
  public String lifecycle() {
    return Spec.string(spec(), "lifecycle");
  }

  /** {@return {@code spec.subcomponentOf}} */
  public String subcomponentOf() {
    return Spec.string(spec(), "subcomponentOf");
  }

  /**
   * {@return {@code spec.subcomponentOf} as a ref (default kind Component), or null when absent}
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef subcomponentOfRef() {
    return Spec.ref(entity, subcomponentOf(), "Component");
  }

  /** {@return {@code spec.providesApis}} */
  public List<String> providesApis() {
    return Spec.strings(spec(), "providesApis");
  }

  /**
   * {@return {@code spec.providesApis} as refs (default kind API)}
   *
   * @throws IllegalArgumentException if a value is not a valid ref
   */
  public List<EntityRef> providesApisRefs() {
    return Spec.refs(entity, providesApis(), "API");
  }

  /** {@return {@code spec.consumesApis}} */
  public List<String> consumesApis() {
    return Spec.strings(spec(), "consumesApis");
  }

  /**
   * {@return {@code spec.consumesApis} as refs (default kind API)}
   *
   * @throws IllegalArgumentException if a value is not a valid ref
   */
  public List<EntityRef> consumesApisRefs() {
    return Spec.refs(entity, consumesApis(), "API");
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
