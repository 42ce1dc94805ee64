package dev.backstage4j.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error a route answers with, rendered by {@link PluginRouter} as Backstage's error envelope
 * ({@code {"error":{"name","message"},"request":{"method","url"},"response":{"statusCode"}}}) so Backstage's own
 * clients (and backstage4j's) read it like an error from a Node plugin. The status follows from the name as in
 * {@code @backstage/errors}.
 *
 * <pre>{@code
 * throw new HttpError("NotFoundError", "no scorecard for " + ref);
 * }</pre>
 *
 * <p>The message goes to the caller: never put a token or secret in it.
 */
public class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The Backstage error name, e.g. {@code NotFoundError}. */
  private final String name;
  /** The HTTP status the name maps to. */
  private final int status;
  /** The envelope's {@code error.cause}, or null. */
  private final Map<String, Object> cause;

  /**
   * Creates an error with the status Backstage gives {@code name}.
   *
   * @param name a Backstage error name: {@code InputError} (400), {@code AuthenticationError} (401),
   *     {@code NotAllowedError} (403), {@code NotFoundError} (404), {@code ConflictError} (409),
   *     {@code NotModifiedError} (304), {@code NotImplementedError} (501), {@code ServiceUnavailableError} (503);
   *     any other name is a 500
   * @param message what went wrong, for the caller
   */
  public HttpError(String name, String message) {
    this(name, message, null);
  }

  private HttpError(String name, String message, Map<String, Object> cause) {
    super(message);
    this.name = Objects.requireNonNull(name, "name");
    this.status = statusOf(name);
    this.cause = cause;
  }

  /**
   * Returns a copy that also sends {@code cause} as the envelope's {@code error.cause} (Backstage sends the
   * cause's {@code name} and {@code message}, and validation details).
   *
   * @param cause the JSON-serialisable cause object
   * @return the new error
   */
  public HttpError withCause(Map<String, Object> cause) {
    return new HttpError(name, getMessage(), new LinkedHashMap<>(Objects.requireNonNull(cause, "cause")));
  }

  /** {@return the Backstage error name, e.g. {@code InputError}} */
  public String name() {
    return name;
  }

  /** {@return the HTTP status the name maps to} */
  public int status() {
    return status;
  }

  /** {@return the {@code error.cause} object, or null} */
  public Map<String, Object> errorCause() {
    return cause;
  }

  /**
   * Returns the status Backstage's error handler gives an error of this name.
   *
   * @param name the error name
   * @return its HTTP status; 500 for names Backstage does not map
   */
  public static int statusOf(String name) {
    switch (name) {
      case "InputError":
        return 400;
      case "AuthenticationError":
        return 401;
      case "NotAllowedError":
        return 403;
      case "NotFoundError":
        return 404;
      case "ConflictError":
        return 409;
      case "NotModifiedError":
        return 304;
      case "NotImplementedError":
        return 501;
      case "ServiceUnavailableError":
        return 503;
      default:
        return 500;
    }
  }
}
