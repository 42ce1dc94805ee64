package dev.backstage4j.catalog.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Typed reads of an entity's spec, shared by the kind views. */
final class Spec {
  private Spec() {}

  static Entity require(Entity e, String kind) {
    if (!kind.equalsIgnoreCase(e.kind())) {
      throw new IllegalArgumentException("entity " + e.ref() + " is a " + e.kind() + ", not a " + kind);
    }
    return e;
  }

  static String string(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof String ? (String) v : null;
  }

  static List<String> strings(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof List)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o instanceof String) {
        out.add((String) o);
      }
    }
    return Collections.unmodifiableList(out);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object v) {
    if (v instanceof Map) {
      return List.of((Map<String, Object>) v);
    }
    if (!(v instanceof List)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o instanceof Map) {
        out.add((Map<String, Object>) o);
      }
    }
    return Collections.unmodifiableList(out);
  }

  static EntityRef ref(Entity e, String value, String defaultKind) {
    return value == null ? null : EntityRef.parse(value, defaultKind, e.metadata().namespace());
  }

  static List<EntityRef> refs(Entity e, List<String> values, String defaultKind) {
    List<EntityRef> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(EntityRef.parse(v, defaultKind, e.metadata().namespace()));
    }
    return Collections.unmodifiableList(out);
  }
}
