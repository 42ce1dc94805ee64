package dev.backstage4j.testkit.internal;

import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.actions.ActionsClient;
import dev.backstage4j.plugin.actions.RemoteAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaffolder's side of Backstage's actions service for the plugins routed elsewhere (a Java plugin under
 * test): list every source on each step, validate the input before any invoke, invoke over HTTP with the
 * scaffolder's plugin tokens for the task's initiator, and fail with the real scaffolder's messages.
 */
final class RemoteActions {
  private final FakeIdentity identity;

  RemoteActions(FakeIdentity identity) {
    this.identity = identity;
  }

  /** A listed action, a client holding the credentials that reach its plugin, and the connections to close. */
  record Found(RemoteAction action, ActionsClient client, ActionsClient root) implements AutoCloseable {
    @Override
    public void close() {
      root.close();
    }
  }

  /**
   * Lists every source as the real actions service does on each step (a failing source contributes nothing: Node
   * logs {@code Failed to fetch actions} and goes on); an id listed twice counts once.
   */
  List<RemoteAction> listAll(ActionsClient root, BackstagePrincipal initiator) {
    Map<String, RemoteAction> byId = new LinkedHashMap<>();
    for (String source : identity.externalPluginIds()) {
      try {
        for (RemoteAction a : root.withCredentials(identity.credentials("scaffolder", source, initiator))
            .list(source)) {
          byId.putIfAbsent(a.id(), a);
        }
      } catch (BackstageException e) {
        // as Node: this source contributes nothing
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** {@return every remote action, for {@code GET /v2/actions}} */
  List<RemoteAction> listAll(BackstagePrincipal initiator) {
    try (ActionsClient root = ActionsClient.create(identity.selfConfig())) {
      return listAll(root, initiator);
    }
  }

  /** Lists every source and returns the action with that id and a client for its plugin, or null. */
  Found find(String actionId, BackstagePrincipal initiator) {
    ActionsClient root = ActionsClient.create(identity.selfConfig());
    RemoteAction found = listAll(root, initiator).stream().filter(a -> a.id().equals(actionId)).findFirst()
        .orElse(null);
    if (found == null || actionId.indexOf(':') <= 0) {
      root.close();
      return null;
    }
    return new Found(found, root.withCredentials(identity.credentials("scaffolder", pluginOf(actionId),
        initiator)), root);
  }

  /** A remote action as the scaffolder's {@code GET /v2/actions} lists it. */
  static Map<String, Object> toScaffolderJson(RemoteAction a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("description", a.description());
    m.put("examples", List.of());
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("input", a.inputSchema());
    schema.put("output", a.outputSchema());
    m.put("schema", schema);
    return m;
  }

  /** Checks the input as the scaffolder does (npm jsonschema) before any HTTP call. */
  static void checkInput(RemoteAction action, Map<String, Object> input) {
    List<Object> errors = new ArrayList<>();
    SchemaCheck.check(action.inputSchema(), input, errors);
    if (!errors.isEmpty()) {
      List<String> stacks = new ArrayList<>();
      for (Object e : errors) {
        stacks.add(String.valueOf(((Map<?, ?>) e).get("stack")));
      }
      throw new Scaffolder.StepError("InputError", "Invalid input passed to action " + action.id() + ", "
          + String.join(", ", stacks));
    }
  }

  /** Invokes; an object output's keys become the step's outputs, anything else is dropped. */
  static void invoke(Found found, Map<String, Object> input, Map<String, Object> outputs) {
    Object output;
    try {
      output = found.client().invoke(found.action().id(), input);
    } catch (BackstageApiException e) {
      // The scaffolder keeps only the status line: the remote message is lost, as on the real backend.
      int status = e.error().statusCode();
      throw new Scaffolder.StepError("ResponseError", "Request failed with " + status + " " + reason(status));
    } catch (BackstageException e) {
      throw new Scaffolder.StepError("TypeError", "fetch failed");
    }
    if (output instanceof Map<?, ?> m) {
      m.forEach((k, v) -> outputs.put(String.valueOf(k), v));
    }
  }

  /** The example output a dry run shows for a skipped action, generated from its output schema. */
  @SuppressWarnings("unchecked")
  static Object example(Map<String, Object> schema) {
    if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
      return examples.get(0);
    }
    Object type = schema.get("type");
    if ("object".equals(type)) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (schema.get("properties") instanceof Map<?, ?> props) {
        props.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> p
            ? example((Map<String, Object>) p) : "<unknown>"));
      }
      return out;
    }
    if ("array".equals(type)) {
      return schema.get("items") instanceof Map<?, ?> items ? List.of(example((Map<String, Object>) items))
          : List.of();
    }
    if ("string".equals(type)) {
      return "<example>";
    }
    if ("number".equals(type) || "integer".equals(type)) {
      return 0;
    }
    if ("boolean".equals(type)) {
      return false;
    }
    return "<unknown>";
  }

  private static String pluginOf(String actionId) {
    return actionId.substring(0, actionId.indexOf(':'));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "";
    };
  }
}
