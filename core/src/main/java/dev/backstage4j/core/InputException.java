package dev.backstage4j.core;

/** Thrown when the request was malformed or failed validation (`InputError`). HTTP 400. */
public class InputException extends BackstageApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for {@code operation} failing with {@code error}.
   *
   * @param operation the call that failed, e.g. {@code POST /validate-entity}
   * @param error the server's answer: status, error name and message
   */
  public InputException(String operation, ApiError error) {
    super(operation, error);
  }
}
