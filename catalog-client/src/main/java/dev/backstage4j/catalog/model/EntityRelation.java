package dev.backstage4j.catalog.model;

import java.util.Objects;

/**
 * Describes a relation the catalog computed from one entity to another, such as {@code ownedBy}.
 *
 * <p>Immutable. See {@link Relations} for the well-known types.
 */
public final class EntityRelation {
  private final String type;
  private final EntityRef targetRef;

  private EntityRelation(String type, EntityRef targetRef) {
    this.type = Objects.requireNonNull(type, "type");
    this.targetRef = Objects.requireNonNull(targetRef, "targetRef");
  }

  /**
   * {@return a relation of the given type to the given entity}
   *
   * @param type the relation type, e.g. {@code ownedBy}
   * @param targetRef the related entity
   */
  public static EntityRelation of(String type, EntityRef targetRef) {
    return new EntityRelation(type, targetRef);
  }

  /** {@return the relation type, for example {@code ownedBy}} */
  public String type() {
    return type;
  }

  /** {@return the entity the relation points at} */
  public EntityRef targetRef() {
    return targetRef;
  }

  /** {@return whether the other object has the same type and target} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityRelation && ((EntityRelation) o).type.equals(type)
        && ((EntityRelation) o).targetRef.equals(targetRef);
  }

  /** {@return a hash of type and target} */
  @Override
  public int hashCode() {
    return Objects.hash(type, targetRef);
  }

  /** {@return {@code type -> target}} */
  @Override
  public String toString() {
    return type + " -> " + targetRef;
  }
}
