package dev.backstage4j.catalog.model;

import java.util.Objects;

/**
 * Describes one reason an entity is not valid: the field path (for example {@code metadata.name} or
 * {@code spec.owner}), a message saying what was expected, and where the field is in the source file when the
 * entity was read from YAML.
 *
 * <p>Immutable.
 */
public final class Violation {
  private final String path;
  private final String message;
  private final SourceLocation location;

  private Violation(String path, String message, SourceLocation location) {
    this.path = Objects.requireNonNull(path, "path");
    this.message = Objects.requireNonNull(message, "message");
    this.location = location;
  }

  /**
   * {@return a violation at the given field path with no source location}
   *
   * @param path the field, e.g. {@code metadata.name}
   * @param message what is wrong, for a person to read
   */
  public static Violation of(String path, String message) {
    return new Violation(path, message, null);
  }

  /**
   * {@return a copy of this violation pointing at the given source location (may be null)}
   *
   * @param where the place in a file, or null
   */
  public Violation at(SourceLocation where) {
    return new Violation(path, message, where);
  }

  /** {@return the dotted field path, for example {@code metadata.links.0.url}; empty for the entity itself} */
  public String path() {
    return path;
  }

  /** {@return what is wrong, in words a person understands} */
  public String message() {
    return message;
  }

  /** {@return where the field is in the source file, or null when the entity did not come from a file} */
  public SourceLocation location() {
    return location;
  }

  /** {@return {@code file:line:column: path: message}, leaving out the parts that are unknown} */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (location != null) {
      b.append(location).append(": ");
    }
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(message).toString();
  }

  /** {@return whether the other object has the same path, message and location} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Violation)) {
      return false;
    }
    Violation v = (Violation) o;
    return v.path.equals(path) && v.message.equals(message) && Objects.equals(v.location, location);
  }

  /** {@return a hash of path, message and location} */
  @Override
  public int hashCode() {
    return Objects.hash(path, message, location);
  }
}
