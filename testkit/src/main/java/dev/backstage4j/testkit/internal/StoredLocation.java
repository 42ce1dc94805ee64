package dev.backstage4j.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A registered location ({@code id} null for seeded, config-like locations that GET /locations hides). */
record StoredLocation(String id, String type, String target, String entityRef) {
  String ref() {
    return type + ":" + target;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", type);
    m.put("target", target);
    m.put("entityRef", entityRef);
    return m;
  }
}
