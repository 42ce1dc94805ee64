package dev.backstage4j.catalog.model;

import java.util.List;

/**
 * Gives typed access to a {@code Location} entity's spec: type, target, targets, presence.
 *
 * <p>A read-only view over an {@link Entity}: getters return null (or an empty list) when a field is absent or
 * has another type; refs are resolved with Backstage's default kind and the entity's namespace.
 */
public final class LocationEntity extends KindView {
  private LocationEntity(Entity entity) {
    super(entity, "Location");
  }

  /**
   * {@return the view of an entity of kind {@code Location}}
   *
   * @param entity an entity of kind {@code Location}
   * @throws IllegalArgumentException if the entity has another kind
   */
  public static LocationEntity of(Entity entity) {
    return new LocationEntity(entity);
  }

  /** {@return {@code spec.type}, for example url or file} */
  public String type() {
    return Spec.string(spec(), "type");
  }

  /** {@return {@code spec.target}} */
  public String target() {
    return Spec.string(spec(), "target");
  }

  /** {@return {@code spec.targets}} */
  public List<String> targets() {
    return Spec.strings(spec(), "targets");
  }

  /** {@return {@code spec.presence}: {@code required} (the default when absent) or {@code optional}} */
  public String presence() {
    String p = Spec.string(spec(), "presence");
    return p == null ? "required" : p;
  }
}
