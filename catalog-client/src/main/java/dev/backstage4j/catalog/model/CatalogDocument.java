package dev.backstage4j.catalog.model;

import java.util.Map;
import java.util.function.Function;

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
  private final Function<String, SourceLocation> locator;

  CatalogDocument(Map<String, Object> tree, SourceLocation source, ValidationResult validation) {
    this(tree, source, validation, path -> source);
  }

  CatalogDocument(Map<String, Object> tree, SourceLocation source, ValidationResult validation,
      Function<String, SourceLocation> locator) {
    this.tree = tree;
    this.source = source;
    this.validation = validation;
    this.locator = locator;
  }

  /** {@return the document's tree as unmodifiable plain Java values (empty if the root was not a map)} */
  public Map<String, Object> tree() {
    return tree;
  }

  /** {@return where the document starts} */
  public SourceLocation source() {
    return source;
  }

  /**
   * {@return where a field starts, e.g. {@code spec.steps.0.action}: its own place, or that of its nearest parent
   * in the file when the field is missing; the document start for {@code ""}} Lets other checks (a template's
   * steps, say) report {@code file:line:column} as the catalog's own violations do.
   *
   * @param dottedPath the field, as dot-separated keys and list indexes
   */
  public SourceLocation locationOf(String dottedPath) {
    return locator.apply(dottedPath == null ? "" : dottedPath);
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
   * {@return the document as an entity}
   *
   * @throws InvalidEntityException naming every violation with its file:line:column, if the document is not
   *     valid
   */
  public Entity entity() {
    return validation.orThrow();
  }

  /** Returns the source location and verdict for debugging. */
  @Override
  public String toString() {
    return "CatalogDocument{" + source + ", " + (isValid() ? "valid" : validation.violations().size()
        + " violations") + "}";
  }
}
