package dev.backstage4j.catalog.model;

import java.util.Objects;

/**
 * Points at a place in a source file: file name, 1-based line and 1-based column.
 *
 * <p>{@link #toString()} prints the {@code file:line:column} form editors and build tools understand.
 * Immutable.
 */
public final class SourceLocation {
  private final String file;
  private final int line;
  private final int column;

  private SourceLocation(String file, int line, int column) {
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
  }

  /**
   * {@return the location at the given 1-based line and column of the named file}
   *
   * @param file the file name
   * @param line the line, from 1
   * @param column the column, from 1
   */
  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column);
  }

  /** {@return the file name as given when reading, for example {@code catalog-info.yaml}} */
  public String file() {
    return file;
  }

  /** {@return the 1-based line} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column} */
  public int column() {
    return column;
  }

  /** {@return {@code file:line:column}} */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }

  /** {@return whether the other object names the same file, line and column} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SourceLocation)) {
      return false;
    }
    SourceLocation s = (SourceLocation) o;
    return s.line == line && s.column == column && s.file.equals(file);
  }

  /** {@return a hash of file, line and column} */
  @Override
  public int hashCode() {
    return Objects.hash(file, line, column);
  }
}
