package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.EntityValidator;
import dev.backstage4j.catalog.model.Violation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalog's processing of one raw entity: validation, then the normalized tree with namespace and location
 * annotations, as the real catalog stores it before relations, uid and etag are added.
 */
final class EntityProcessor {
  static final String MANAGED_BY = "backstage.io/managed-by-location";
  static final String ORIGIN = "backstage.io/managed-by-origin-location";

  private final EntityValidator validator = EntityValidator.create();

  /** The validator's verdict on a raw entity tree. */
  List<Violation> validate(Map<String, Object> raw) {
    return validator.validate(raw).violations();
  }


  /** Validates and normalizes one entity as the catalog's processing does; null (with an error) if invalid. */
  StoredEntity process(Map<String, Object> raw, String locRef, String origin, String parentRef, Path source,
      String what, List<String> errors) {
    return process(raw, validate(raw), locRef, origin, parentRef, source, what, errors);
  }

  StoredEntity process(Map<String, Object> raw, List<Violation> violations, String locRef, String origin,
      String parentRef, Path source, String what, List<String> errors) {
    if (!violations.isEmpty()) {
      StringBuilder sb = new StringBuilder("Invalid entity in " + what + ":");
      for (Violation v : violations) {
        sb.append("\n  ").append(v);
      }
      errors.add(sb.toString());
      return null;
    }
    Map<String, Object> tree = Json.deepCopy(raw);
    @SuppressWarnings("unchecked")
    Map<String, Object> md = (Map<String, Object>) tree.get("metadata");
    Map<String, Object> newMd = new LinkedHashMap<>();
    newMd.put("namespace", md.getOrDefault("namespace", EntityRef.DEFAULT_NAMESPACE));
    Map<String, Object> annotations = new LinkedHashMap<>();
    if (locRef != null) {
      annotations.put(MANAGED_BY, locRef);
      annotations.put(ORIGIN, origin);
    }
    if (md.get("annotations") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> annotations.putIfAbsent(String.valueOf(k), v));
    }
    if (!annotations.isEmpty()) {
      newMd.put("annotations", annotations);
    }
    md.forEach((k, v) -> {
      if (!k.equals("namespace") && !k.equals("annotations") && !k.equals("uid") && !k.equals("etag")) {
        newMd.put(k, v);
      }
    });
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("metadata", newMd);
    tree.forEach((k, v) -> {
      if (!k.equals("metadata")) {
        entity.put(k, v);
      }
    });
    String ref = EntityRef.of((String) entity.get("kind"), (String) newMd.get("namespace"),
        (String) newMd.get("name")).toString();
    return new StoredEntity(ref, UUID.randomUUID().toString(), entity, locRef, origin, parentRef, source);
  }
}
