package dev.backstage4j.scaffolder.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads loosely typed JSON trees (maps and lists) into the scaffolder values; unknown fields are ignored. */
public final class Wire {
  private Wire() {}

  public static String str(Map<String, ?> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v == null ? null : String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object v) {
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  public static Map<String, Object> map(Map<String, ?> m, String key) {
    return map(m == null ? null : m.get(key));
  }

  public static List<?> list(Map<String, ?> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof List ? (List<?>) v : List.of();
  }

  public static long num(Map<String, ?> m, String key, long fallback) {
    Object v = m == null ? null : m.get(key);
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof String) {
      try {
        return Long.parseLong((String) v);
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    return fallback;
  }

  public static Instant instant(Map<String, ?> m, String key) {
    String s = str(m, key);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Returns a deep unmodifiable copy of a JSON tree (maps keep their order; null values are kept). */
  @SuppressWarnings("unchecked")
  public static Object frozen(Object v) {
    if (v instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> copy.put(k, frozen(x)));
      return Collections.unmodifiableMap(copy);
    }
    if (v instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object x : (List<Object>) v) {
        copy.add(frozen(x));
      }
      return Collections.unmodifiableList(copy);
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> frozenMap(Object v) {
    return v instanceof Map ? (Map<String, Object>) frozen(v) : Map.of();
  }
}
