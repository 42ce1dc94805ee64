package dev.backstage4j.core;

/** Thrown when the request conflicts with existing state, e.g. a location that is already registered (`ConflictError`). HTTP 409. */
public class ConflictException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} failing with {@code error}.
   *
   * @param operation the call that failed, e.g. {@code POST /locations}
   * @param error the server's answer: status, error name and message
   */
  public ConflictException(String operation, ApiError error) {
    super(operation, error);
  }
}
