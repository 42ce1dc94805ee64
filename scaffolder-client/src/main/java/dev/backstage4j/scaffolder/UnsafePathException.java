package dev.backstage4j.scaffolder;

import dev.backstage4j.core.BackstageException;

/**
 * Thrown when a file path would leave the directory it belongs to: an absolute path, a {@code ..} segment, a
 * symbolic link, or a name that resolves outside the target. Nothing is written when it is thrown.
 */
public final class UnsafePathException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** The rejected path (serialized form). */
  private final String path;

  /**
   * Creates the exception for the offending path and the reason it was rejected.
   *
   * @param path the rejected path, as the result named it
   * @param reason why it was rejected, e.g. it leaves the target folder
   */
  public UnsafePathException(String path, String reason) {
    super("unsafe file path '" + path + "': " + reason + "; nothing was written");
    this.path = path;
  }

  /** {@return the rejected path as given} */
  public String path() {
    return path;
  }
}
