package dev.backstage4j.core;

import java.time.Duration;
import java.util.Optional;

/** Thrown when the backend asked the caller to slow down (HTTP 429), after any configured retries. */
public class RateLimitedException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /** The server's {@code Retry-After}, or null (serialized form). */
  private final Duration retryAfter;

  /**
   * Creates the exception; {@code retryAfter} is the server's {@code Retry-After}, or null.
   *
   * @param operation the call that was refused
   * @param error the server's 429 answer
   * @param retryAfter how long the server asked to wait, or null
   */
  public RateLimitedException(String operation, ApiError error, Duration retryAfter) {
    super(operation, error);
    this.retryAfter = retryAfter;
  }

  /** {@return how long the server asked the caller to wait, when it said} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
