package dev.backstage4j.adoption;

import dev.backstage4j.core.BackstageException;

/**
 * Signals a bad input file — a scorecard file, a catalog-info.yaml or a snapshot — naming the file, the line and
 * what was wrong, for example {@code scorecard.yaml:14: checks[2].require[0]: unknown operator "equal"}.
 */
public final class ScorecardFileException extends BackstageException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String problem;

  /**
   * Creates an exception for the file and line (1-based; 0 when unknown).
   *
   * @param problem what was wrong, naming the field
   */
  public ScorecardFileException(String file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** Returns the file (or source name). */
  public String file() {
    return file;
  }

  /** Returns the 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** Returns what was wrong, without the location. */
  public String problem() {
    return problem;
  }
}
