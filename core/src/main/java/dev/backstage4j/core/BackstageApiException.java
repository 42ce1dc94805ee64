package dev.backstage4j.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a Backstage backend answered with a non-2xx status.
 *
 * <p>Carries the parsed error body ({@link #error()}); subclasses name the common categories so callers can
 * catch {@link NotFoundException} rather than compare status codes. Use {@link #of(String, ApiError)} to get the
 * most specific subtype for a status.
 */
public class BackstageApiException extends BackstageException {
  private static final long serialVersionUID = 1L;

  private final transient ApiError error;
  /** The HTTP status (serialized form). */
  private final int statusCode;
  /** The failed operation, e.g. {@code GET /entities} (serialized form). */
  private final String operation;

  /**
   * Creates an exception for {@code operation} (e.g. {@code GET /entities/by-name/{kind}/{namespace}/{name}})
   * that failed with {@code error}.
   *
   * @param operation the call that failed, as method and templated path
   * @param error the server's answer: status, error name and message
   */
  public BackstageApiException(String operation, ApiError error) {
    super(describe(operation, error));
    this.error = error;
    this.statusCode = error.statusCode();
    this.operation = operation;
  }

  /**
   * {@return the most specific exception type for the status of {@code error}}
   *
   * @param operation the call that failed, as method and templated path
   * @param error the server's answer; its status picks the subtype (404 gives {@link NotFoundException}, ...)
   */
  public static BackstageApiException of(String operation, ApiError error) {
    switch (error.statusCode()) {
      case 400:
        return new InputException(operation, error);
      case 401:
        return new AuthenticationException(operation, error);
      case 403:
        return new NotAllowedException(operation, error);
      case 404:
        return new NotFoundException(operation, error);
      case 409:
        return new ConflictException(operation, error);
      case 429:
        return new RateLimitedException(operation, error, null);
      default:
        return error.statusCode() >= 500
            ? new ServerException(operation, error)
            : new BackstageApiException(operation, error);
    }
  }

  private static String describe(String operation, ApiError error) {
    StringBuilder s = new StringBuilder(operation).append(" failed: ").append(error.statusCode());
    if (!error.name().isEmpty()) {
      s.append(' ').append(error.name());
    }
    if (!error.message().isEmpty()) {
      s.append(": ").append(error.message());
    }
    if (error.message().isEmpty() && !error.details().isEmpty()) {
      // One line, so log lines and alerts keep the whole message; details() has them one by one.
      s.append(": ").append(error.details().stream().map(String::valueOf).collect(Collectors.joining("; ")));
    }
    if (error.name().isEmpty() && error.message().isEmpty() && error.details().isEmpty()
        && !error.bodyExcerpt().isEmpty()) {
      String excerpt = error.bodyExcerpt().replaceAll("\\s+", " ").trim();
      s.append(" (body: ").append(excerpt.length() > 200 ? excerpt.substring(0, 200) + "…" : excerpt).append(')');
    }
    return s.toString();
  }

  /** {@return the HTTP status code} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the operation that failed, as method and templated path} */
  public String operation() {
    return operation;
  }

  /** {@return Backstage's error name, e.g. {@code InputError}, or an empty string} */
  public String errorName() {
    return error == null ? "" : error.name();
  }

  /** {@return Backstage's error message, or an empty string} */
  public String errorMessage() {
    return error == null ? "" : error.message();
  }

  /** {@return the entries of an {@code {"errors":[…]}} body; empty for the usual envelope} */
  public List<ApiError.Detail> details() {
    return error == null ? List.of() : error.details();
  }

  /** {@return the whole parsed error (null only after Java deserialization, which drops it)} */
  public ApiError error() {
    return error;
  }

  @Override
  public boolean isRetryable() {
    return statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504;
  }

  @Override
  public boolean isThrottling() {
    return statusCode == 429;
  }
}
