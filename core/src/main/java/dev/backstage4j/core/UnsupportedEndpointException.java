package dev.backstage4j.core;

/**
 * Thrown when the backend does not know an endpoint this SDK called: the server is older than the feature
 * (for example {@code POST /entities/by-query} predicate queries, added in catalog 4.x) or the plugin is not
 * installed. The message names the endpoint and what to upgrade.
 */
public class UnsupportedEndpointException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /** Which server version or plugin provides the endpoint (serialized form). */
  private final String hint;

  /**
   * Creates the exception; {@code hint} says which server version or plugin provides the endpoint.
   *
   * @param operation the call the server has no route for
   * @param error the server's 404 answer
   * @param hint which server version or plugin provides the endpoint
   */
  public UnsupportedEndpointException(String operation, ApiError error, String hint) {
    super(operation, error);
    this.hint = hint;
  }

  /** {@return which server version or plugin provides the endpoint} */
  public String hint() {
    return hint;
  }

  @Override
  public String getMessage() {
    return super.getMessage() + " — the server does not support this endpoint (" + hint + ")";
  }
}
