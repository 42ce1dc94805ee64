package dev.backstage4j.catalog.model;

/** The fields every owned kind has: {@code spec.type} and {@code spec.owner}. */
abstract class OwnedKindView extends KindView {

  OwnedKindView(Entity entity, String kind) {
    super(entity, kind);
  }

  /** {@return {@code spec.type}, or null when absent} */
  public String type() {
    return Spec.string(spec(), "type");
  }

  /** {@return {@code spec.owner}, or null when absent} */
  public String owner() {
    return Spec.string(spec(), "owner");
  }

  /**
   * {@return {@code spec.owner} as a ref (default kind Group, the entity's namespace), or null when absent}
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef ownerRef() {
    return Spec.ref(entity, owner(), "Group");
  }
}
