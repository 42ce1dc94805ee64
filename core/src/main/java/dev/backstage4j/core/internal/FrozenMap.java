package dev.backstage4j.core.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An unmodifiable JSON object of at most {@link #MAX_KEYS} keys, in insertion order, held as one array of
 * alternating keys and values and looked up by a scan. Entities consist of many such small objects (metadata,
 * links, relations, labels); this form costs two allocations each instead of a {@code LinkedHashMap}'s node per
 * key plus an unmodifiable wrapper, which is what makes decoding a large catalog as cheap as decoding plain
 * maps. Larger objects stay {@code LinkedHashMap}s, where a scan would be slow. Equality, hash code and
 * {@code toString} follow the {@link Map} contract, so it compares equal to any map with the same entries.
 */
final class FrozenMap extends AbstractMap<String, Object> {
  /** Objects with more keys than this are kept in a {@code LinkedHashMap} instead. */
  static final int MAX_KEYS = 16;

  /** The empty object; unlike {@code Map.of()} it answers {@code get(null)} instead of throwing. */
  static final FrozenMap EMPTY = new FrozenMap(new Object[0], 0L);

  /** Keys at even indexes, each followed by its value; exactly {@code 2 * size} long. */
  private final Object[] keysAndValues;
  /** One bit per key, chosen by its hash code ({@link #bit}): most lookups of absent keys end here. */
  private final long keyBits;

  /** Takes over {@code keysAndValues} (trimmed to its entries; keys distinct strings): nobody may change it. */
  private FrozenMap(Object[] keysAndValues, long keyBits) {
    this.keysAndValues = keysAndValues;
    this.keyBits = keyBits;
  }

  private static long bit(Object key) {
    return 1L << (key.hashCode() & 63);
  }

  @Override
  public int size() {
    return keysAndValues.length >> 1;
  }

  @Override
  public boolean isEmpty() {
    return keysAndValues.length == 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : keysAndValues[i + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object getOrDefault(Object key, Object defaultValue) {
    int i = indexOf(key);
    return i < 0 ? defaultValue : keysAndValues[i + 1];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      action.accept((String) keysAndValues[i], keysAndValues[i + 1]);
    }
  }

  // Every mutator fails, even when it would change nothing (as Collections.unmodifiableMap's do).
  @Override
  public Object put(String key, Object value) {
    throw unmodifiable();
  }

  @Override
  public Object remove(Object key) {
    throw unmodifiable();
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw unmodifiable();
  }

  @Override
  public void clear() {
    throw unmodifiable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    throw unmodifiable();
  }

  @Override
  public Object putIfAbsent(String key, Object value) {
    throw unmodifiable();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw unmodifiable();
  }

  @Override
  public boolean replace(String key, Object oldValue, Object newValue) {
    throw unmodifiable();
  }

  @Override
  public Object replace(String key, Object value) {
    throw unmodifiable();
  }

  @Override
  public Object computeIfAbsent(String key, Function<? super String, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Object compute(String key, BiFunction<? super String, ? super Object, ?> f) {
    throw unmodifiable();
  }

  @Override
  public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> f) {
    throw unmodifiable();
  }

  static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("entity trees are unmodifiable; use Entity.toBuilder()");
  }

  private int indexOf(Object key) {
    if (key == null || (keyBits & bit(key)) == 0) {
      return -1;
    }
    Object[] kv = keysAndValues;
    // Keys read by Jackson are interned, as are the literals code looks them up with: try identity first.
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i] == key) {
        return i;
      }
    }
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return FrozenMap.this.size();
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= keysAndValues.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> e =
                new SimpleImmutableEntry<>((String) keysAndValues[next], keysAndValues[next + 1]);
            next += 2;
            return e;
          }
        };
      }
    };
  }

  /** Collects the entries of one object as they are read; duplicate keys keep the first position, last value. */
  static final class Builder {
    private Object[] kv = new Object[8];
    private int length;
    private long keyBits;
    private Map<String, Object> large;

    void put(String key, Object value) {
      if (large != null) {
        large.put(key, value);
        return;
      }
      long bit = bit(key);
      if ((keyBits & bit) != 0) {
        for (int i = 0; i < length; i += 2) {
          if (kv[i].equals(key)) {
            kv[i + 1] = value;
            return;
          }
        }
      }
      keyBits |= bit;
      if (length == 2 * MAX_KEYS) {
        large = new LinkedHashMap<>(4 * MAX_KEYS);
        for (int i = 0; i < length; i += 2) {
          large.put((String) kv[i], kv[i + 1]);
        }
        large.put(key, value);
        return;
      }
      if (length == kv.length) {
        kv = Arrays.copyOf(kv, 2 * length);
      }
      kv[length++] = key;
      kv[length++] = value;
    }

    Map<String, Object> build() {
      if (large != null) {
        return Collections.unmodifiableMap(large);
      }
      if (length == 0) {
        return EMPTY;
      }
      return new FrozenMap(length == kv.length ? kv : Arrays.copyOf(kv, length), keyBits);
    }
  }
}
