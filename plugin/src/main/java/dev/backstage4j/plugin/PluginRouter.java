package dev.backstage4j.plugin;

import dev.backstage4j.core.internal.ErrorBodies;
import dev.backstage4j.core.internal.QueryStrings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a Java Backstage plugin, independent of any server: routes under the plugin's base URL
 * ({@code {discovery target}}, e.g. {@code http://host:8080/api/javatools}), behind the same credentials barrier
 * as a Node plugin's router, with Backstage's error envelope, and the {@code /.backstage/*} routes Backstage
 * expects of a plugin. Serve it with {@link PluginServer} (JDK HTTP server) or {@link PluginServlet} (any servlet
 * container). Immutable and thread-safe.
 *
 * <pre>{@code
 * PluginRouter router = PluginRouter.builder(identity, verifier)
 *     .get("/greeting/{name}", request -> PluginResponse.json(200,
 *         Map.of("greeting", "Hello, " + request.pathParam("name"), "caller", request.principal().subject())))
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>Every route needs a caller the {@link TokenVerifier} accepts: no token → 401 {@code AuthenticationError}
 *       "Missing credentials", a rejected one → 401 "Illegal token" (the reason is logged at WARN, never the
 *       token), keys unreachable → 503. Routes added with {@link Builder#unauthenticated} skip the barrier.</li>
 *   <li>{@code GET /.backstage/auth/v1/jwks.json} serves the identity's public keys, unauthenticated, as Node
 *       mounts it before its barrier: other plugins fetch it to verify this plugin's tokens.</li>
 *   <li>A handler's {@link HttpError} becomes Backstage's envelope with its status; any other exception a 500
 *       whose message is not shown (it is logged with its stack trace); an unknown path or method a 404
 *       {@code NotFoundError}; a body over {@link Builder#maxBodyBytes} a 413.</li>
 * </ul>
 */
public final class PluginRouter {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRouter.class);
  /** Where Backstage fetches a plugin's public keys, relative to its base URL. */
  public static final String JWKS_PATH = "/.backstage/auth/v1/jwks.json";

  private final PluginIdentity identity;
  private final TokenVerifier verifier;
  private final List<Route> routes;
  private final int maxBodyBytes;

  private PluginRouter(Builder b) {
    this.identity = b.identity;
    this.verifier = b.verifier;
    this.routes = List.copyOf(b.routes);
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /**
   * Starts a router for the plugin {@code identity} whose callers {@code verifier} checks.
   *
   * @param identity this plugin (its id, keys and outgoing credentials)
   * @param verifier checks callers; build it with {@link TokenVerifier.Builder#pluginTokens} for this plugin's id
   * @return the builder
   */
  public static Builder builder(PluginIdentity identity, TokenVerifier verifier) {
    return new Builder(identity, verifier);
  }

  /** {@return this plugin's id} */
  public String pluginId() {
    return identity.pluginId();
  }

  /** {@return this plugin's identity} */
  public PluginIdentity identity() {
    return identity;
  }

  /** {@return the largest request body read; adapters refuse larger ones with {@link #tooLarge}} */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Answers one request. Adapters call this; it never throws.
   *
   * @param method the HTTP method
   * @param path the path under the plugin's base URL, percent-encoded as received (e.g. {@code /items/a%3Ab})
   * @param rawQuery the query string without {@code ?}, or null
   * @param headers the request headers (names in any case)
   * @param body the request body, at most {@link #maxBodyBytes()} bytes
   * @return the response to write
   */
  public PluginResponse handle(String method, String path, String rawQuery, Map<String, List<String>> headers,
      byte[] body) {
    String m = method.toUpperCase(Locale.ROOT);
    String p = path == null || path.isEmpty() ? "/" : path;
    String url = rawQuery == null ? p : p + "?" + rawQuery;
    try {
      if (JWKS_PATH.equals(p) && ("GET".equals(m) || "HEAD".equals(m))) {
        return PluginResponse.of(200, "application/json; charset=utf-8",
            identity.jwksJson().getBytes(StandardCharsets.UTF_8));
      }
      Map<String, String> params = new LinkedHashMap<>();
      Route route = match(m, p, params);
      if (route == null) {
        throw new HttpError("NotFoundError", "Not found: " + m + " " + JsonSafe.path(p));
      }
      Map<String, List<String>> lowerHeaders = lowerCase(headers);
      BackstagePrincipal caller = route.authenticated ? authenticate(lowerHeaders, m, p) : null;
      PluginRequest request = new PluginRequest(m, p, params, parseQuery(rawQuery), lowerHeaders,
          body == null ? new byte[0] : body, caller, identity);
      PluginResponse response = route.handler.handle(request);
      return Objects.requireNonNull(response, "the handler of " + route.template + " returned null");
    } catch (HttpError e) {
      if (e.status() >= 500) {
        LOG.warn("{} {} failed: {}: {}", m, p, e.name(), e.getMessage());
      }
      return error(e, m, url);
    } catch (Exception | LinkageError | AssertionError e) {
      LOG.error("{} {} failed", m, p, e);
      return error(new HttpError("Error", "Internal server error"), m, url);
    }
  }

  /**
   * Returns the 413 answer for a body over {@link #maxBodyBytes()}, for adapters that stop reading early.
   *
   * @param method the HTTP method
   * @param path the path under the plugin base
   * @return the response
   */
  public PluginResponse tooLarge(String method, String path) {
    return error(new HttpError("PayloadTooLargeError", "request body is larger than " + maxBodyBytes + " bytes"),
        method, path, 413);
  }

  private BackstagePrincipal authenticate(Map<String, List<String>> headers, String method, String path) {
    try {
      return verifier.authenticate(headers);
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejection.MISSING) {
        throw new HttpError("AuthenticationError", "Missing credentials");
      }
      LOG.warn("Rejected credentials for {} {}: {} ({})", method, JsonSafe.path(path), e.getMessage(), e.reason());
      throw new HttpError("AuthenticationError", "Illegal token");
    } catch (JwksUnavailableException e) {
      LOG.warn("Cannot check credentials for {} {}: {}", method, JsonSafe.path(path), e.getMessage());
      throw new HttpError("ServiceUnavailableError", "Cannot check credentials now; try again later");
    }
  }

  private Route match(String method, String path, Map<String, String> params) {
    String[] segments = segments(path);
    for (Route r : routes) {
      if (r.method.equals(method) || ("HEAD".equals(method) && "GET".equals(r.method))) {
        params.clear();
        if (r.matches(segments, params)) {
          return r;
        }
      }
    }
    return null;
  }

  private static PluginResponse error(HttpError e, String method, String url) {
    return error(e, method, url, e.status());
  }

  @SuppressWarnings("unchecked")
  private static PluginResponse error(HttpError e, String method, String url, int status) {
    Map<String, Object> body = ErrorBodies.envelope(status, e.name(), e.getMessage(), method, url);
    if (e.errorCause() != null) {
      ((Map<String, Object>) body.get("error")).put("cause", e.errorCause());
    }
    return PluginResponse.json(status, body);
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> {
        if (k != null && v != null) {
          result.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v);
        }
      });
    }
    return Collections.unmodifiableMap(result);
  }

  /** Read as Backstage's Express backends read it: a malformed escape is kept, not an error. */
  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> result = QueryStrings.parse(rawQuery);
    result.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(result);
  }

  /** Decodes a path segment: {@code %xx} only ({@code +} is a plus sign in a path). */
  static String decodeSegment(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError("InputError", "the path has a malformed percent-encoding");
    }
  }

  /** Reads a request body for an adapter: {@return the body, or null when it is longer than {@code max}} */
  static byte[] readBody(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int read, total = 0; (read = in.read(buffer)) != -1; ) {
      total += read;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static String[] segments(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  /** Keeps untrusted paths out of forged log lines and long messages. */
  private static final class JsonSafe {
    static String path(String p) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < p.length() && b.length() < 200; i++) {
        char c = p.charAt(i);
        b.append(Character.isISOControl(c) ? '?' : c);
      }
      return b.toString();
    }
  }

  private static final class Route {
    final String method;
    final String template;
    final String[] parts;
    final RouteHandler handler;
    final boolean authenticated;

    Route(String method, String template, RouteHandler handler, boolean authenticated) {
      this.method = method;
      this.template = template;
      this.parts = segments(template);
      this.handler = handler;
      this.authenticated = authenticated;
    }

    boolean matches(String[] segments, Map<String, String> params) {
      if (segments.length != parts.length) {
        return false;
      }
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        if (part.length() > 2 && part.startsWith("{") && part.endsWith("}")) {
          if (segments[i].isEmpty()) {
            return false;
          }
          params.put(part.substring(1, part.length() - 1), decodeSegment(segments[i]));
        } else if (!part.equals(segments[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /** Builds a {@link PluginRouter}. Routes are matched in the order they were added. Not thread-safe. */
  public static final class Builder {
    private final PluginIdentity identity;
    private final TokenVerifier verifier;
    private final List<Route> routes = new ArrayList<>();
    private int maxBodyBytes = 1024 * 1024;

    private Builder(PluginIdentity identity, TokenVerifier verifier) {
      this.identity = Objects.requireNonNull(identity, "identity");
      this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * Adds a {@code GET} route (also answering {@code HEAD}).
     *
     * @param template the path under the plugin base; {@code {name}} matches one segment
     * @param handler answers it
     * @return this builder
     */
    public Builder get(String template, RouteHandler handler) {
      return route("GET", template, handler);
    }

    /**
     * Adds a {@code POST} route.
     *
     * @param template the path under the plugin base; {@code {name}} matches one segment
     * @param handler answers it
     * @return this builder
     */
    public Builder post(String template, RouteHandler handler) {
      return route("POST", template, handler);
    }

    /**
     * Adds a route for any method, behind the credentials barrier.
     *
     * @param method the HTTP method
     * @param template the path under the plugin base, starting with {@code /}; {@code {name}} matches one segment
     * @param handler answers it
     * @return this builder
     * @throws IllegalArgumentException for a template that does not start with {@code /}, or a route under
     *     {@code /.backstage/auth/} (served by the router itself)
     */
    public Builder route(String method, String template, RouteHandler handler) {
      return add(method, template, handler, true);
    }

    /**
     * Adds a route anyone may call without credentials, as Node's {@code addAuthPolicy({allow:
     * 'unauthenticated'})} does (e.g. a health check). {@link PluginRequest#principal()} is null there.
     *
     * @param method the HTTP method
     * @param template the path under the plugin base
     * @param handler answers it
     * @return this builder
     */
    public Builder unauthenticated(String method, String template, RouteHandler handler) {
      return add(method, template, handler, false);
    }

    /**
     * Sets the largest request body accepted (default 1 MiB); larger ones get 413.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** {@return the router} */
    public PluginRouter build() {
      return new PluginRouter(this);
    }

    private Builder add(String method, String template, RouteHandler handler, boolean authenticated) {
      Objects.requireNonNull(template, "template");
      if (!template.startsWith("/")) {
        throw new IllegalArgumentException("route template must start with '/': " + template);
      }
      if (template.startsWith("/.backstage/auth/")) {
        throw new IllegalArgumentException("/.backstage/auth/ routes are served by the router itself: " + template);
      }
      routes.add(new Route(method.toUpperCase(Locale.ROOT), template, Objects.requireNonNull(handler, "handler"),
          authenticated));
      return this;
    }
  }
}
