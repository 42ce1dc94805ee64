package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.backstage4j.core.internal.ErrorBodies;
import dev.backstage4j.plugin.BackstagePrincipal;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a plugin's actions on Backstage's actions-registry routes, with the replies of Node's
 * {@code DefaultActionsRegistryService}, so Backstage's scaffolder and MCP server can list and run them:
 * <ul>
 *   <li>{@code GET /.backstage/actions/v1/actions} → {@code {"actions":[…]}}</li>
 *   <li>{@code POST /.backstage/actions/v1/actions/{id}/invoke} with the input object as body</li>
 *   <li>{@code POST /.backstage/actions/v2/actions/{id}/invoke} with {@code {"input":{…},"secrets":{…}}}</li>
 * </ul>
 * Framework-neutral: an adapter passes the method, the path under the plugin base, the body and the verified caller
 * ({@code null} when the request had no valid token) and writes the {@link Reply}. Errors use Backstage's envelope
 * and statuses; failures are logged with the caller, never with input or secrets.
 */
public final class ActionsRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ActionsRegistry.class);
  private static final String BASE = "/.backstage/actions/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  /** A reply to write: status and a JSON body. */
  public record Reply(int status, byte[] json) {
  }

  private record Entry(Action action, Schema input, Schema output, Schema secrets) {
  }

  private final String pluginId;
  private final Map<String, Entry> actions = new LinkedHashMap<>();

  /**
   * @param pluginId this plugin's id; actions are listed as {@code <pluginId>:<name>}
   * @param actions the actions to serve (names must be unique)
   */
  public ActionsRegistry(String pluginId, List<Action> actions) {
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    for (Action a : actions) {
      Entry entry = new Entry(a, SCHEMAS.getSchema(a.inputSchema()), SCHEMAS.getSchema(a.outputSchema()),
          a.secretsSchema() == null ? null : SCHEMAS.getSchema(a.secretsSchema()));
      if (this.actions.putIfAbsent(idOf(a), entry) != null) {
        throw new IllegalArgumentException("Duplicate action " + idOf(a));
      }
    }
  }

  /** Returns whether a path under the plugin base belongs to the actions registry. */
  public static boolean handles(String path) {
    return path.startsWith(BASE);
  }

  /**
   * Handles one request.
   *
   * @param method the HTTP method
   * @param path the path under the plugin base, e.g. {@code /.backstage/actions/v1/actions}
   * @param body the request body (may be empty)
   * @param caller the verified caller, or {@code null} if the request carried no valid credentials
   * @return the reply to write
   */
  public Reply handle(String method, String path, byte[] body, BackstagePrincipal caller) {
    try {
      if (caller == null) {
        throw new ActionException("AuthenticationError", "Missing credentials");
      }
      if (path.equals(BASE + "v1/actions")) {
        requireMethod(method, "GET", path);
        return new Reply(200, JSON.writeValueAsBytes(Map.of("actions", list())));
      }
      for (String version : List.of("v1", "v2")) {
        String prefix = BASE + version + "/actions/";
        if (path.startsWith(prefix) && path.endsWith("/invoke")) {
          requireMethod(method, "POST", path);
          String id = URLDecoder.decode(path.substring(prefix.length(), path.length() - "/invoke".length()),
              StandardCharsets.UTF_8);
          return invoke(version, id, path, body, caller);
        }
      }
      throw new ActionException("NotFoundError", "Not found: " + path);
    } catch (ActionException e) {
      LOG.warn("Action request {} {} by {} failed: {}: {}", method, path,
          caller == null ? "anonymous" : caller.subject(), e.errorName(), e.getMessage());
      return error(e.errorName(), e.getMessage(), null, method, path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void requireMethod(String method, String expected, String path) {
    if (!expected.equals(method)) {
      throw new ActionException("NotFoundError", "Not found: " + method + " " + path);
    }
  }

  private List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : actions.entrySet()) {
      Action a = e.getValue().action();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", e.getKey());
      item.put("name", a.name());
      item.put("title", a.title());
      item.put("description", a.description());
      item.put("pluginId", pluginId);
      item.put("attributes", a.attributes().resolved());
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("input", a.inputSchema());
      schema.put("output", a.outputSchema());
      if (a.secretsSchema() != null) {
        schema.put("secrets", a.secretsSchema());
      }
      item.put("schema", schema);
      out.add(item);
    }
    return out;
  }

  private Reply invoke(String version, String id, String path, byte[] body, BackstagePrincipal caller) throws IOException {
    Entry entry = actions.get(id);
    if (entry == null) {
      throw new ActionException("NotFoundError", "Action \"" + id + "\" not found");
    }
    JsonNode request = parse(id, body);
    JsonNode input = version.equals("v1") ? request : request.path("input");
    JsonNode secretsNode = version.equals("v1") ? null : request.get("secrets");
    if (input.isMissingNode() || input.isNull()) {
      input = JSON.createObjectNode();
    }
    List<Error> inputErrors = entry.input().validate(input);
    if (!inputErrors.isEmpty()) {
      return invalid(id, path, "Invalid input to action \"" + id + "\"", inputErrors, caller);
    }
    Map<String, String> secrets = secrets(entry, id, secretsNode);
    Object output;
    try {
      output = entry.action().handler().invoke(input, secrets, caller);
    } catch (ActionException e) {
      throw e;
    } catch (RuntimeException e) {
      // The stack trace stays in the server log; the caller learns only that the action failed.
      LOG.error("Action {} invoked by {} threw", id, caller.subject(), e);
      return error("Error", "Action \"" + id + "\" failed", null, "POST", path);
    }
    JsonNode outputNode = output == null ? JSON.createObjectNode() : JSON.valueToTree(output);
    List<Error> outputErrors = entry.output().validate(outputNode);
    if (!outputErrors.isEmpty()) {
      return invalid(id, path, "Invalid output from action \"" + id + "\"", outputErrors, caller);
    }
    ObjectNode reply = JSON.createObjectNode();
    reply.set("output", outputNode);
    return new Reply(200, JSON.writeValueAsBytes(reply));
  }

  private Map<String, String> secrets(Entry entry, String id, JsonNode secretsNode) {
    boolean given = secretsNode != null && !secretsNode.isNull();
    if (entry.secrets() == null) {
      if (given) {
        throw new ActionException("InputError", "Action \"" + id + "\" does not accept secrets");
      }
      return Map.of();
    }
    if (!given) {
      throw new ActionException("InputError", "Action \"" + id + "\" requires secrets but none were provided");
    }
    // Messages would quote secret values, so only the failing locations are reported.
    List<String> bad = entry.secrets().validate(secretsNode).stream()
        .map(e -> e.getInstanceLocation().toString()).distinct().toList();
    if (!bad.isEmpty()) {
      throw new ActionException("InputError", "Invalid secrets for action \"" + id + "\" at " + bad);
    }
    Map<String, String> out = new LinkedHashMap<>();
    secretsNode.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
    return Map.copyOf(out);
  }

  private JsonNode parse(String id, byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (!node.isObject()) {
        throw new ActionException("InputError", "Request body for action \"" + id + "\" must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ActionException("InputError", "Request body for action \"" + id + "\" is not valid JSON");
    }
  }

  private Reply invalid(String id, String path, String what, List<Error> errors, BackstagePrincipal caller) {
    List<Map<String, Object>> issues = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Error e : errors) {
      issues.add(Map.of("path", e.getInstanceLocation().toString(), "message", e.getMessage()));
      messages.add(e.getMessage());
    }
    String message = what + "; caused by " + messages;
    LOG.warn("Action {} invoked by {} rejected: {}", id, caller.subject(), message);
    return error("InputError", message, Map.of("name", "ValidationError", "issues", issues), "POST", path);
  }

  @SuppressWarnings("unchecked")
  private static Reply error(String name, String message, Map<String, Object> cause, String method, String url) {
    int status = ActionException.statusOf(name);
    Map<String, Object> body = ErrorBodies.envelope(status, name, message, method, url);
    if (cause != null) {
      ((Map<String, Object>) body.get("error")).put("cause", cause);
    }
    try {
      return new Reply(status, JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String idOf(Action a) {
    return pluginId + ":" + a.name();
  }
}
