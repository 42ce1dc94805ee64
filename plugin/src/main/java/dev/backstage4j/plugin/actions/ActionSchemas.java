package dev.backstage4j.plugin.actions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.backstage4j.core.internal.JsonCodec;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Map;

/**
 * Action schemas: draft-07 JSON Schema generated from Java types by victools' jsonschema-generator, and the checks
 * every schema passes (an object schema, as MCP and the scaffolder need it).
 */
public final class ActionSchemas {
  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
  private static final SchemaGenerator GENERATOR = generator();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ActionSchemas() {}

  /**
   * Generates the draft-07 schema of a record or class: its fields become {@code properties}, unknown
   * properties are refused ({@code additionalProperties: false}, as zod's strict objects list them), and every
   * field is {@code required} unless it is annotated with an annotation named {@code Nullable} (any package).
   *
   * @param type the type
   * @return the schema
   * @throws IllegalArgumentException when the type does not give an object schema (e.g. a String)
   */
  public static Map<String, Object> of(Class<?> type) {
    return toMap(node(type));
  }

  static ObjectNode node(Class<?> type) {
    return checked(GENERATOR.generateSchema(type), type.getName());
  }

  static Map<String, Object> toMap(ObjectNode schema) {
    return JsonCodec.shared().mapper().convertValue(schema, MAP);
  }

  static ObjectNode checked(JsonNode node, String what) {
    if (!(node instanceof ObjectNode object) || !"object".equals(node.path("type").asText())) {
      // MCP skips tools whose input schema is not an object schema, and v1 invoke bodies are objects.
      throw new IllegalArgumentException(what + " must be a JSON schema with \"type\": \"object\" at the root");
    }
    ObjectNode copy = object.deepCopy();
    copy.put("$schema", DRAFT_07);
    return copy;
  }

  private static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(JsonCodec.shared().mapper(),
        SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
        .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
    config.forFields().withRequiredCheck(field -> !nullable(field));
    return new SchemaGenerator(config.build());
  }

  private static boolean nullable(MemberScope<?, ?> member) {
    if (!(member.getRawMember() instanceof AnnotatedElement element)) {
      return false;
    }
    for (Annotation a : element.getDeclaredAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
