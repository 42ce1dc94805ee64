package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;

/** Reads the spec fields the scorecards and roll-ups use, with Backstage's defaulting rules for refs. */
final class EntityFacts {
  private EntityFacts() {}

  /**
   * Returns the ref in {@code spec.<field>}, defaulting kind and namespace as Backstage does, or null when the
   * field is missing, not a string, or not a valid ref.
   */
  static EntityRef refIn(Entity e, String field, String defaultKind) {
    Object v = e.spec().get(field);
    if (!(v instanceof String) || ((String) v).isBlank()) {
      return null;
    }
    try {
      return EntityRef.parse((String) v, defaultKind, e.metadata().namespace());
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  static EntityRef owner(Entity e) {
    return refIn(e, "owner", "Group");
  }

  static EntityRef system(Entity e) {
    if (e.kind().equalsIgnoreCase("system")) {
      return e.ref();
    }
    return refIn(e, "system", "System");
  }

  static EntityRef domain(Entity e, EntityRef system, EvaluationContext context) {
    if (e.kind().equalsIgnoreCase("domain")) {
      return e.ref();
    }
    if (e.kind().equalsIgnoreCase("system")) {
      return refIn(e, "domain", "Domain");
    }
    return system == null ? null : context.domainOf(system);
  }

  static boolean nonBlank(Object v) {
    return v instanceof String && !((String) v).isBlank();
  }

  static boolean nonEmptyList(Object v) {
    return v instanceof java.util.List && !((java.util.List<?>) v).isEmpty();
  }
}
