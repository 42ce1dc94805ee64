package dev.backstage4j.adoption;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Holds an ordered ladder of {@link Level}s, lowest first, for example "Basics: Bronze → Silver → Gold". An
 * entity holds a level only if it passes that level's checks and those of every lower level (a check that does
 * not apply to the entity counts as passed). An optional {@link #withScope(Scope) scope} limits which entities
 * the track ranks.
 */
public final class Track {
  private final String name;
  private final List<Level> levels;
  private final Scope scope;

  private Track(String name, List<Level> levels, Scope scope) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Track name must not be blank");
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("Track " + name + " has no levels");
    }
    Set<String> seen = new HashSet<>();
    for (Level l : levels) {
      if (!seen.add(l.name())) {
        throw new IllegalArgumentException("Track " + name + " has level " + l.name() + " twice");
      }
    }
    this.name = name;
    this.levels = List.copyOf(levels);
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  /**
   * {@return a track with the given levels, lowest first}
   *
   * @param name the track's name
   * @param levels the levels, lowest first
   */
  public static Track of(String name, Level... levels) {
    return new Track(name, List.of(levels), Scope.all());
  }

  /**
   * {@return a track with the given levels, lowest first}
   *
   * @param name the track's name
   * @param levels the levels, lowest first
   */
  public static Track of(String name, List<Level> levels) {
    return new Track(name, levels, Scope.all());
  }

  /**
   * {@return a copy ranking only entities inside the scope, for example {@code Scope.kinds("Component")}} Entities
   * outside it hold no level in this track and are left out of its level counts (rather than counted as "none").
   *
   * @param newScope the entities the track ranks
   */
  public Track withScope(Scope newScope) {
    return new Track(name, levels, newScope);
  }

  /** {@return the scope of entities this track ranks} */
  public Scope scope() {
    return scope;
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the levels, lowest first} */
  public List<Level> levels() {
    return levels;
  }

  /**
   * {@return the index of the named level (0 = lowest), or -1}
   *
   * @param levelName the level's name, compared case-insensitively
   */
  public int indexOf(String levelName) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).name().equalsIgnoreCase(levelName)) {
        return i;
      }
    }
    return -1;
  }

  /** {@return whether the other object is a track with the same name and levels} */
  @Override
  public boolean equals(Object o) {
    return o instanceof Track && ((Track) o).name.equals(name) && ((Track) o).levels.equals(levels);
  }

  /** {@return a hash of name and levels} */
  @Override
  public int hashCode() {
    return Objects.hash(name, levels);
  }

  /** {@return the name and levels} */
  @Override
  public String toString() {
    return name + levels;
  }
}
