package dev.backstage4j.core;

/**
 * Thrown without calling the server when recent calls to a backend have mostly failed and its circuit breaker
 * is open. Calls are let through again after the configured wait.
 */
public class CircuitOpenException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the backend.
   *
   * @param message the backend and how long calls are refused
   * @param cause Resilience4j's refusal
   */
  public CircuitOpenException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
