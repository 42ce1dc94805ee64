package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.internal.JsonCodec;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.HttpError;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginRequest;
import java.util.Map;
import org.slf4j.Logger;

/**
 * One invocation of an action: the validated input, the secrets of a v2 invoke, the verified caller and the
 * credentials to call Backstage as this plugin or on behalf of the caller. Not shared between invocations.
 */
public final class ActionCall {
  private final String actionId;
  private final JsonNode input;
  private final Map<String, String> secrets;
  private final PluginRequest request;
  private final Logger logger;

  ActionCall(String actionId, JsonNode input, Map<String, String> secrets, PluginRequest request, Logger logger) {
    this.actionId = actionId;
    this.input = input;
    this.secrets = secrets;
    this.request = request;
    this.logger = logger;
  }

  /** {@return the action's id, {@code <pluginId>:<name>}} */
  public String actionId() {
    return actionId;
  }

  /** {@return the input object, valid against the input schema, as maps, lists, strings, numbers, booleans} */
  public Map<String, Object> input() {
    return input(MAP);
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private <T> T input(TypeReference<T> type) {
    return JsonCodec.shared().mapper().convertValue(input, type);
  }

  /**
   * Binds the input to a record or class, e.g. the one the input schema was generated from.
   *
   * @param type the type
   * @param <T> the type
   * @return the input
   * @throws HttpError {@code InputError} (400) naming the field Jackson could not bind
   */
  public <T> T input(Class<T> type) {
    try {
      return JsonCodec.shared().convert(input, type, "input to action \"" + actionId + "\"");
    } catch (RuntimeException e) {
      throw new HttpError("InputError", e.getMessage());
    }
  }

  /** {@return the secrets sent with a v2 invoke, empty otherwise; never log them} */
  public Map<String, String> secrets() {
    return secrets;
  }

  /**
   * {@return the verified caller: for the scaffolder and MCP the calling plugin ({@code plugin:scaffolder}), or
   * the user it acts for, with {@link BackstagePrincipal#actor()} naming the plugin}
   */
  public BackstagePrincipal principal() {
    return request.principal();
  }

  /** {@return this plugin's identity, e.g. {@code identity().credentialsFor("catalog")} to call as the plugin} */
  public PluginIdentity identity() {
    return request.identity();
  }

  /**
   * Returns credentials that call plugin {@code targetPluginId} on behalf of the caller (the user behind a
   * scaffolder task or MCP call keeps their permissions), as {@link PluginRequest#credentialsOnBehalfOf}.
   *
   * @param targetPluginId the plugin to call, e.g. {@code catalog}
   * @return the credentials; do not keep them past the invocation
   */
  public CredentialsProvider credentialsOnBehalfOf(String targetPluginId) {
    return request.credentialsOnBehalfOf(targetPluginId);
  }

  /** {@return a logger named after the action ({@code dev.backstage4j.plugin.actions.<pluginId>.<name>})} */
  public Logger logger() {
    return logger;
  }

  /** {@return the action id and caller; never input or secrets} */
  @Override
  public String toString() {
    return "ActionCall[" + actionId + " by " + ActionsRegistry.who(principal()) + "]";
  }
}
