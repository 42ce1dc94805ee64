package dev.backstage4j.core;

/**
 * Thrown when a call that must not be repeated (scaffolder task creation, location registration) failed after
 * the request may already have reached the server. The server may or may not have acted on it; backstage4j did
 * not retry. The message says how to find out (for example: list tasks created by this caller).
 */
public class OutcomeUnknownException extends BackstageTransportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; the message must say how the caller can check the outcome.
   *
   * @param message the operation, what broke, and how to check whether it took effect
   * @param cause the I/O exception that broke the call
   */
  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@return false: repeating the call blindly could do the work twice} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
