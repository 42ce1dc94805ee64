package dev.backstage4j.scaffolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in parameter defaults as Backstage's template form does before it submits (react-jsonschema-form's
 * default form state): the scaffolder itself applies none, so a REST caller that leaves out a parameter with a
 * {@code default} gets it rendered as empty (proved on the real backend by the conformance suite).
 *
 * <p>Rules, as the form: a property's {@code default} is used when the caller gave no value (a given value,
 * even null, wins); the properties of nested objects get theirs too, and a nested object is added only when it
 * gets at least one default or is required; an object {@code default} is completed by its properties'
 * defaults; the items of a given or default array get the defaults of {@code items}. Conditional schemas
 * ({@code dependencies}, {@code allOf}, {@code if}) are not evaluated.
 */
final class FormDefaults {
  /** Stands for "no value", which JSON's null is not. */
  private static final Object ABSENT = new Object();

  private FormDefaults() {
  }

  /** Returns {@code values} plus the defaults of every page, pages in order; {@code values} is not changed. */
  static Map<String, Object> apply(List<Map<String, Object>> pageSchemas, Map<String, ?> values) {
    Object filled = new LinkedHashMap<>(values);
    for (Map<String, Object> page : pageSchemas) {
      filled = fill(page, filled);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) filled;
    return out;
  }

  /** Returns {@code given} completed by {@code schema}'s defaults, or ABSENT when neither yields a value. */
  private static Object fill(Map<?, ?> schema, Object given) {
    Object value = given != ABSENT ? given : schema.containsKey("default") ? schema.get("default") : ABSENT;
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      if (value == ABSENT) {
        Map<String, Object> fromChildren = fillObject(schema, properties, Map.of());
        return fromChildren.isEmpty() ? ABSENT : fromChildren;
      }
      return value instanceof Map<?, ?> object ? fillObject(schema, properties, object) : value;
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(fill(items, item)));
      return out;
    }
    return value;
  }

  private static Map<String, Object> fillObject(Map<?, ?> schema, Map<?, ?> properties, Map<?, ?> given) {
    List<?> required = schema.get("required") instanceof List<?> r ? r : List.of();
    Map<String, Object> out = new LinkedHashMap<>();
    given.forEach((k, v) -> out.put(String.valueOf(k), v));
    properties.forEach((name, propertySchema) -> {
      if (!(propertySchema instanceof Map<?, ?> property)) {
        return;
      }
      boolean wasGiven = given.containsKey(name);
      Object v = fill(property, wasGiven ? given.get(name) : ABSENT);
      if (v == ABSENT && !wasGiven && required.contains(name) && property.get("properties") instanceof Map) {
        v = new LinkedHashMap<String, Object>(); // the form keeps an empty object for a required object field
      }
      if (v != ABSENT) {
        out.put(String.valueOf(name), v);
      }
    });
    return out;
  }
}
