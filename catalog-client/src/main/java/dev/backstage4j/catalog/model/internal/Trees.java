package dev.backstage4j.catalog.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of JSON-like trees (maps, lists, strings, numbers, booleans, null) into unmodifiable form.
 * Integers become {@code Long} and floats {@code Double}, so equal trees compare equal whatever built them.
 */
public final class Trees {
  private Trees() {}

  /**
   * Returns an unmodifiable deep copy of a JSON-like value.
   *
   * @throws IllegalArgumentException naming the path if a value is not a JSON-like type
   */
  public static Object freeze(Object value, String path) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue(); // one integer type, so equal trees compare equal
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof Number) {
      return value;
    }
    if (value instanceof Map) {
      Map<?, ?> in = (Map<?, ?>) value;
      LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, in.size() * 2));
      for (Map.Entry<?, ?> e : in.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException(path + " has a key that is not a string: " + e.getKey());
        }
        String k = (String) e.getKey();
        out.put(k, freeze(e.getValue(), path.isEmpty() ? k : path + "." + k));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List) {
      List<?> in = (List<?>) value;
      List<Object> out = new ArrayList<>(in.size());
      int i = 0;
      for (Object o : in) {
        out.add(freeze(o, path + "." + i++));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException(
        (path.isEmpty() ? "value" : path) + " is not a JSON value: " + value.getClass().getName());
  }

  /** Returns an unmodifiable deep copy of a JSON-like object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freezeMap(Map<String, ?> map, String path) {
    return (Map<String, Object>) freeze(map, path);
  }

  /** Returns a JavaScript {@code typeof}-like name of a JSON value, for messages. */
  public static String typeName(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof List) {
      return "array";
    }
    return "object";
  }
}
