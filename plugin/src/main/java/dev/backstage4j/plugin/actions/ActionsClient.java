package dev.backstage4j.plugin.actions;

import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.HttpTransport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists and invokes any plugin's actions from Java, as Backstage's own {@code ActionsService} does: Node plugins'
 * ({@code catalog:get-catalog-entity}, {@code scaffolder:…}) and Java plugins'. The plugin is the id's prefix
 * before the first {@code :}, found through the config's discovery; calls go through the SDK transport (retries,
 * circuit breaker, timeouts, redacted logs). Failures raise the SDK's exceptions, e.g.
 * {@link dev.backstage4j.core.BackstageApiException} carrying the remote error's name and message. Thread-safe.
 *
 * <pre>{@code
 * try (ActionsClient actions = ActionsClient.create(config)) {
 *   List<RemoteAction> all = actions.list("catalog");
 *   Object entity = actions.invoke("catalog:get-catalog-entity", Map.of("kind", "component", "name", "svc"));
 * }
 * }</pre>
 */
public final class ActionsClient implements AutoCloseable {
  private final ClientConfig config;
  private final CredentialsProvider credentials;
  private final Map<String, HttpTransport> transports;

  private ActionsClient(ClientConfig config, CredentialsProvider credentials, Map<String, HttpTransport> transports) {
    this.config = config;
    this.credentials = credentials;
    this.transports = transports;
  }

  /**
   * Creates a client calling with {@code config}'s credentials (a static token, or a plugin's own with
   * {@code PluginIdentity.credentialsFor}).
   *
   * @param config where Backstage is and how to authenticate
   * @return the client; close it when done
   */
  public static ActionsClient create(ClientConfig config) {
    return new ActionsClient(Objects.requireNonNull(config, "config"), null, new ConcurrentHashMap<>());
  }

  /**
   * Returns a view calling with other credentials (e.g. {@code call.credentialsOnBehalfOf(pluginId)} inside an
   * action, or a user's token), sharing connections; closing the view does nothing.
   *
   * @param credentials the credentials
   * @return the view
   */
  public ActionsClient withCredentials(CredentialsProvider credentials) {
    return new ActionsClient(config, Objects.requireNonNull(credentials, "credentials"), transports);
  }

  /**
   * Lists the actions plugin {@code pluginId} serves ({@code GET /.backstage/actions/v1/actions}).
   *
   * @param pluginId e.g. {@code catalog} or a Java plugin's id
   * @return its actions, in its order
   */
  public List<RemoteAction> list(String pluginId) {
    return transport(pluginId).execute(ApiRequest.get("/.backstage/actions/v1/actions").build(), r -> {
      try {
        return RemoteAction.fromList(transport(pluginId).json().read(r.bytes(), Object.class, "actions list"));
      } catch (IllegalArgumentException e) {
        throw new BackstageDecodingException("cannot read the actions list of " + pluginId + ": " + e.getMessage(),
            "$.actions", e);
      }
    });
  }

  /**
   * Invokes an action with {@code input}, as the scaffolder and MCP do (v1: the input object is the body).
   *
   * @param actionId {@code <pluginId>:<name>}
   * @param input the input object
   * @return the action's output (maps, lists, strings, numbers, booleans, or null)
   */
  public Object invoke(String actionId, Map<String, ?> input) {
    ApiRequest request = ApiRequest.post("/.backstage/actions/v1/actions/{id}/invoke", actionId)
        .jsonBody(Objects.requireNonNull(input, "input")).build();
    return output(actionId, request);
  }

  /**
   * Invokes an action that takes secrets (v2: {@code {"input", "secrets"}}); the body is never logged.
   *
   * @param actionId {@code <pluginId>:<name>}
   * @param input the input object
   * @param secrets the secrets
   * @return the action's output
   */
  public Object invoke(String actionId, Map<String, ?> input, Map<String, String> secrets) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("input", Objects.requireNonNull(input, "input"));
    body.put("secrets", Objects.requireNonNull(secrets, "secrets"));
    ApiRequest request = ApiRequest.post("/.backstage/actions/v2/actions/{id}/invoke", actionId).jsonBody(body)
        .sensitiveBody().build();
    return output(actionId, request);
  }

  private Object output(String actionId, ApiRequest request) {
    HttpTransport transport = transport(pluginOf(actionId));
    return transport.execute(request, r -> {
      Map<String, Object> reply = transport.json().readMap(r.bytes(), "invoke " + actionId + " response");
      return reply.get("output");
    });
  }

  private static String pluginOf(String actionId) {
    int colon = Objects.requireNonNull(actionId, "actionId").indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("an action id is <pluginId>:<name>, got \"" + actionId + "\"");
    }
    return actionId.substring(0, colon);
  }

  private HttpTransport transport(String pluginId) {
    HttpTransport base = transports.computeIfAbsent(Objects.requireNonNull(pluginId, "pluginId"),
        id -> HttpTransport.create(config, id));
    return credentials == null ? base : base.withCredentials(credentials);
  }

  /** Closes the connections of every plugin called (a {@link #withCredentials} view does nothing). */
  @Override
  public void close() {
    if (credentials == null) {
      transports.values().forEach(HttpTransport::close);
    }
  }

  @Override
  public String toString() {
    return "ActionsClient" + transports.keySet();
  }
}
