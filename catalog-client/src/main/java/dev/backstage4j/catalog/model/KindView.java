package dev.backstage4j.catalog.model;

import java.util.Map;

/** The part every typed kind view shares: the viewed entity and its spec. */
abstract class KindView {
  final Entity entity;

  KindView(Entity entity, String kind) {
    this.entity = Spec.require(entity, kind);
  }

  /** {@return the viewed entity} */
  public final Entity entity() {
    return entity;
  }

  final Map<String, Object> spec() {
    return entity.spec();
  }

  /** {@return {@code ViewName{ref}}} */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "{" + entity.ref() + "}";
  }
}
