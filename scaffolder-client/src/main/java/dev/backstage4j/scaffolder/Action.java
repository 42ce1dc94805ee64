package dev.backstage4j.scaffolder;

import dev.backstage4j.scaffolder.internal.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Describes an action installed on the scaffolder (e.g. {@code fetch:template}) with its input and output schema. */
public final class Action {
  private final String id;
  private final String description;
  private final Map<String, Object> inputSchema;
  private final Map<String, Object> outputSchema;
  private final List<Map<String, Object>> examples;

  private Action(String id, String description, Map<String, Object> inputSchema, Map<String, Object> outputSchema,
      List<Map<String, Object>> examples) {
    this.id = id;
    this.description = description;
    this.inputSchema = inputSchema;
    this.outputSchema = outputSchema;
    this.examples = examples;
  }

  /** Returns an action with the given id and input JSON Schema, e.g. for offline template validation. */
  public static Action of(String id, Map<String, ?> inputSchema) {
    return new Action(Objects.requireNonNull(id, "id"), "", Wire.frozenMap(inputSchema), Map.of(), List.of());
  }

  static Action fromMap(Map<String, Object> m) {
    Map<String, Object> schema = Wire.map(m, "schema");
    List<Map<String, Object>> examples = new ArrayList<>();
    for (Object e : Wire.list(m, "examples")) {
      examples.add(Wire.frozenMap(e));
    }
    String description = Wire.str(m, "description");
    return new Action(Wire.str(m, "id"), description == null ? "" : description, Wire.frozenMap(schema.get("input")),
        Wire.frozenMap(schema.get("output")), List.copyOf(examples));
  }

  /** Returns the action id, e.g. {@code fetch:template}. */
  public String id() {
    return id;
  }

  /** Returns the description, or an empty string. */
  public String description() {
    return description;
  }

  /** Returns the JSON Schema of the step input, or an empty map when the action declares none. */
  public Map<String, Object> inputSchema() {
    return inputSchema;
  }

  /** Returns the JSON Schema of the step output, or an empty map. */
  public Map<String, Object> outputSchema() {
    return outputSchema;
  }

  /** Returns the examples ({@code description}, {@code example} as a YAML string). */
  public List<Map<String, Object>> examples() {
    return examples;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Action)) {
      return false;
    }
    Action a = (Action) o;
    return id.equals(a.id) && description.equals(a.description) && inputSchema.equals(a.inputSchema)
        && outputSchema.equals(a.outputSchema) && examples.equals(a.examples);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, description, inputSchema, outputSchema, examples);
  }

  @Override
  public String toString() {
    return "Action{" + id + "}";
  }
}
