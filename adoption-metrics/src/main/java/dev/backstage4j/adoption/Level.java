package dev.backstage4j.adoption;

import java.util.List;
import java.util.Objects;

/**
 * Holds one level of a {@link Track}: a name (for example {@code Bronze}) and the ids of the checks an entity
 * must pass to hold it, in addition to the checks of every lower level.
 */
public final class Level {
  private final String name;
  private final List<String> checkIds;

  private Level(String name, List<String> checkIds) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Level name must not be blank");
    }
    this.name = name;
    this.checkIds = List.copyOf(checkIds);
  }

  /**
   * {@return a level with the given name and check ids}
   *
   * @param name the level's name, e.g. {@code Bronze}
   * @param checkIds the ids of the checks an entity must not fail (passed, exempt or not applicable) to hold it
   */
  public static Level of(String name, String... checkIds) {
    return new Level(name, List.of(checkIds));
  }

  /**
   * {@return a level with the given name and check ids}
   *
   * @param name the level's name, e.g. {@code Bronze}
   * @param checkIds the ids of the checks an entity must not fail (passed, exempt or not applicable) to hold it
   */
  public static Level of(String name, List<String> checkIds) {
    return new Level(name, checkIds);
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the ids of the checks this level adds} */
  public List<String> checkIds() {
    return checkIds;
  }

  /** {@return whether the other object is a level with the same name and checks} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Level && ((Level) o).name.equals(name) && ((Level) o).checkIds.equals(checkIds);
  }

  /** {@return a hash of name and checks} */
  @Override
  public int hashCode() {
    return Objects.hash(name, checkIds);
  }

  /** {@return the name and checks} */
  @Override
  public String toString() {
    return name + checkIds;
  }
}
