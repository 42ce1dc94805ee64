package dev.backstage4j.catalog.model;

import java.util.List;

/**
 * Gives typed access to a {@code Group} entity's spec: type, profile, parent, children, members.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class GroupEntity extends KindView {
  private GroupEntity(Entity entity) {
    super(entity, "Group");
  }

  /**
   * {@return the view of an entity of kind {@code Group}}
   *
   * @param entity an entity of kind {@code Group}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static GroupEntity of(Entity entity) {
    return new GroupEntity(entity);
  }

  /** {@return {@code spec.type}, for example team, business-unit, product-area, root} */
  public String type() {
    return Spec.string(spec(), "type");
  }

  /** {@return {@code spec.profile.displayName}, or null} */
  public String displayName() {
    return Spec.string(Spec.map(spec(), "profile"), "displayName");
  }

  /** {@return {@code spec.profile.email}, or null} */
  public String email() {
    return Spec.string(Spec.map(spec(), "profile"), "email");
  }

  /** {@return {@code spec.profile.picture}, or null} */
  public String picture() {
    return Spec.string(Spec.map(spec(), "profile"), "picture");
  }

  /** {@return {@code spec.parent}} */
  public String parent() {
    return Spec.string(spec(), "parent");
  }

  /**
   * {@return {@code spec.parent} as a ref (default kind Group), or null when absent}
   *
   * @throws IllegalArgumentException if the value is not a valid ref
   */
  public EntityRef parentRef() {
    return Spec.ref(entity, parent(), "Group");
  }

  /** {@return {@code spec.children}} */
  public List<String> children() {
    return Spec.strings(spec(), "children");
  }

  /**
   * {@return {@code spec.children} as refs (default kind Group)}
   *
   * @throws IllegalArgumentException if a value is not a valid ref
   */
  public List<EntityRef> childrenRefs() {
    return Spec.refs(entity, children(), "Group");
  }

  /** {@return {@code spec.members}} */
  public List<String> members() {
    return Spec.strings(spec(), "members");
  }

  /**
   * {@return {@code spec.members} as refs (default kind User)}
   *
   * @throws IllegalArgumentException if a value is not a valid ref
   */
  public List<EntityRef> membersRefs() {
    return Spec.refs(entity, members(), "User");
  }
}
