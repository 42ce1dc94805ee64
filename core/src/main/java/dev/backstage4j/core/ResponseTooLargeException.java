package dev.backstage4j.core;

/**
 * Thrown when a response body that is read whole into memory is larger than
 * {@link ClientConfig#maxResponseBytes()}: the client stops reading at the limit instead of exhausting the heap.
 * Streamed reads ({@code streamAll}, item-by-item paging) are not limited this way.
 */
public class ResponseTooLargeException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** The limit that was exceeded, in bytes (serialized form). */
  private final long limit;

  /**
   * Creates the exception for {@code operation}, whose answer exceeded {@code limit} bytes.
   *
   * @param operation the call whose answer was too large
   * @param limit the configured {@code maxResponseBytes}
   */
  public ResponseTooLargeException(String operation, long limit) {
    super(operation + " answered with a body larger than " + limit + " bytes, the client's maxResponseBytes;"
        + " raise ClientConfig.Builder.maxResponseBytes if such answers are expected, or read it streamed");
    this.limit = limit;
  }

  /** {@return the limit that was exceeded, in bytes} */
  public long limit() {
    return limit;
  }
}
