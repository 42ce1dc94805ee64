package dev.backstage4j.adoption;

import java.util.Objects;

/**
 * Describes a check in a result or snapshot: everything about it except its rule, so results read back from a
 * snapshot file still show titles and fixes.
 */
public final class CheckInfo {
  private final String id;
  private final String title;
  private final String howToFix;
  private final int points;
  private final String scope;

  CheckInfo(String id, String title, String howToFix, int points, String scope) {
    this.id = id;
    this.title = title;
    this.howToFix = howToFix;
    this.points = points;
    this.scope = scope;
  }

  static CheckInfo of(Check c) {
    return new CheckInfo(c.id(), c.title(), c.howToFix(), c.points(), c.scope().toString());
  }

  /** {@return the id} */
  public String id() {
    return id;
  }

  /** {@return the title} */
  public String title() {
    return title;
  }

  /** {@return the "how to fix" text} */
  public String howToFix() {
    return howToFix;
  }

  /** {@return the points} */
  public int points() {
    return points;
  }

  /** {@return the scope as text; empty when the check applies to every entity} */
  public String scope() {
    return scope;
  }

  /** {@return whether the other object describes the same check} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CheckInfo)) {
      return false;
    }
    CheckInfo c = (CheckInfo) o;
    return c.id.equals(id) && c.title.equals(title) && c.howToFix.equals(howToFix) && c.points == points
        && c.scope.equals(scope);
  }

  /** {@return a hash of all fields} */
  @Override
  public int hashCode() {
    return Objects.hash(id, title, howToFix, points, scope);
  }

  /** {@return id and title} */
  @Override
  public String toString() {
    return id + ": " + title;
  }
}
