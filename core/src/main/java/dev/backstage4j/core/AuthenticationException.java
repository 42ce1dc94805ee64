package dev.backstage4j.core;

/** Thrown when the credentials were missing, expired or not accepted (`AuthenticationError`). HTTP 401. */
public class AuthenticationException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} failing with {@code error}.
   *
   * @param operation the call that failed, e.g. {@code GET /entities}
   * @param error the server's answer: status, error name and message
   */
  public AuthenticationException(String operation, ApiError error) {
    super(operation, error);
  }
}
