package dev.backstage4j.core;

import dev.backstage4j.core.internal.ErrorBodies;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Backstage backend said when it refused a request: the parsed {@code ErrorResponseBody}
 * ({@code error.name}, {@code error.message}, {@code request.method/url}, {@code response.statusCode}) or the
 * {@code {"errors":[…]}} shape some endpoints use (entity validation, task parameters).
 *
 * <p>Immutable. {@link #bodyExcerpt()} keeps at most {@value #MAX_EXCERPT} characters of the raw body, so an
 * HTML page from a proxy still says something useful without holding the whole page.
 */
public final class ApiError {
  /** The most characters of a raw error body that are kept. */
  public static final int MAX_EXCERPT = 1024;

  private final int statusCode;
  private final String name;
  private final String message;
  private final String requestMethod;
  private final String requestUrl;
  private final List<Detail> details;
  private final String bodyExcerpt;

  private ApiError(Builder b) {
    this.statusCode = b.statusCode;
    this.name = b.name == null ? "" : b.name;
    this.message = b.message == null ? "" : b.message;
    this.requestMethod = b.requestMethod;
    this.requestUrl = b.requestUrl;
    this.details = List.copyOf(b.details);
    String excerpt = b.bodyExcerpt == null ? "" : b.bodyExcerpt;
    this.bodyExcerpt = excerpt.length() > MAX_EXCERPT ? excerpt.substring(0, MAX_EXCERPT) + "…" : excerpt;
  }

  /**
   * {@return a new builder; used by the transport and by the testkit to describe an error}
   *
   * @param statusCode the HTTP status of the failed answer
   */
  public static Builder builder(int statusCode) {
    return new Builder(statusCode);
  }

  /**
   * {@return the JSON error envelope Backstage's backends answer with}, for a Java service that answers like one:
   * {@code {error:{name,message},request:{method,url},response:{statusCode}}} as plain maps, ready for any JSON
   * writer. Names as Node's backends use them: {@code InputError} 400, {@code AuthenticationError} 401,
   * {@code NotAllowedError} 403, {@code NotFoundError} 404, {@code ConflictError} 409, {@code Error} 500.
   *
   * @param statusCode the HTTP status to answer with, e.g. 404
   * @param name the Backstage error name, e.g. {@code NotFoundError}
   * @param message the human-readable message shown to the caller
   * @param method the method of the request being answered, echoed back
   * @param url the path (and query) of the request being answered, echoed back
   */
  public static Map<String, Object> envelope(int statusCode, String name, String message, String method,
      String url) {
    return ErrorBodies.envelope(statusCode, name, message, method, url);
  }

  /** {@return the HTTP status code} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return Backstage's error name, e.g. {@code NotFoundError}, or an empty string when the body had none} */
  public String name() {
    return name;
  }

  /** {@return Backstage's error message, or an empty string when the body had none} */
  public String message() {
    return message;
  }

  /** {@return the request method the server echoed in {@code request.method}, if it did} */
  public Optional<String> requestMethod() {
    return Optional.ofNullable(requestMethod);
  }

  /** {@return the request URL the server echoed in {@code request.url}, if it did} */
  public Optional<String> requestUrl() {
    return Optional.ofNullable(requestUrl);
  }

  /** {@return the entries of an {@code {"errors":[…]}} body, in order; empty for the usual envelope} */
  public List<Detail> details() {
    return details;
  }

  /** {@return the start of the raw body, for bodies that were not JSON (e.g. a proxy's HTML page)} */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ApiError)) {
      return false;
    }
    ApiError e = (ApiError) o;
    return statusCode == e.statusCode && name.equals(e.name) && message.equals(e.message)
        && Objects.equals(requestMethod, e.requestMethod) && Objects.equals(requestUrl, e.requestUrl)
        && details.equals(e.details) && bodyExcerpt.equals(e.bodyExcerpt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, name, message, requestMethod, requestUrl, details);
  }

  @Override
  public String toString() {
    return "ApiError{" + statusCode + " " + name + ": " + message
        + (details.isEmpty() ? "" : ", details=" + details) + "}";
  }

  /**
   * One entry of an {@code {"errors":[…]}} body: a name, a message and, for JSON-schema failures, the path of the
   * offending value (e.g. {@code instance.name} or {@code /metadata/name}).
   */
  public static final class Detail {
    private final String name;
    private final String message;
    private final String path;

    /**
     * Creates a detail; {@code path} may be null.
     *
     * @param name the entry's error name, e.g. {@code InputError}
     * @param message what is wrong with this entry
     * @param path where in the input the problem is, or null when the server did not say
     */
    public Detail(String name, String message, String path) {
      this.name = name == null ? "" : name;
      this.message = message == null ? "" : message;
      this.path = path;
    }

    /** {@return the error name, e.g. {@code InputError}, or an empty string} */
    public String name() {
      return name;
    }

    /** {@return the message} */
    public String message() {
      return message;
    }

    /** {@return where in the submitted document the problem is, when the server said} */
    public Optional<String> path() {
      return Optional.ofNullable(path);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Detail && name.equals(((Detail) o).name) && message.equals(((Detail) o).message)
          && Objects.equals(path, ((Detail) o).path);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, message, path);
    }

    @Override
    public String toString() {
      return (name.isEmpty() ? "" : name + ": ") + message + (path == null ? "" : " (at " + path + ")");
    }
  }

  /** Builds an {@link ApiError}. Not thread-safe. */
  public static final class Builder {
    private final int statusCode;
    private String name;
    private String message;
    private String requestMethod;
    private String requestUrl;
    private final java.util.ArrayList<Detail> details = new java.util.ArrayList<>();
    private String bodyExcerpt;

    private Builder(int statusCode) {
      this.statusCode = statusCode;
    }

    /**
     * Sets {@code error.name}.
     *
     * @param name the Backstage error name, e.g. {@code NotFoundError}
     * @return this builder, for chaining
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets {@code error.message}.
     *
     * @param message the server's message, as sent
     * @return this builder, for chaining
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * Sets the echoed request method and URL.
     *
     * @param method the HTTP method of the failed request
     * @param url the URL of the failed request, as the server echoed it
     * @return this builder, for chaining
     */
    public Builder request(String method, String url) {
      this.requestMethod = method;
      this.requestUrl = url;
      return this;
    }

    /**
     * Adds one entry of an {@code {"errors":[…]}} body.
     *
     * @param detail one entry of the server's error list
     * @return this builder, for chaining
     */
    public Builder addDetail(Detail detail) {
      this.details.add(Objects.requireNonNull(detail, "detail"));
      return this;
    }

    /**
     * Sets the raw body (it is cut to {@value ApiError#MAX_EXCERPT} characters).
     *
     * @param body the raw answer body, for diagnostics
     * @return this builder, for chaining
     */
    public Builder bodyExcerpt(String body) {
      this.bodyExcerpt = body;
      return this;
    }

    /** {@return the error} */
    public ApiError build() {
      return new ApiError(this);
    }
  }
}
