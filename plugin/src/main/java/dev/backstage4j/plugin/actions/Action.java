package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backstage4j.core.internal.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One action a Java plugin offers to Backstage's scaffolder (a template step {@code action: <pluginId>:<name>})
 * and MCP server (the tool {@code <pluginId>.<name>}). Schemas are draft-07 JSON Schema objects with
 * {@code "type": "object"} at the root, written by hand ({@link Builder#inputSchema(String)}) or generated from a
 * record ({@link Builder#input(Class)}). Immutable.
 *
 * <pre>{@code
 * record Greet(String name) {}
 * Action hello = Action.builder("hello")
 *     .title("Say hello").description("Greets someone")
 *     .attributes(ActionAttributes.READ_ONLY)
 *     .input(Greet.class)
 *     .handler(call -> Map.of("greeting", "Hello, " + call.input(Greet.class).name()))
 *     .build();
 * }</pre>
 */
public final class Action {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String name;
  private final String title;
  private final String description;
  private final ActionAttributes attributes;
  private final ObjectNode inputSchema;
  private final ObjectNode outputSchema;
  private final ObjectNode secretsSchema;
  private final List<Example> examples;
  private final ActionHandler handler;

  private Action(Builder b) {
    this.name = b.name;
    this.title = b.title == null ? b.name : b.title;
    this.description = Objects.requireNonNull(b.description, () -> "action \"" + b.name + "\": description");
    this.attributes = b.attributes;
    this.inputSchema = Objects.requireNonNull(b.inputSchema,
        () -> "action \"" + b.name + "\": an input schema (inputSchema or input(Class))");
    this.outputSchema = b.outputSchema == null ? schema("{\"type\":\"object\",\"properties\":{},"
        + "\"additionalProperties\":true}", "outputSchema") : b.outputSchema;
    this.secretsSchema = b.secretsSchema;
    this.examples = List.copyOf(b.examples);
    this.handler = Objects.requireNonNull(b.handler, () -> "action \"" + b.name + "\": handler");
  }

  /**
   * Starts an action definition.
   *
   * @param name the name, unique within the plugin (letters, digits, {@code -}, {@code _}, {@code .}); the
   *     action's id is {@code <pluginId>:<name>}
   * @return the builder
   * @throws IllegalArgumentException for a name Backstage could not route
   */
  public static Builder builder(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("action name \"" + name + "\" must match " + NAME.pattern());
    }
    return new Builder(name);
  }

  /** {@return the name, without the plugin id} */
  public String name() {
    return name;
  }

  /** {@return the short title (MCP's tool title); the name when none was given} */
  public String title() {
    return title;
  }

  /** {@return what the action does (the scaffolder and MCP show it)} */
  public String description() {
    return description;
  }

  /** {@return the declared hints} */
  public ActionAttributes attributes() {
    return attributes;
  }

  /** {@return a copy of the draft-07 input schema} */
  public Map<String, Object> inputSchema() {
    return ActionSchemas.toMap(inputSchema);
  }

  /** {@return a copy of the draft-07 output schema} */
  public Map<String, Object> outputSchema() {
    return ActionSchemas.toMap(outputSchema);
  }

  /** {@return a copy of the secrets schema, or null when the action takes no secrets} */
  public Map<String, Object> secretsSchema() {
    return secretsSchema == null ? null : ActionSchemas.toMap(secretsSchema);
  }

  ObjectNode inputNode() {
    return inputSchema;
  }

  ObjectNode outputNode() {
    return outputSchema;
  }

  ObjectNode secretsNode() {
    return secretsSchema;
  }

  /** {@return the examples listed with the action} */
  public List<Example> examples() {
    return examples;
  }

  /** {@return what runs on invoke} */
  public ActionHandler handler() {
    return handler;
  }

  @Override
  public String toString() {
    return "Action[" + name + "]";
  }

  /**
   * An example listed with the action, as Node's {@code examples: [{title, description?, input, output?}]}.
   *
   * @param title what the example shows
   * @param description more words, or null
   * @param input an input object (any value Jackson writes)
   * @param output the output it gives, or null
   */
  public record Example(String title, String description, Object input, Object output) {
    /**
     * Checks the required parts.
     *
     * @param title what the example shows
     * @param description more words, or null
     * @param input an input object (any value Jackson writes)
     * @param output the output it gives, or null
     */
    public Example {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(input, "input");
    }
  }

  /** Builds an {@link Action}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String title;
    private String description;
    private ActionAttributes attributes = ActionAttributes.NONE;
    private ObjectNode inputSchema;
    private ObjectNode outputSchema;
    private ObjectNode secretsSchema;
    private final List<Example> examples = new ArrayList<>();
    private ActionHandler handler;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * @param title the short title (default: the name)
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * @param description what the action does (required)
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * @param attributes the read-only / destructive / idempotent hints (default: none said, which Backstage
     *     resolves to a destructive, non-idempotent action)
     * @return this builder
     */
    public Builder attributes(ActionAttributes attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    /**
     * Sets the input schema from JSON text, e.g. a text block.
     *
     * @param json a draft-07 object schema
     * @return this builder
     * @throws IllegalArgumentException when it is not JSON or not {@code "type": "object"}, naming the line
     */
    public Builder inputSchema(String json) {
      this.inputSchema = schema(json, "inputSchema");
      return this;
    }

    /**
     * Generates the input schema from a record or class (see {@link ActionSchemas#of(Class)}); the handler
     * binds the input with {@link ActionCall#input(Class)}.
     *
     * @param type the input type
     * @return this builder
     */
    public Builder input(Class<?> type) {
      this.inputSchema = ActionSchemas.node(type);
      return this;
    }

    /**
     * Sets the output schema from JSON text (default: any object).
     *
     * @param json a draft-07 object schema
     * @return this builder
     */
    public Builder outputSchema(String json) {
      this.outputSchema = schema(json, "outputSchema");
      return this;
    }

    /**
     * Generates the output schema from a record or class (see {@link ActionSchemas#of(Class)}).
     *
     * @param type the output type
     * @return this builder
     */
    public Builder output(Class<?> type) {
      this.outputSchema = ActionSchemas.node(type);
      return this;
    }

    /**
     * Declares the secrets a v2 invoke must send (the scaffolder and MCP send none, so such an action is only
     * for direct callers).
     *
     * @param json a draft-07 object schema
     * @return this builder
     */
    public Builder secretsSchema(String json) {
      this.secretsSchema = schema(json, "secretsSchema");
      return this;
    }

    /**
     * Adds an example.
     *
     * @param example the example
     * @return this builder
     */
    public Builder example(Example example) {
      examples.add(Objects.requireNonNull(example, "example"));
      return this;
    }

    /**
     * @param handler what runs on invoke
     * @return this builder
     */
    public Builder handler(ActionHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * {@return the action}
     *
     * @throws NullPointerException naming the missing part (description, input schema, handler)
     */
    public Action build() {
      return new Action(this);
    }

    private ObjectNode schema(String json, String field) {
      return Action.schema(json, "action \"" + name + "\": " + field);
    }
  }

  private static ObjectNode schema(String json, String what) {
    JsonNode node;
    try {
      node = JsonCodec.shared().mapper().readTree(Objects.requireNonNull(json, what));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not JSON (line " + e.getLocation().getLineNr() + "): "
          + e.getOriginalMessage(), e);
    }
    return ActionSchemas.checked(node, what);
  }
}
