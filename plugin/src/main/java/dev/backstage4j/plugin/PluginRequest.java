package dev.backstage4j.plugin;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.internal.JsonCodec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a {@link PluginRouter} route answers: method, path under the plugin's base URL, path and query
 * parameters, headers, body, and the verified caller. Immutable apart from the body array; not shared between
 * requests.
 */
public final class PluginRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final BackstagePrincipal principal;
  private final PluginIdentity identity;

  PluginRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
      Map<String, List<String>> headers, byte[] body, BackstagePrincipal principal, PluginIdentity identity) {
    this.method = method;
    this.path = path;
    this.pathParams = Map.copyOf(pathParams);
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.principal = principal;
    this.identity = identity;
  }

  /** {@return the HTTP method, upper case} */
  public String method() {
    return method;
  }

  /** {@return the path under the plugin's base URL, still percent-encoded, e.g. {@code /items/a%3Ab}} */
  public String path() {
    return path;
  }

  /**
   * Returns a path parameter of the route template, percent-decoded.
   *
   * @param name the parameter's name in the template ({@code {id}} → {@code id})
   * @return its value
   * @throws IllegalArgumentException when the template has no such parameter
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route has no path parameter {" + name + "} (it has "
          + pathParams.keySet() + ")");
    }
    return value;
  }

  /**
   * Returns the first value of a query parameter.
   *
   * @param name the parameter name
   * @return its first value, decoded, or null when absent
   */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Returns every value of a query parameter, in order.
   *
   * @param name the parameter name
   * @return its values, empty when absent
   */
  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, any case
   * @return its first value, or null when absent
   */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@return the request body, empty when there is none} */
  public byte[] body() {
    return body;
  }

  /**
   * Reads the JSON body into {@code type}.
   *
   * @param type a record or class Jackson can bind, or {@code Map.class}
   * @param <T> the type
   * @return the body
   * @throws HttpError {@code InputError} (400) when the body is missing or not such JSON, naming what is wrong
   */
  public <T> T bodyAs(Class<T> type) {
    if (body.length == 0) {
      throw new HttpError("InputError", "the request has no body; expected JSON");
    }
    try {
      return JsonCodec.shared().read(body, type, "request body");
    } catch (RuntimeException e) {
      throw new HttpError("InputError", e.getMessage());
    }
  }

  /** {@return the verified caller; null only on a route added with {@code unauthenticated}} */
  public BackstagePrincipal principal() {
    return principal;
  }

  /** {@return this plugin's identity, e.g. {@code identity().credentialsFor("catalog")} to call as the plugin} */
  public PluginIdentity identity() {
    return identity;
  }

  /**
   * Returns credentials that call plugin {@code targetPluginId} on behalf of this request's caller, as
   * {@link BackstagePrincipal#credentialsOnBehalfOf(PluginIdentity, String)} describes (as this plugin when the
   * route is unauthenticated).
   *
   * <pre>{@code
   * CatalogClient asCaller = catalog.withCredentials(request.credentialsOnBehalfOf("catalog"));
   * }</pre>
   *
   * @param targetPluginId the plugin to call, e.g. {@code catalog}
   * @return the credentials; do not keep them past the request
   */
  public CredentialsProvider credentialsOnBehalfOf(String targetPluginId) {
    return principal == null ? identity.credentialsFor(targetPluginId)
        : principal.credentialsOnBehalfOf(identity, targetPluginId);
  }

  /** {@return method, path and caller; never a header value or the body} */
  @Override
  public String toString() {
    return "PluginRequest[" + method + " " + path + (principal == null ? "" : " by " + principal.subject()) + "]";
  }
}
