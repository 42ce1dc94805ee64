package dev.backstage4j.catalog.model.internal;

import java.util.ArrayList;
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
