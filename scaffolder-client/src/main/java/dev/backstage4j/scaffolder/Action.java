package dev.backstage4j.scaffolder;

import dev.backstage4j.core.internal.Trees;
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

  /**
   * {@return an action with the given id and input JSON Schema, e.g. for offline template validation}
   *
   * @param id the action id, e.g. {@code fetch:template}
   * @param inputSchema the JSON Schema of the action's {@code input}, as a map
   */
  public static Action of(String id, Map<String, ?> inputSchema) {
    return new Action(Objects.requireNonNull(id, "id"), "", Trees.frozenMap(inputSchema, "inputSchema"), Map.of(), List.of());
  }

  static Action fromMap(Map<String, Object> m, String path) {
    Map<String, Object> schema = Trees.map(m, "schema", path);
    List<Map<String, Object>> examples = new ArrayList<>();
    List<?> raw = Trees.list(m, "examples", path);
    for (int i = 0; i < raw.size(); i++) {
      examples.add(Trees.frozenMap(raw.get(i), Trees.at(Trees.at(path, "examples"), i)));
    }
    String description = Trees.text(m, "description", path);
    String schemaPath = Trees.at(path, "schema");
    return new Action(Trees.text(m, "id", path), description == null ? "" : description,
        Trees.frozenMap(schema, "input", schemaPath), Trees.frozenMap(schema, "output", schemaPath),
        List.copyOf(examples));
  }

  /** {@return the action id, e.g. {@code fetch:template}} */
  public String id() {
    return id;
  }

  /** {@return the description, or an empty string} */
  public String description() {
    return description;
  }

  /** {@return the JSON Schema of the step input, or an empty map when the action declares none} */
  public Map<String, Object> inputSchema() {
    return inputSchema;
  }

  /** {@return the JSON Schema of the step output, or an empty map} */
  public Map<String, Object> outputSchema() {
    return outputSchema;
  }

  /** {@return the examples ({@code description}, {@code example} as a YAML string)} */
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
