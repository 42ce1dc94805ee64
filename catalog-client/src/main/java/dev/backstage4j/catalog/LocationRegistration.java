package dev.backstage4j.catalog;

import dev.backstage4j.catalog.model.Entity;
import java.util.List;
import java.util.Objects;

/**
 * Holds the answer to registering a location: the location, the entities it produces (only filled by a dry
 * run; a real registration is processed asynchronously) and, for a dry run, whether it is already registered.
 * Immutable.
 */
public final class LocationRegistration {
  private final Location location;
  private final List<Entity> entities;
  private final boolean exists;

  private LocationRegistration(Location location, List<Entity> entities, boolean exists) {
    this.location = location;
    this.entities = List.copyOf(entities);
    this.exists = exists;
  }

  /**
   * {@return a registration result}
   *
   * @param location the stored (or, for a dry run, would-be) location
   * @param entities the entities it produces; empty for a real registration
   * @param exists whether the location was registered before
   */
  public static LocationRegistration of(Location location, List<Entity> entities, boolean exists) {
    return new LocationRegistration(Objects.requireNonNull(location, "location"), entities, exists);
  }

  /** {@return the location (for a dry run its id is {@code <type>:<target>})} */
  public Location location() {
    return location;
  }

  /** {@return what a dry run would ingest, the generated Location entity first; empty for a real registration} */
  public List<Entity> entities() {
    return entities;
  }

  /** {@return whether a dry run found the same type and target already registered; false otherwise} */
  public boolean exists() {
    return exists;
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LocationRegistration)) {
      return false;
    }
    LocationRegistration r = (LocationRegistration) o;
    return location.equals(r.location) && entities.equals(r.entities) && exists == r.exists;
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return Objects.hash(location, entities, exists);
  }

  /** {@return a short description for logs} */
  @Override
  public String toString() {
    return "LocationRegistration{" + location + ", entities=" + entities.size() + (exists ? ", exists" : "") + "}";
  }
}
