package dev.backstage4j.core;

/**
 * Thrown when no usable answer came back: the server could not be reached, the connection dropped, or a
 * timeout expired. The cause is the underlying {@link java.io.IOException}.
 */
public class BackstageTransportException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the operation, and the I/O cause.
   *
   * @param message the operation and what went wrong on the connection
   * @param cause the I/O exception from the HTTP client
   */
  public BackstageTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
