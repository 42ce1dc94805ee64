package dev.backstage4j.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One call to a plugin's REST API, described without any HTTP library type. Immutable.
 *
 * <p>The path is a template relative to the plugin root ({@code /entities/by-name/{kind}/{namespace}/{name}});
 * placeholders are filled in order from the path parameters and encoded as single path segments, so a name
 * containing {@code /} cannot change the route. The template (never the values) is what logs and metrics show.
 */
public final class ApiRequest {
  private final String method;
  private final String pathTemplate;
  private final List<String> pathParams;
  private final List<Map.Entry<String, String>> query;
  private final String relativeUrl;
  private final Object jsonBody;
  private final Map<String, String> headers;
  private final boolean repeatable;
  private final boolean streaming;
  private final boolean sensitiveBody;
  private final Duration readTimeout;
  private final String subject;
  private final String outcomeHint;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.pathParams = List.copyOf(b.pathParams);
    this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
    this.relativeUrl = b.relativeUrl;
    this.jsonBody = b.jsonBody;
    this.headers = Map.copyOf(b.headers);
    this.repeatable = b.repeatable == null
        ? method.equals("GET") || method.equals("HEAD")
        : b.repeatable;
    this.streaming = b.streaming;
    this.sensitiveBody = b.sensitiveBody;
    this.readTimeout = b.readTimeout;
    this.subject = b.subject;
    this.outcomeHint = b.outcomeHint;
    long placeholders = pathTemplate.chars().filter(c -> c == '{').count();
    if (relativeUrl == null && placeholders != pathParams.size()) {
      throw new IllegalArgumentException("path " + pathTemplate + " needs " + placeholders
          + " parameters, got " + pathParams.size());
    }
  }

  /** Starts a GET of {@code pathTemplate}, filling its placeholders with {@code pathParams} in order. */
  public static Builder get(String pathTemplate, String... pathParams) {
    return new Builder("GET", pathTemplate, pathParams);
  }

  /** Starts a POST. */
  public static Builder post(String pathTemplate, String... pathParams) {
    return new Builder("POST", pathTemplate, pathParams);
  }

  /** Starts a PUT. */
  public static Builder put(String pathTemplate, String... pathParams) {
    return new Builder("PUT", pathTemplate, pathParams);
  }

  /** Starts a DELETE. */
  public static Builder delete(String pathTemplate, String... pathParams) {
    return new Builder("DELETE", pathTemplate, pathParams);
  }

  /**
   * Starts a GET of a URL the server handed out relative to the plugin root (e.g. a {@code Link: rel="next"}
   * header), logged as {@code pathTemplate}.
   */
  public static Builder getRelative(String relativeUrl, String pathTemplate) {
    Builder b = new Builder("GET", pathTemplate, new String[0]);
    b.relativeUrl = Objects.requireNonNull(relativeUrl, "relativeUrl");
    return b;
  }

  public String method() {
    return method;
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  public List<String> pathParams() {
    return pathParams;
  }

  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /** {@return the server-provided relative URL, or null for a templated request} */
  public String relativeUrl() {
    return relativeUrl;
  }

  /** {@return the body to send as JSON, or null} */
  public Object jsonBody() {
    return jsonBody;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** {@return whether the call may be repeated after it may have reached the server (safe, idempotent)} */
  public boolean repeatable() {
    return repeatable;
  }

  /** {@return whether the response body is handed over unread (large listings, streams): no whole-call timeout} */
  public boolean streaming() {
    return streaming;
  }

  /** {@return whether the request body holds secrets and must never be logged, even at TRACE} */
  public boolean sensitiveBody() {
    return sensitiveBody;
  }

  /** {@return a read timeout for this call only, or null for the client's} */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Returns "METHOD /template" plus the subject (e.g. an entity ref) for messages. */
  public String operation() {
    return method + " " + pathTemplate + (subject == null ? "" : " (" + subject + ")");
  }

  /** {@return what to tell the caller when a non-repeatable call may or may not have happened} */
  public String outcomeHint() {
    return outcomeHint;
  }

  @Override
  public String toString() {
    return operation();
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final String method;
    private final String pathTemplate;
    private final List<String> pathParams;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private String relativeUrl;
    private Object jsonBody;
    private final java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>();
    private Boolean repeatable;
    private boolean streaming;
    private boolean sensitiveBody;
    private Duration readTimeout;
    private String subject;
    private String outcomeHint = "check on the server whether it took effect before repeating it";

    private Builder(String method, String pathTemplate, String[] pathParams) {
      this.method = method.toUpperCase(Locale.ROOT);
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
      if (!pathTemplate.startsWith("/")) {
        throw new IllegalArgumentException("path template must start with '/': " + pathTemplate);
      }
      List<String> params = new ArrayList<>();
      for (String p : pathParams) {
        params.add(Objects.requireNonNull(p, "path parameter"));
      }
      this.pathParams = params;
    }

    /** Adds a query parameter; a null value is skipped. Repeated names are sent repeated. */
    public Builder query(String name, Object value) {
      if (value != null) {
        query.add(Map.entry(name, String.valueOf(value)));
      }
      return this;
    }

    /** Adds one query parameter per value. */
    public Builder queryAll(String name, Iterable<?> values) {
      for (Object v : values) {
        query(name, v);
      }
      return this;
    }

    /** Sends {@code body} serialized as JSON with {@code Content-Type: application/json}. */
    public Builder jsonBody(Object body) {
      this.jsonBody = Objects.requireNonNull(body, "body");
      return this;
    }

    /** Adds a request header. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * Marks a POST/PUT/DELETE as safe to repeat (read-only queries such as {@code by-refs}), or a GET as not
     * safe. By default only GET and HEAD are repeated.
     */
    public Builder repeatable(boolean repeatable) {
      this.repeatable = repeatable;
      return this;
    }

    /** Hands the body over unread and lifts the whole-call timeout (the read timeout still applies). */
    public Builder streaming() {
      this.streaming = true;
      return this;
    }

    /** Keeps the request body out of every log. */
    public Builder sensitiveBody() {
      this.sensitiveBody = true;
      return this;
    }

    /** Overrides the read timeout for this call. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** Names what the call is about (an entity ref, a task id) in error messages. */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** Says how the caller can find out whether a non-repeatable call took effect. */
    public Builder outcomeHint(String hint) {
      this.outcomeHint = Objects.requireNonNull(hint, "hint");
      return this;
    }

    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}
