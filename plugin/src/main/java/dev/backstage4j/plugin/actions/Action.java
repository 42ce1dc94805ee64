package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One action a Java plugin offers to Backstage's scaffolder and MCP server, listed with the id
 * {@code <pluginId>:<name>}. Schemas are draft-07 JSON Schema objects, as Node's zod-to-json-schema writes them.
 *
 * @param name the name, unique within the plugin (letters, digits, {@code -}, {@code _}, {@code .})
 * @param title the short title (MCP shows it as the tool title)
 * @param description what the action does (the scaffolder and MCP show it)
 * @param attributes the read-only/destructive/idempotent hints
 * @param inputSchema the draft-07 schema of the input object; input is validated against it before the handler runs
 * @param outputSchema the draft-07 schema of the output; output is validated against it
 * @param secretsSchema the schema of the secrets a v2 invoke must send, or {@code null} if the action takes none
 * @param handler what the action does
 */
public record Action(String name, String title, String description, ActionAttributes attributes,
    ObjectNode inputSchema, ObjectNode outputSchema, ObjectNode secretsSchema, ActionHandler handler) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the definition, so a bad one fails at startup rather than when Backstage lists it. */
  public Action {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Action name \"" + name + "\" must match " + NAME.pattern());
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    attributes = attributes == null ? ActionAttributes.NONE : attributes;
    inputSchema = objectSchema(name, "inputSchema", inputSchema);
    outputSchema = outputSchema == null ? anyObject() : objectSchema(name, "outputSchema", outputSchema);
    secretsSchema = secretsSchema == null ? null : objectSchema(name, "secretsSchema", secretsSchema);
    Objects.requireNonNull(handler, "handler");
  }

  /** Parses a schema written as JSON text, e.g. a Java text block. */
  public static ObjectNode schema(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException("A JSON schema must be a JSON object, got: " + node.getNodeType());
      }
      return object;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid JSON schema at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode objectSchema(String action, String field, ObjectNode schema) {
    Objects.requireNonNull(schema, field);
    if (!"object".equals(schema.path("type").asText())) {
      // MCP skips tools whose input schema is not an object schema, and v1 invoke bodies are objects.
      throw new IllegalArgumentException("Action \"" + action + "\": " + field + " must have \"type\": \"object\"");
    }
    ObjectNode copy = schema.deepCopy();
    copy.put("$schema", "http://json-schema.org/draft-07/schema#");
    return copy;
  }

  private static ObjectNode anyObject() {
    return schema("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":true}");
  }
}
