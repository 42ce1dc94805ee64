package dev.backstage4j.catalog;

import java.util.Objects;

/**
 * Holds a registered catalog location: its id, type ({@code url}, {@code file}) and target, and on newer servers
 * the ref of the {@code Location} entity generated for it. Immutable.
 */
public final class Location {
  private final String id;
  private final String type;
  private final String target;
  private final String entityRef;

  private Location(String id, String type, String target, String entityRef) {
    this.id = id;
    this.type = type;
    this.target = target;
    this.entityRef = entityRef;
  }

  /**
   * {@return a location; {@code entityRef} may be null}
   *
   * @param id the catalog's id of the location
   * @param type the location type, usually {@code url}
   * @param target where the entity file is
   * @param entityRef the ref of the generated Location entity, or null when the server does not report it
   */
  public static Location of(String id, String type, String target, String entityRef) {
    return new Location(Objects.requireNonNull(id, "id"), Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(target, "target"), entityRef);
  }

  /** {@return the id: a UUID, or {@code <type>:<target>} for a dry run} */
  public String id() {
    return id;
  }

  /** {@return the type, e.g. {@code url}} */
  public String type() {
    return type;
  }

  /** {@return the target, e.g. {@code https://github.com/org/repo/blob/main/catalog-info.yaml}} */
  public String target() {
    return target;
  }

  /** {@return the ref of the generated Location entity, or null when the server does not report it} */
  public String entityRef() {
    return entityRef;
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Location)) {
      return false;
    }
    Location l = (Location) o;
    return id.equals(l.id) && type.equals(l.type) && target.equals(l.target) && Objects.equals(entityRef, l.entityRef);
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return Objects.hash(id, type, target, entityRef);
  }

  /** {@return a short description for logs} */
  @Override
  public String toString() {
    return "Location{" + id + ", " + type + ":" + target + "}";
  }
}
