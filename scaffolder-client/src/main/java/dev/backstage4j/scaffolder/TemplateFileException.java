package dev.backstage4j.scaffolder;

import dev.backstage4j.core.BackstageException;

/** Thrown when a local template folder or template file cannot be read; the message names the file and line. */
public final class TemplateFileException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; {@code message} names the file (and line, when known) and what is wrong.
   *
   * @param message the file, the line when known, and what is wrong
   * @param cause the reader's exception, or null
   */
  public TemplateFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
