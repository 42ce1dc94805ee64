package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.backstage4j.core.internal.JsonCodec;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.HttpError;
import dev.backstage4j.plugin.PluginRequest;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.PluginRouter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's actions, served on Backstage's actions-registry routes with the replies of Node's
 * {@code DefaultActionsRegistryService}, so Backstage's scaffolder runs them as template steps and its MCP server
 * offers them as tools. {@link #mount} adds, behind the router's credentials barrier:
 * <ul>
 *   <li>{@code GET /.backstage/actions/v1/actions} → {@code {"actions":[…]}}, every field Node sends (resolved
 *       attributes, {@code pluginId}, {@code name}); rendered once, as the scaffolder lists on every step;</li>
 *   <li>{@code POST /.backstage/actions/v1/actions/{id}/invoke}, the input object as body (what the scaffolder
 *       and MCP send), and {@code POST /.backstage/actions/v2/actions/{id}/invoke} with
 *       {@code {"input":{…},"secrets":{…}}}, both answering {@code {"output":…}}.</li>
 * </ul>
 * Input (and secrets, and output) are validated with a draft-07 validator: a bad one is a 400 {@code InputError}
 * naming the field. Because the scaffolder drops remote error messages, each failure is logged here with the
 * action, the caller and the message (never input or secrets). Immutable and thread-safe.
 *
 * <pre>{@code
 * PluginRouter router = ActionsRegistry.of(hello).mount(PluginRouter.builder(identity, verifier)).build();
 * }</pre>
 */
public final class ActionsRegistry {
  /** The list route, relative to the plugin's base URL. */
  public static final String LIST_PATH = "/.backstage/actions/v1/actions";
  private static final Logger LOG = LoggerFactory.getLogger(ActionsRegistry.class);
  private static final ObjectMapper JSON = JsonCodec.shared().mapper();
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

  private record Entry(Action action, Schema input, Schema output, Schema secrets) {
  }

  private final Map<String, Entry> byName = new LinkedHashMap<>();
  /** The list body per plugin id (one in practice), rendered on first use. */
  private final Map<String, byte[]> listBodies = new ConcurrentHashMap<>();

  private ActionsRegistry(List<Action> actions) {
    for (Action a : actions) {
      Entry entry = new Entry(a, SCHEMAS.getSchema(a.inputNode()), SCHEMAS.getSchema(a.outputNode()),
          a.secretsNode() == null ? null : SCHEMAS.getSchema(a.secretsNode()));
      if (byName.putIfAbsent(a.name(), entry) != null) {
        throw new IllegalArgumentException("two actions are named \"" + a.name() + "\"");
      }
    }
  }

  /**
   * Collects actions to serve.
   *
   * @param actions the actions, with distinct names
   * @return the registry
   * @throws IllegalArgumentException when two actions share a name
   */
  public static ActionsRegistry of(Action... actions) {
    return of(Arrays.asList(actions));
  }

  /**
   * Collects actions to serve.
   *
   * @param actions the actions, with distinct names
   * @return the registry
   * @throws IllegalArgumentException when two actions share a name
   */
  public static ActionsRegistry of(List<Action> actions) {
    return new ActionsRegistry(List.copyOf(actions));
  }

  /**
   * Adds the list and invoke routes to a router; the actions are listed as {@code <router's plugin id>:<name>}.
   *
   * @param router the router builder
   * @return the same builder
   */
  public PluginRouter.Builder mount(PluginRouter.Builder router) {
    return router.get(LIST_PATH, this::list)
        .post("/.backstage/actions/v1/actions/{id}/invoke", r -> invoke(r, false))
        .post("/.backstage/actions/v2/actions/{id}/invoke", r -> invoke(r, true));
  }

  private PluginResponse list(PluginRequest request) {
    String pluginId = request.identity().pluginId();
    return PluginResponse.of(200, "application/json; charset=utf-8",
        listBodies.computeIfAbsent(pluginId, this::render));
  }

  private byte[] render(String pluginId) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entry e : byName.values()) {
      Action a = e.action();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", pluginId + ":" + a.name());
      item.put("name", a.name());
      item.put("title", a.title());
      item.put("description", a.description());
      item.put("pluginId", pluginId);
      item.put("attributes", a.attributes().resolved());
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("input", a.inputNode());
      schema.put("output", a.outputNode());
      if (a.secretsNode() != null) {
        schema.put("secrets", a.secretsNode());
      }
      item.put("schema", schema);
      if (!a.examples().isEmpty()) {
        item.put("examples", a.examples());
      }
      out.add(item);
    }
    return JsonCodec.shared().write(Map.of("actions", out));
  }

  private PluginResponse invoke(PluginRequest request, boolean v2) throws Exception {
    String id = request.pathParam("id");
    String pluginId = request.identity().pluginId();
    Entry entry = id.startsWith(pluginId + ":") ? byName.get(id.substring(pluginId.length() + 1)) : null;
    try {
      if (entry == null) {
        throw new HttpError("NotFoundError", "Action \"" + id + "\" not found");
      }
      JsonNode body = body(request, id);
      JsonNode input = v2 ? body.path("input") : body;
      if (input.isMissingNode() || input.isNull()) {
        input = JSON.createObjectNode();
      }
      check(entry.input(), input, "Invalid input to action \"" + id + "\"");
      Map<String, String> secrets = secrets(entry, id, v2 ? body.get("secrets") : null);
      Logger logger = LoggerFactory.getLogger("dev.backstage4j.plugin.actions." + pluginId + "." + id.substring(
          pluginId.length() + 1));
      Object output = run(entry, new ActionCall(id, input, secrets, request, logger));
      JsonNode outputNode = output == null ? JSON.createObjectNode() : JSON.valueToTree(output);
      check(entry.output(), outputNode, "Invalid output from action \"" + id + "\"");
      ObjectNode reply = JSON.createObjectNode();
      reply.set("output", outputNode);
      return PluginResponse.of(200, "application/json; charset=utf-8", JSON.writeValueAsBytes(reply));
    } catch (HandlerThrew e) {
      throw e;  // logged with its stack trace already
    } catch (HttpError e) {
      LOG.warn("Action {} invoked by {} failed: {}: {}", id, who(request.principal()), e.name(), e.getMessage());
      throw e;
    }
  }

  /** The 500 for a handler's unexpected exception, which {@link #run} has logged. */
  private static final class HandlerThrew extends HttpError {
    private static final long serialVersionUID = 1L;

    HandlerThrew(String actionId) {
      super("Error", "Action \"" + actionId + "\" failed");
    }
  }

  private static Object run(Entry entry, ActionCall call) throws Exception {
    try {
      return entry.action().handler().invoke(call);
    } catch (HttpError e) {
      throw e;
    } catch (Exception | LinkageError | AssertionError e) {
      // The caller (the scaffolder drops remote messages anyway) learns only that it failed; the log says why.
      LOG.error("Action {} invoked by {} threw", call.actionId(), who(call.principal()), e);
      throw new HandlerThrew(call.actionId());
    }
  }

  private static JsonNode body(PluginRequest request, String id) {
    if (request.body().length == 0) {
      return JSON.createObjectNode();
    }
    JsonNode node;
    try {
      node = JSON.readTree(request.body());
    } catch (IOException e) {
      throw new HttpError("InputError", "the request body for action \"" + id + "\" is not JSON");
    }
    if (!node.isObject()) {
      throw new HttpError("InputError", "the request body for action \"" + id + "\" must be a JSON object");
    }
    return node;
  }

  private static void check(Schema schema, JsonNode value, String what) {
    List<Error> errors = schema.validate(value);
    if (errors.isEmpty()) {
      return;
    }
    List<Map<String, Object>> issues = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Error e : errors) {
      String path = jsonPath(e);
      issues.add(Map.of("path", path, "message", e.getMessage()));
      messages.add(path + ": " + e.getMessage());
    }
    throw new HttpError("InputError", what + "; caused by " + String.join("; ", messages))
        .withCause(Map.of("name", "ValidationError", "message", String.join("; ", messages), "issues", issues));
  }

  private static Map<String, String> secrets(Entry entry, String id, JsonNode given) {
    boolean present = given != null && !given.isNull();
    if (entry.secrets() == null) {
      if (present) {
        throw new HttpError("InputError", "Action \"" + id + "\" does not accept secrets");
      }
      return Map.of();
    }
    if (!present) {
      throw new HttpError("InputError", "Action \"" + id + "\" requires secrets but none were provided");
    }
    // Validator messages can quote values, so only the failing locations are reported.
    List<String> bad = entry.secrets().validate(given).stream()
        .map(e -> jsonPath(e) + " (" + e.getKeyword() + ")").distinct().toList();
    if (!bad.isEmpty()) {
      throw new HttpError("InputError", "Invalid secrets for action \"" + id + "\" at " + bad);
    }
    Map<String, String> out = new LinkedHashMap<>();
    given.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
    return Map.copyOf(out);
  }

  /** The failing location as a JSON path, {@code $.items.0.name} ({@code $} for the object itself). */
  private static String jsonPath(Error e) {
    return "$" + e.getInstanceLocation().toString().replace('/', '.');
  }

  /** Names a caller for the log: the user and the plugin acting for them, e.g. {@code user:default/alice via plugin:scaffolder}. */
  static String who(BackstagePrincipal p) {
    return p == null ? "anonymous" : p.actor() == null ? p.subject() : p.subject() + " via " + p.actor();
  }

  @Override
  public String toString() {
    return "ActionsRegistry" + byName.keySet();
  }
}
