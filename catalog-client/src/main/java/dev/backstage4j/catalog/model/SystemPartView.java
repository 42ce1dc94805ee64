package dev.backstage4j.catalog.model;

/** Owned kinds that can belong to a system (Component, API, Resource): {@code spec.system}. */
abstract class SystemPartView extends OwnedKindView {

  SystemPartView(Entity entity, String kind) {
    super(entity, kind);
  }

  /** {@return {@code spec.system}, or null when absent} */
  public String system() {
    return Spec.string(spec(), "system");
  }

  /**
   * {@return {@code spec.system} as a ref (default kind System, the entity's namespace), or null when absent}
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef systemRef() {
    return Spec.ref(entity, system(), "System");
  }
}
