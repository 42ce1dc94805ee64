package dev.backstage4j.core;

/** Thrown when the addressed resource does not exist (`NotFoundError`). HTTP 404. */
public class NotFoundException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} failing with {@code error}.
   *
   * @param operation the call that failed, e.g. {@code GET /entities/by-name/{kind}/{namespace}/{name}}
   * @param error the server's answer: status, error name and message
   */
  public NotFoundException(String operation, ApiError error) {
    super(operation, error);
  }
}
