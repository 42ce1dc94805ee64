package dev.backstage4j.adoption;

import dev.backstage4j.core.BackstageException;

/**
 * Signals a bad input file — a scorecard file, a catalog-info.yaml or a snapshot — naming the file, the line and
 * what was wrong, for example {@code scorecard.yaml:14: checks[2].require[0]: unknown operator "equal"}.
 */
public final class ScorecardFileException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** The scorecard file (serialized form). */
  private final String file;
  /** The 1-based line, or 0 when unknown (serialized form). */
  private final int line;
  /** What is wrong, without location (serialized form). */
  private final String problem;

  /**
   * Creates an exception for the file and line (1-based; 0 when unknown).
   *
   * @param problem what was wrong, naming the field
   * @param file the file or source name
   * @param line the 1-based line, or 0 when unknown
   */
  public ScorecardFileException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** {@return the file (or source name)} */
  public String file() {
    return file;
  }

  /** {@return the 1-based line, or 0 when unknown} */
  public int line() {
    return line;
  }

  /** {@return what was wrong, without the location} */
  public String problem() {
    return problem;
  }
}
