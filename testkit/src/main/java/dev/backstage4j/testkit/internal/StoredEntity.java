package dev.backstage4j.testkit.internal;

import dev.backstage4j.core.internal.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One stored entity: its final tree (with uid, etag, relations), its search index (lower-cased key to values,
 * as the catalog's {@code search} table) and where it came from.
 */
final class StoredEntity {
  private static final Set<String> SPECIAL_KEYS = Set.of("attachments", "relations", "status", "metadata.name",
      "metadata.namespace", "metadata.uid", "metadata.etag");

  final String ref;
  final String uid;
  /** The processed entity before relations, uid and etag are added. */
  final Map<String, Object> processed;
  /** {@code type:target} of the location that emitted this entity, or null for entities added directly. */
  final String location;
  /** {@code type:target} of the registered (or seeded) location that ultimately led here, or null. */
  final String origin;
  /** Ref of the Location entity that emitted this one, or null. */
  final String parentRef;
  /** The file the entity was read from, or null. */
  final Path source;
  volatile Map<String, Object> entity;
  volatile Map<String, List<String[]>> index;
  private volatile byte[] json;

  StoredEntity(String ref, String uid, Map<String, Object> processed, String location, String origin,
      String parentRef, Path source) {
    this.ref = ref;
    this.uid = uid;
    this.processed = processed;
    this.location = location;
    this.origin = origin;
    this.parentRef = parentRef;
    this.source = source;
  }

  StoredEntity withUid(String newUid) {
    return new StoredEntity(ref, newUid, processed, location, origin, parentRef, source);
  }

  String kind() {
    return Trees.text(processed, "kind", "$");
  }

  /** Builds the search index rows: every primitive at its dot path, array items also as {@code path.item=true}. */
  static Map<String, List<String[]>> buildIndex(Map<String, Object> entity, List<Map<String, Object>> relations) {
    Map<String, List<String[]>> out = new HashMap<>();
    visit("", entity, out);
    Map<String, Object> md = Trees.map(entity, "metadata", "$");
    add(out, "metadata.name", Trees.text(md, "name", "$.metadata"));
    add(out, "metadata.namespace", Trees.text(md, "namespace", "$.metadata"));
    add(out, "metadata.uid", Trees.text(md, "uid", "$.metadata"));
    for (Map<String, Object> r : relations) {
      add(out, "relations." + r.get("type"), (String) r.get("targetRef"));
    }
    return out;
  }

  private static void visit(String path, Object current, Map<String, List<String[]>> out) {
    if (SPECIAL_KEYS.contains(path)) {
      return;
    }
    if (current == null || current instanceof String || current instanceof Number || current instanceof Boolean) {
      add(out, path, current == null ? null : String.valueOf(current));
      return;
    }
    if (current instanceof List<?> list) {
      for (Object item : list) {
        visit(path, item, out);
        if (item instanceof String s) {
          add(out, path + "." + s, "true");
        }
      }
      return;
    }
    if (current instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        visit(path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey(), e.getValue(), out);
      }
    }
  }

  private static void add(Map<String, List<String[]>> out, String key, String value) {
    if (key == null || key.isEmpty()) {
      return;
    }
    String lower = value == null ? null : value.toLowerCase(Locale.ROOT);
    out.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(new String[] {lower, value});
  }

  /** Sets the final entity tree and its index; drops the cached JSON. */
  void publish(Map<String, Object> full, Map<String, List<String[]>> idx) {
    this.index = idx;
    this.entity = full;
    this.json = null;
  }

  /** The entity serialized once and cached (entities are immutable once published). */
  byte[] json() {
    byte[] j = json;
    if (j == null) {
      j = Json.write(entity);
      json = j;
    }
    return j;
  }

  /** The first lower-cased index value at the key, or null when the entity has none. */
  String sortValue(String key) {
    List<String[]> rows = index.get(key);
    if (rows == null) {
      rows = index.get(key.toLowerCase(Locale.ROOT));
    }
    if (rows == null) {
      return null;
    }
    for (String[] r : rows) {
      if (r[0] != null) {
        return r[0];
      }
    }
    return null;
  }
}
