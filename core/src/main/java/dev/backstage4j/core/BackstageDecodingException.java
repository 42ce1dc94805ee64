package dev.backstage4j.core;

/**
 * Thrown when a response could not be read: malformed JSON, or well-formed JSON of an unexpected shape. The
 * message carries the JSON path of the offending value, e.g. {@code $.items[2].metadata.name}.
 */
public class BackstageDecodingException extends BackstageException {
  private static final long serialVersionUID = 1L;

  /** Where reading failed, e.g. {@code $.items[2]} (serialized form). */
  private final String jsonPath;

  /**
   * Creates the exception; {@code jsonPath} is where in the document reading failed ({@code $} for the root).
   *
   * @param message what could not be read, naming the document
   * @param jsonPath where reading failed, e.g. {@code $.items[3].metadata}
   * @param cause the parser's exception
   */
  public BackstageDecodingException(String message, String jsonPath, Throwable cause) {
    super(message + " at " + jsonPath, cause);
    this.jsonPath = jsonPath;
  }

  /** {@return where in the document reading failed, e.g. {@code $.items[2].metadata.name}} */
  public String jsonPath() {
    return jsonPath;
  }
}
