package dev.backstage4j.catalog.model;

import java.util.List;
import java.util.Map;

/**
 * Holds the outcome of validating one entity: the verdict and every violation found.
 *
 * <p>Immutable. Use {@link #orThrow()} to turn a rejection into an {@link InvalidEntityException} and an
 * acceptance into an {@link Entity}.
 */
public final class ValidationResult {
  private final Map<String, ?> tree;
  private final List<Violation> violations;
  private final SourceLocation source;

  ValidationResult(Map<String, ?> tree, List<Violation> violations, SourceLocation source) {
    this.tree = tree;
    this.violations = List.copyOf(violations);
    this.source = source;
  }

  /** {@return whether the catalog would accept the entity} */
  public boolean isValid() {
    return violations.isEmpty();
  }

  /** {@return every violation found; empty when the entity is valid} */
  public List<Violation> violations() {
    return violations;
  }

  /** {@return where the validated document starts when it was read from a file, or null} */
  public SourceLocation source() {
    return source;
  }

  /**
   * {@return the validated entity}
   *
   * @throws InvalidEntityException listing every violation, if the entity is not valid
   */
  public Entity orThrow() {
    if (!violations.isEmpty()) {
      throw new InvalidEntityException(subject(), violations);
    }
    return Entity.fromMap(tree);
  }

  private String subject() {
    Object md = tree.get("metadata");
    Object name = md instanceof Map ? ((Map<?, ?>) md).get("name") : null;
    String s = name instanceof String ? "Entity \"" + name + "\"" : "Entity";
    return source == null ? s : s + " at " + source;
  }

  /** {@return the verdict and violations for debugging} */
  @Override
  public String toString() {
    return isValid() ? "ValidationResult{valid}" : "ValidationResult{invalid: " + violations + "}";
  }
}
