package dev.backstage4j.core;

/** Thrown when the request conflicts with existing state, e.g. a location that is already registered (`ConflictError`). HTTP 409. */
public class ConflictException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code operation} failing with {@code error}. */
  public ConflictException(String operation, ApiError error) {
    super(operation, error);
  }
}
