package dev.backstage4j.core;

/**
 * Base class of every failure raised by backstage4j.
 *
 * <p>Unchecked on purpose: failures must be able to pass through {@link java.util.Iterator},
 * {@link java.util.stream.Stream} and lambdas (lazy paging fetches on {@code hasNext()}), which checked
 * exceptions cannot. Subtypes tell what went wrong: {@link BackstageApiException} for a non-2xx answer,
 * {@link BackstageTransportException} when the server could not be reached or stopped answering, and
 * {@link BackstageDecodingException} when an answer could not be read.
 *
 * <p>Messages name the operation and the resource involved, never a token or another secret.
 */
public class BackstageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what failed.
   *
   * @param message what failed, for a log line
   */
  public BackstageException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message that says what failed and the underlying cause.
   *
   * @param message what failed, for a log line
   * @param cause the exception that made it fail
   */
  public BackstageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@return whether repeating the same call later may succeed (a rate limit, an unavailable server, a dropped
   * connection)} Callers use it instead of status-code arithmetic.
   */
  public boolean isRetryable() {
    return false;
  }

  /** {@return whether the server asked the caller to slow down (HTTP 429)} */
  public boolean isThrottling() {
    return false;
  }
}
