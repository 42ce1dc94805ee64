package dev.backstage4j.plugin.actions;

import java.util.Objects;

/**
 * Thrown by an action handler to fail with one of Backstage's error names; the registry replies with the status Node
 * maps that name to (InputError 400, AuthenticationError 401, NotAllowedError 403, NotFoundError 404,
 * ConflictError 409, NotImplementedError 501, ServiceUnavailableError 503, anything else 500).
 */
public final class ActionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorName;

  /**
   * @param errorName the Backstage error name, e.g. {@code ConflictError}
   * @param message the message callers see
   */
  public ActionException(String errorName, String message) {
    super(message);
    this.errorName = Objects.requireNonNull(errorName, "errorName");
  }

  /** Returns the Backstage error name. */
  public String errorName() {
    return errorName;
  }

  /** Returns the HTTP status Backstage uses for an error name. */
  public static int statusOf(String errorName) {
    return switch (errorName) {
      case "InputError" -> 400;
      case "AuthenticationError" -> 401;
      case "NotAllowedError" -> 403;
      case "NotFoundError" -> 404;
      case "ConflictError" -> 409;
      case "NotImplementedError" -> 501;
      case "ServiceUnavailableError" -> 503;
      default -> 500;
    };
  }
}
