package dev.backstage4j.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates task values against a template's parameter schema with the keywords templates commonly use
 * ({@code required, type, pattern, minLength, maxLength, minimum, maximum, enum}) and reports errors shaped like
 * the {@code jsonschema} library's ValidationError, as the scaffolder's 400 body does.
 */
final class SchemaCheck {
  private SchemaCheck() {
  }

  @SuppressWarnings("unchecked")
  static void check(Map<String, Object> schema, Map<String, Object> values, List<Object> errors) {
    if (schema.get("required") instanceof List<?> req) {
      for (Object r : req) {
        if (!values.containsKey(String.valueOf(r))) {
          errors.add(error(List.of(), "instance", "requires property \"" + r + "\"", schema, values, "required",
              r));
        }
      }
    }
    if (!(schema.get("properties") instanceof Map<?, ?> props)) {
      return;
    }
    ((Map<String, Object>) props).forEach((name, ps) -> {
      if (!(ps instanceof Map<?, ?>) || !values.containsKey(name)) {
        return;
      }
      Map<String, Object> p = (Map<String, Object>) ps;
      Object v = values.get(name);
      String prop = "instance." + name;
      List<Object> path = List.of(name);
      if (p.get("type") instanceof String type && !hasType(v, type)) {
        errors.add(error(path, prop, "is not of a type(s) " + type, p, v, "type", List.of(type)));
        return;
      }
      if (v instanceof String s) {
        if (p.get("pattern") instanceof String pat && !Pattern.compile(pat).matcher(s).find()) {
          errors.add(error(path, prop, "does not match pattern \"" + pat + "\"", p, v, "pattern", pat));
        }
        if (p.get("minLength") instanceof Number n && s.codePointCount(0, s.length()) < n.intValue()) {
          errors.add(error(path, prop, "does not meet minimum length of " + n, p, v, "minLength", n));
        }
        if (p.get("maxLength") instanceof Number n && s.codePointCount(0, s.length()) > n.intValue()) {
          errors.add(error(path, prop, "does not meet maximum length of " + n, p, v, "maxLength", n));
        }
      }
      if (v instanceof Number num) {
        if (p.get("minimum") instanceof Number n && num.doubleValue() < n.doubleValue()) {
          errors.add(error(path, prop, "must be greater than or equal to " + n, p, v, "minimum", n));
        }
        if (p.get("maximum") instanceof Number n && num.doubleValue() > n.doubleValue()) {
          errors.add(error(path, prop, "must be less than or equal to " + n, p, v, "maximum", n));
        }
      }
      if (p.get("enum") instanceof List<?> en && !en.contains(v)) {
        List<String> shown = new ArrayList<>();
        en.forEach(x -> shown.add(String.valueOf(x)));
        errors.add(error(path, prop, "is not one of enum values: " + String.join(",", shown), p, v, "enum", en));
      }
    });
  }

  private static boolean hasType(Object v, String type) {
    return switch (type) {
      case "string" -> v instanceof String;
      case "integer" -> v instanceof Integer || v instanceof Long
          || v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
      case "number" -> v instanceof Number;
      case "boolean" -> v instanceof Boolean;
      case "array" -> v instanceof List;
      case "object" -> v instanceof Map;
      case "null" -> v == null;
      default -> true;
    };
  }

  private static Map<String, Object> error(List<Object> path, String property, String message, Object schema,
      Object instance, String name, Object argument) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("path", path);
    e.put("property", property);
    e.put("message", message);
    e.put("schema", schema);
    e.put("instance", instance);
    e.put("name", name);
    e.put("argument", argument);
    e.put("stack", property + " " + message);
    return e;
  }
}
