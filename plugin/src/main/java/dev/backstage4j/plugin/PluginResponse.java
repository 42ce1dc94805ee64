package dev.backstage4j.plugin;

import dev.backstage4j.core.internal.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a route answers: a status, a content type and a body. Immutable.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or null for an empty body
 * @param body the body bytes (empty for none)
 */
public record PluginResponse(int status, String contentType, byte[] body) {
  private static final String JSON = "application/json; charset=utf-8";

  /**
   * Checks the status and copies nothing: the body array is the caller's to stop changing.
   *
   * @param status the HTTP status, 100 to 599
   * @param contentType the {@code Content-Type}, or null for an empty body
   * @param body the body, null for none
   */
  public PluginResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
    }
    body = body == null ? new byte[0] : body;
  }

  /**
   * Returns a JSON response.
   *
   * @param status the HTTP status
   * @param body any value Jackson can write (a record, a map, a list)
   * @return the response
   */
  public static PluginResponse json(int status, Object body) {
    return new PluginResponse(status, JSON, JsonCodec.shared().write(Objects.requireNonNull(body, "body")));
  }

  /**
   * Returns a response with a body of any type.
   *
   * @param status the HTTP status
   * @param contentType its {@code Content-Type}
   * @param body the body
   * @return the response
   */
  public static PluginResponse of(int status, String contentType, byte[] body) {
    return new PluginResponse(status, Objects.requireNonNull(contentType, "contentType"), body);
  }

  /** {@return a 204 response without a body} */
  public static PluginResponse noContent() {
    return new PluginResponse(204, null, new byte[0]);
  }

  /** {@return the body as UTF-8 text (for tests and logs of non-secret bodies)} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return status and content type; the body is left out} */
  @Override
  public String toString() {
    return "PluginResponse[" + status + (contentType == null ? "" : ", " + contentType) + ", " + body.length
        + " bytes]";
  }
}
