package dev.backstage4j.catalog.model;

import java.util.List;

/**
 * Gives typed access to a {@code User} entity's spec: profile and memberOf.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class UserEntity extends KindView {
  private UserEntity(Entity entity) {
    super(entity, "User");
  }

  /**
   * {@return the view of an entity of kind {@code User}}
   *
   * @param entity an entity of kind {@code User}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static UserEntity of(Entity entity) {
    return new UserEntity(entity);
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

  /** {@return {@code spec.memberOf}} */
  public List<String> memberOf() {
    return Spec.strings(spec(), "memberOf");
  }

  /**
   * {@return {@code spec.memberOf} as refs (default kind Group)}
   *
   * @throws IllegalArgumentException if a value is not a valid ref
   */
  public List<EntityRef> memberOfRefs() {
    return Spec.refs(entity, memberOf(), "Group");
  }
}
