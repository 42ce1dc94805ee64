package dev.backstage4j.catalog.model;

import dev.backstage4j.core.BackstageException;

/**
 * Thrown when a catalog YAML file cannot be read: a syntax error, a duplicate or complex key, a limit exceeded
 * (size, nesting, aliases) or an I/O failure. The message starts with {@code file:line:column}.
 */
public final class CatalogYamlException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** The YAML file (serialized form). */
  private final String file;
  /** The 1-based line, or 0 when unknown (serialized form). */
  private final int line;
  /** The 1-based column, or 0 when unknown (serialized form). */
  private final int column;
  /** What is wrong, without location (serialized form). */
  private final String problem;

  /**
   * Creates an exception for a problem at a place in a file.
   *
   * @param file the file name as given to the reader
   * @param problem what is wrong there
   * @param cause the parser's exception, or null
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   */
  public CatalogYamlException(String file, int line, int column, String problem, Throwable cause) {
    super((line > 0 ? file + ":" + line + ":" + column : file) + ": " + problem, cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** {@return the file name given when reading} */
  public String file() {
    return file;
  }

  /** {@return the 1-based line of the problem, or 0 when unknown} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column of the problem, or 0 when unknown} */
  public int column() {
    return column;
  }

  /** {@return what is wrong, without the location} */
  public String problem() {
    return problem;
  }
}
