package dev.backstage4j.catalog.model;

import java.util.Map;

/**
 * Holds one document of a catalog YAML file: its tree, where it starts, and its validation result with every
 * violation pointing at {@code file:line:column}.
 *
 * <p>Immutable.
 */
public final class CatalogDocument {
  private final Map<String, Object> tree;
  private final SourceLocation source;
  private final ValidationResult validation;

  CatalogDocument(Map<String, Object> tree, SourceLocation source, ValidationResult validation) {
    this.tree = tree;
    this.source = source;
    this.validation = validation;
  }

  /** {@return the document's tree as unmodifiable plain Java values (empty if the root was not a map)} */
  public Map<String, Object> tree() {
    return tree;
  }

  /** {@return where the document starts} */
  public SourceLocation source() {
    return source;
  }

  /** {@return whether the catalog would accept the document} */
  public boolean isValid() {
    return validation.isValid();
  }

  /** {@return the verdict and every violation, each with its file:line:column} */
  public ValidationResult validation() {
    return validation;
  }

  /**
   * Returns the document as an entity.
   *
   * @throws InvalidEntityException naming every violation with its file:line:column, if the document is not
   *     valid
   */
  public Entity entity() {
    return validation.orThrow();
  }

  /** {@return the source location and verdict for debugging} */
  @Override
  public String toString() {
    return "CatalogDocument{" + source + ", " + (isValid() ? "valid" : validation.violations().size()
        + " violations") + "}";
  }
}
