package dev.backstage4j.catalog.model;

import dev.backstage4j.core.BackstageException;
import java.util.List;

/**
 * Thrown when an entity does not have the shape or content the catalog accepts; lists every violation.
 *
 * <p>The message names each field path (and file:line:column for entities read from YAML).
 */
public final class InvalidEntityException extends BackstageException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates an exception for the given violations, with a summary of what is being checked.
   *
   * @param subject what was checked, e.g. a file name or an entity ref
   * @param violations every violation found, at least one
   */
  public InvalidEntityException(String subject, List<Violation> violations) {
    super(message(subject, violations));
    this.violations = List.copyOf(violations);
  }

  /** {@return every violation found, in the order found} */
  public List<Violation> violations() {
    return violations == null ? List.of() : violations;
  }

  private static String message(String subject, List<Violation> violations) {
    StringBuilder b = new StringBuilder(subject).append(" is not valid: ");
    for (int i = 0; i < violations.size(); i++) {
      b.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return b.toString();
  }
}
