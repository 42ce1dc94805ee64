package dev.backstage4j.core.internal;

import dev.backstage4j.core.BackstageDecodingException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one tree toolkit for JSON-like trees (maps, lists, strings, numbers, booleans, null): {@link #freeze}
 * makes unmodifiable deep copies (integers become {@code Long} and floats {@code Double}, so equal trees compare
 * equal whatever built them), and the getters read a field of a response tree, raising {@link
 * BackstageDecodingException} with the JSON path (e.g. {@code $.tasks[0].createdAt}) when it has the wrong shape.
 * An absent or null field is null (text, instant), empty (map, list) or the fallback (number).
 */
public final class Trees {
  private Trees() {}

  /**
   * Returns an unmodifiable deep copy of a JSON-like value.
   *
   * @throws IllegalArgumentException naming the path if a value is not a JSON-like type
   */
  public static Object freeze(Object value, String path) {
    try {
      return freeze(value);
    } catch (BadValue e) {
      throw e.toIllegalArgument(path);
    }
  }

  /** Returns an unmodifiable deep copy of a JSON-like object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> freezeMap(Map<String, ?> map, String path) {
    return (Map<String, Object>) freeze(map, path);
  }

  /**
   * The recursive step of {@link #freeze}: copies into {@link FrozenMap}s and {@link FrozenList}s, the form
   * {@link FrozenTreeReader} reads JSON into. The path of a bad value is built only when one is found (each level
   * adds its key while the exception unwinds), so good trees cost no strings.
   */
  private static Object freeze(Object value) {
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
      FrozenMap.Builder out = new FrozenMap.Builder();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new BadValue(true, e.getKey());
        }
        String k = (String) e.getKey();
        try {
          out.put(k, freeze(e.getValue()));
        } catch (BadValue bad) {
          throw bad.under(k);
        }
      }
      return out.build();
    }
    if (value instanceof List) {
      List<?> in = (List<?>) value;
      Object[] out = new Object[in.size()];
      int i = 0;
      for (Object o : in) {
        try {
          out[i] = freeze(o);
        } catch (BadValue bad) {
          throw bad.underIndex(i);
        }
        i++;
      }
      return FrozenList.of(out, out.length);
    }
    throw new BadValue(false, value);
  }

  /** A value that is not JSON-like, found while walking a tree; collects its path on the way out. */
  private static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean isKey;
    private final transient Object value;
    /** Path segments from the bad value upwards: a key, or ".i" for a list index. */
    private final ArrayList<Object> segments = new ArrayList<>();

    /** A key that is not a string ({@code isKey}), or a value that is not JSON-like. */
    BadValue(boolean isKey, Object value) {
      super(null, null, false, false);
      this.isKey = isKey;
      this.value = value;
    }

    BadValue under(String key) {
      segments.add(key);
      return this;
    }

    BadValue underIndex(int index) {
      segments.add(index);
      return this;
    }

    /** Builds the message {@link #freeze(Object, String)} has always given, the path joined as before. */
    IllegalArgumentException toIllegalArgument(String root) {
      String path = root;
      for (int i = segments.size() - 1; i >= 0; i--) {
        Object s = segments.get(i);
        if (s instanceof Integer) {
          path = path + "." + s;
        } else {
          path = path.isEmpty() ? (String) s : path + "." + s;
        }
      }
      if (isKey) {
        return new IllegalArgumentException(path + " has a key that is not a string: " + value);
      }
      return new IllegalArgumentException(
          (path.isEmpty() ? "value" : path) + " is not a JSON value: " + value.getClass().getName());
    }
  }

  /** Returns the JSON path of a field below {@code parent} (a path such as {@code $} or {@code $.items[2]}). */
  public static String at(String parent, String key) {
    return parent + "." + key;
  }

  /** Returns the JSON path of a list item below {@code parent}. */
  public static String at(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** Returns a string field (numbers and booleans as text), or null when absent. */
  public static String text(Map<String, ?> m, String key, String path) {
    Object v = m == null ? null : m.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    throw wrongType("a string", v, at(path, key));
  }

  /** Returns an object field, or an empty map when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, ?> m, String key, String path) {
    return asMap(m == null ? null : m.get(key), at(path, key));
  }

  /** Returns a value that must be an object (empty when null). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object v, String path) {
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw wrongType("an object", v, path);
  }

  /** Returns an object field as an unmodifiable deep copy ({@link #freeze}), or an empty map when absent. */
  public static Map<String, Object> frozenMap(Map<String, ?> m, String key, String path) {
    return frozenMap(m == null ? null : m.get(key), at(path, key));
  }

  /** Returns a value that must be an object as an unmodifiable deep copy (empty when null). */
  public static Map<String, Object> frozenMap(Object v, String path) {
    Map<String, Object> map = asMap(v, path);
    return map.isEmpty() ? Map.of() : freezeMap(map, path);
  }

  /** Returns an array field, or an empty list when absent. */
  public static List<?> list(Map<String, ?> m, String key, String path) {
    Object v = m == null ? null : m.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List) {
      return (List<?>) v;
    }
    throw wrongType("an array", v, at(path, key));
  }

  /** Returns a whole-number field (a number or numeric text), or {@code fallback} when absent. */
  public static long number(Map<String, ?> m, String key, String path, long fallback) {
    Object v = m == null ? null : m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof String) {
      try {
        return Long.parseLong((String) v);
      } catch (NumberFormatException e) {
        throw new BackstageDecodingException("expected a whole number but found \"" + v + "\"",
            at(path, key), e);
      }
    }
    throw wrongType("a number", v, at(path, key));
  }

  /** Returns an ISO-8601 timestamp field, or null when absent or empty. */
  public static Instant instant(Map<String, ?> m, String key, String path) {
    String s = text(m, key, path);
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BackstageDecodingException("expected an ISO-8601 timestamp but found \"" + s + "\"",
          at(path, key), e);
    }
  }

  private static BackstageDecodingException wrongType(String expected, Object v, String path) {
    return new BackstageDecodingException("expected " + expected + " but found " + typeName(v), path, null);
  }

  /** {@return a JavaScript {@code typeof}-like name of a JSON value, for messages} */
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
