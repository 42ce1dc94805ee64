package dev.backstage4j.core;

/** Thrown when the caller is authenticated but not permitted (`NotAllowedError`). HTTP 403. */
public class NotAllowedException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} failing with {@code error}.
   *
   * @param operation the call that failed, e.g. {@code DELETE /entities/by-uid/{uid}}
   * @param error the server's answer: status, error name and message
   */
  public NotAllowedException(String operation, ApiError error) {
    super(operation, error);
  }
}
