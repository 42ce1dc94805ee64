package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.internal.Trees;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Relations computed from specs as BuiltinKindsEntityProcessor does, with the final uid, etag and index. */
final class Relations {
  private Relations() {}

  /** Recomputes every entity's relations, uid-stamped metadata and etag; call under the write lock. */
  static void recompute(Collection<StoredEntity> entities) {
    Map<String, Set<List<String>>> bySource = new HashMap<>();
    for (StoredEntity e : entities) {
      emitRelations(e, (rel) -> {
        bySource.computeIfAbsent(rel[0], k -> new LinkedHashSet<>()).add(List.of(rel[1], rel[2]));
        bySource.computeIfAbsent(rel[2], k -> new LinkedHashSet<>()).add(List.of(rel[3], rel[0]));
      });
    }
    Comparator<List<String>> order = Comparator.<List<String>, String>comparing(l -> l.get(0))
        .thenComparing(l -> l.get(1));
    entities.parallelStream().forEach(e -> {
      List<List<String>> rels = new ArrayList<>(bySource.getOrDefault(e.ref, Set.of()));
      rels.sort(order);
      List<Map<String, Object>> relations = new ArrayList<>(rels.size());
      for (List<String> r : rels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.get(0));
        m.put("targetRef", r.get(1));
        relations.add(m);
      }
      if (e.entity != null && relations.equals(e.entity.get("relations"))) {
        return;
      }
      Map<String, Object> full = new LinkedHashMap<>();
      e.processed.forEach((k, v) -> full.put(k, v));
      @SuppressWarnings("unchecked")
      Map<String, Object> md = new LinkedHashMap<>((Map<String, Object>) e.processed.get("metadata"));
      md.put("uid", e.uid);
      full.put("metadata", md);
      full.put("relations", relations);
      md.put("etag", etag(full));
      e.publish(full, StoredEntity.buildIndex(full, relations));
    });
  }

  private static String etag(Map<String, Object> entity) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(Json.write(entity)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Emits {source, type, target, reverseType} as BuiltinKindsEntityProcessor does. */
  private static void emitRelations(StoredEntity e, Consumer<String[]> sink) {
    Map<String, Object> spec = Trees.map(e.processed, "spec", "$");
    String kind = e.kind() == null ? "" : e.kind().toLowerCase(Locale.ROOT);
    String ns = Trees.text(Trees.map(e.processed, "metadata", "$"), "namespace", "$.metadata");
    if (spec == null) {
      return;
    }
    Emitter em = new Emitter(e.ref, ns, spec, sink);
    switch (kind) {
      case "component" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("subcomponentOf", "Component", "partOf", "hasPart");
        em.emit("providesApis", "API", "providesApi", "apiProvidedBy");
        em.emit("consumesApis", "API", "consumesApi", "apiConsumedBy");
        em.emit("dependsOn", null, "dependsOn", "dependencyOf");
        em.emit("dependencyOf", null, "dependencyOf", "dependsOn");
        em.emit("system", "System", "partOf", "hasPart");
      }
      case "api" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("system", "System", "partOf", "hasPart");
      }
      case "resource" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("dependsOn", null, "dependsOn", "dependencyOf");
        em.emit("dependencyOf", null, "dependencyOf", "dependsOn");
        em.emit("system", "System", "partOf", "hasPart");
      }
      case "system" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("domain", "Domain", "partOf", "hasPart");
      }
      case "domain" -> {
        em.emit("owner", "Group", "ownedBy", "ownerOf");
        em.emit("subdomainOf", "Domain", "partOf", "hasPart");
      }
      case "user" -> em.emit("memberOf", "Group", "memberOf", "hasMember");
      case "group" -> {
        em.emit("parent", "Group", "childOf", "parentOf");
        em.emit("children", "Group", "parentOf", "childOf");
        em.emit("members", "User", "hasMember", "memberOf");
      }
      case "template" -> em.emit("owner", "Group", "ownedBy", "ownerOf");
      default -> {
      }
    }
  }

  private record Emitter(String self, String ns, Map<String, Object> spec, Consumer<String[]> sink) {
    void emit(String field, String defaultKind, String type, String reverse) {
      Object v = spec.get(field);
      List<Object> values = v instanceof List<?> l ? new ArrayList<>(l) : v == null ? List.of() : List.of(v);
      for (Object target : values) {
        if (!(target instanceof String s) || s.isEmpty()) {
          continue;
        }
        String ref;
        try {
          ref = EntityRef.parse(s, defaultKind, ns).toString();
        } catch (RuntimeException ex) {
          continue; // the real processor fails this entity's processing; its other relations are kept stale
        }
        sink.accept(new String[] {self, type, ref, reverse});
      }
    }
  }
}
