package dev.backstage4j.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request about to be sent, as {@link RequestListener#onRequest} sees it: where it goes, and the headers
 * listeners add (a {@code traceparent}, an {@code X-Request-Id}, a gateway's routing header).
 *
 * <p>Credentials are not a listener's business: {@code Authorization} and {@code Cookie} are refused (they come
 * from the {@link CredentialsProvider}), and the request's token is never shown here.
 */
public final class OutgoingRequest {
  private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

  private final String backend;
  private final String method;
  private final String pathTemplate;
  private final Map<String, String> headers = new LinkedHashMap<>();

  /**
   * Creates the view of one request; the transport makes one per attempt (tests of listeners may make their own).
   *
   * @param backend the backend name, e.g. {@code backstage-catalog}
   * @param method the HTTP method
   * @param pathTemplate the templated path, e.g. {@code /entities/by-name/{kind}/{namespace}/{name}}
   */
  public OutgoingRequest(String backend, String method, String pathTemplate) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.method = Objects.requireNonNull(method, "method");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
  }

  /** {@return the backend name, e.g. {@code backstage-catalog}} */
  public String backend() {
    return backend;
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the templated path, safe as a low-cardinality tag} */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * Sets header {@code name} to {@code value} on this request (replacing what an earlier listener set).
   *
   * @param name the header name, e.g. {@code traceparent}
   * @param value the header value
   * @return this request
   * @throws IllegalArgumentException when the name is not an HTTP token, the value holds a line break or other
   *     control character, or the header carries credentials ({@code Authorization}, {@code Cookie})
   */
  public OutgoingRequest header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid HTTP header name: '" + name + "'");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization") || lower.equals("cookie")) {
      throw new IllegalArgumentException(name + " cannot be set by a RequestListener: credentials come from the "
          + "CredentialsProvider");
    }
    if (!VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("header " + name + " has a line break or a non-ASCII character in its "
          + "value");
    }
    headers.put(name, value);
    return this;
  }

  /** {@return the headers listeners set, in the order set} */
  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public String toString() {
    return "OutgoingRequest{" + backend + " " + method + " " + pathTemplate + ", headers=" + headers.keySet() + "}";
  }
}
