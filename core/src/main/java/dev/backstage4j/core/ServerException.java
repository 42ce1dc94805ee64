package dev.backstage4j.core;

/** Thrown when the backend failed (`5xx`); 502, 503 and 504 are retryable. HTTP 5xx. */
public class ServerException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} failing with {@code error}.
   *
   * @param operation the call that failed
   * @param error the server's 5xx answer: status, error name and message
   */
  public ServerException(String operation, ApiError error) {
    super(operation, error);
  }
}
