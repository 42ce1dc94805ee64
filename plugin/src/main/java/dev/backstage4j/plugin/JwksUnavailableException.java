package dev.backstage4j.plugin;

import dev.backstage4j.core.BackstageException;

/**
 * Signals that a token could not be checked because the issuer's key set (JWKS) could not be fetched or read
 * and no usable cached keys remain.
 *
 * <p>This is not the caller's fault: map it to HTTP 503 rather than 401. It is retryable; the verifier tries
 * the endpoint again after its refresh interval.
 */
public final class JwksUnavailableException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the key set URL and what went wrong.
   *
   * @param message names the URL and the failure, never a token
   * @param cause the last fetch failure, or null
   */
  public JwksUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@return true: the key set may be reachable again later} */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
