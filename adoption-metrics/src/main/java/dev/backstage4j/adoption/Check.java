package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Holds one scorecard check: an id, a title, a "how to fix" text, points, a {@link Scope} and the rule itself.
 *
 * <p>Immutable and thread-safe when its rule is.
 *
 * <pre>{@code
 * Check tier = Check.of("has-tier-label", "Has a tier label", "Add metadata.labels.tier",
 *     e -> e.metadata().labels().containsKey("tier"));
 * }</pre>
 */
public final class Check {
  private final String id;
  private final String title;
  private final String howToFix;
  private final int points;
  private final Scope scope;
  private final CheckRule rule;

  private Check(String id, String title, String howToFix, int points, Scope scope, CheckRule rule) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("Check id must be letters, digits, '.', '_' or '-', found: " + id);
    }
    if (points < 0) {
      throw new IllegalArgumentException("Check " + id + ": points must not be negative");
    }
    this.id = id;
    this.title = Objects.requireNonNull(title, "title");
    this.howToFix = Objects.requireNonNull(howToFix, "howToFix");
    this.points = points;
    this.scope = Objects.requireNonNull(scope, "scope");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * {@return a one-point check over every entity, decided by a plain predicate}
   *
   * @param id the check's id, unique within a scorecard
   * @param title the check's title, shown in reports
   * @param howToFix what to do to pass it, shown in reports and nudges
   * @param predicate true when the entity passes; not null
   */
  public static Check of(String id, String title, String howToFix, Predicate<Entity> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    return new Check(id, title, howToFix, 1, Scope.all(), (e, c) -> predicate.test(e));
  }

  /**
   * {@return a one-point check over every entity, decided by a rule that may use the evaluation context}
   *
   * @param id the check's id, unique within a scorecard
   * @param title the check's title, shown in reports
   * @param howToFix what to do to pass it, shown in reports and nudges
   * @param rule decides whether the entity passes
   */
  public static Check of(String id, String title, String howToFix, CheckRule rule) {
    return new Check(id, title, howToFix, 1, Scope.all(), rule);
  }

  /**
   * {@return a copy with another scope}
   *
   * @param newScope the entities the check applies to
   */
  public Check withScope(Scope newScope) {
    return new Check(id, title, howToFix, points, newScope, rule);
  }

  /**
   * {@return a copy worth the given points in the score (default 1; 0 means it only gates levels)}
   *
   * @param newPoints the points; 0 or more
   */
  public Check withPoints(int newPoints) {
    return new Check(id, title, howToFix, newPoints, scope, rule);
  }

  /**
   * {@return a copy with another id, for using one built-in check twice with different scopes}
   *
   * @param newId the new id
   */
  public Check withId(String newId) {
    return new Check(newId, title, howToFix, points, scope, rule);
  }

  /**
   * {@return a copy with another title}
   *
   * @param newTitle the new title
   */
  public Check withTitle(String newTitle) {
    return new Check(id, newTitle, howToFix, points, scope, rule);
  }

  /**
   * {@return a copy with another "how to fix" text}
   *
   * @param text the new "how to fix" text
   */
  public Check withHowToFix(String text) {
    return new Check(id, title, text, points, scope, rule);
  }

  /** {@return the id, unique within a scorecard} */
  public String id() {
    return id;
  }

  /** {@return the title shown in reports} */
  public String title() {
    return title;
  }

  /** {@return the text telling an owner how to make the check pass} */
  public String howToFix() {
    return howToFix;
  }

  /** {@return the points the check is worth in the score} */
  public int points() {
    return points;
  }

  /** {@return the scope} */
  public Scope scope() {
    return scope;
  }

  /** {@return the rule} */
  public CheckRule rule() {
    return rule;
  }

  /**
   * Returns the outcome for one entity, ignoring exemptions. A rule that throws counts as failing.
   *
   * @param entity the entity to evaluate
   * @param context the evaluation context the rule may use
   * @return {@code NOT_APPLICABLE} outside the check's scope, else {@code PASSED} or {@code FAILED}
   */
  public Outcome evaluate(Entity entity, EvaluationContext context) {
    if (!scope.appliesTo(entity)) {
      return Outcome.NOT_APPLICABLE;
    }
    try {
      return rule.test(entity, context) ? Outcome.PASSED : Outcome.FAILED;
    } catch (RuntimeException e) {
      return Outcome.FAILED;
    }
  }

  /** {@return the id and title} */
  @Override
  public String toString() {
    return "Check{" + id + ": " + title + (scope.toString().isEmpty() ? "" : ", " + scope) + "}";
  }
}
