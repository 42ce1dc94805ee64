package dev.backstage4j.core;

/** Thrown when the caller is authenticated but not permitted (`NotAllowedError`). HTTP 403. */
public class NotAllowedException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code operation} failing with {@code error}. */
  public NotAllowedException(String operation, ApiError error) {
    super(operation, error);
  }
}
