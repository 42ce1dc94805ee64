package dev.backstage4j.plugin;

import dev.backstage4j.core.BackstageException;
import java.util.Objects;

/**
 * Signals that a caller's token was not accepted; {@link #reason()} says why.
 *
 * <p>The message names the reason and non-secret details (issuer, audience, expiry time, key id), never the
 * token. Map it to HTTP 401.
 */
public final class TokenRejectedException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** Why the token was rejected (serialized form). */
  private final TokenRejection reason;

  /**
   * Creates an exception for {@code reason} with a message that must not contain the token.
   *
   * @param reason why the token was rejected
   * @param message what was wrong, never the token
   */
  public TokenRejectedException(TokenRejection reason, String message) {
    super("Token rejected (" + Objects.requireNonNull(reason, "reason") + "): " + message);
    this.reason = reason;
  }

  /** {@return why the token was rejected} */
  public TokenRejection reason() {
    return reason;
  }
}
