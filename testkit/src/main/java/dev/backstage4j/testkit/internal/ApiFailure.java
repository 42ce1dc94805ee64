package dev.backstage4j.testkit.internal;

import java.util.Map;

/** A failure a handler turns into an HTTP error response, with the real backend's body shape. */
final class ApiFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String name;
  final transient Object rawBody;

  ApiFailure(int status, String name, String message) {
    super(message, null, false, false);
    this.status = status;
    this.name = name;
    this.rawBody = null;
  }

  private ApiFailure(int status, Object rawBody) {
    super("raw", null, false, false);
    this.status = status;
    this.name = null;
    this.rawBody = rawBody;
  }

  static ApiFailure input(String message) {
    return new ApiFailure(400, "InputError", message);
  }

  static ApiFailure notFound(String message) {
    return new ApiFailure(404, "NotFoundError", message);
  }

  static ApiFailure conflict(String message) {
    return new ApiFailure(409, "ConflictError", message);
  }

  /** A failure whose body is given verbatim (e.g. {@code {errors:[...]}}). */
  static ApiFailure raw(int status, Map<String, Object> body) {
    return new ApiFailure(status, body);
  }

  /** The error name the real backend's error middleware uses for a status. */
  static String nameFor(int status) {
    return switch (status) {
      case 400 -> "InputError";
      case 401 -> "AuthenticationError";
      case 403 -> "NotAllowedError";
      case 404 -> "NotFoundError";
      case 409 -> "ConflictError";
      case 501 -> "NotImplementedError";
      case 503 -> "ServiceUnavailableError";
      default -> "Error";
    };
  }
}
