package dev.backstage4j.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A predicate query for the catalog's newer {@code POST} endpoints ({@code /entities/by-query},
 * {@code /entity-facets}, {@code /locations/by-query}): field conditions combined with {@code $all},
 * {@code $any} and {@code $not}. Immutable.
 *
 * <p>Field conditions compare case-insensitively: {@link #eq}, {@link #in} ({@code $in}), {@link #exists}
 * ({@code $exists}), {@link #hasPrefix} ({@code $hasPrefix}) and {@link #contains} ({@code $contains}, for arrays
 * of primitives such as {@code metadata.tags}, or relations via {@link #hasRelation}).
 *
 * <pre>{@code
 * EntityPredicate p = EntityPredicate.all(
 *     EntityPredicate.eq("kind", "Component"),
 *     EntityPredicate.in("spec.type", "service", "website"),
 *     EntityPredicate.not(EntityPredicate.eq("metadata.annotations.backstage.io/orphan", "true")));
 * }</pre>
 *
 * <p>Predicates need catalog-backend 4.x (Backstage 1.50 or newer); older servers answer with an
 * {@link dev.backstage4j.core.UnsupportedEndpointException}.
 */
public final class EntityPredicate {
  private final Map<String, Object> tree;

  private EntityPredicate(Map<String, Object> tree) {
    this.tree = tree;
  }

  /**
   * {@return a predicate that holds when every one of {@code predicates} holds (none: always)}
   *
   * @param predicates the predicates that must all hold
   */
  public static EntityPredicate all(EntityPredicate... predicates) {
    return logical("$all", predicates);
  }

  /**
   * {@return a predicate that holds when any of {@code predicates} holds (none: never)}
   *
   * @param predicates the predicates of which one must hold
   */
  public static EntityPredicate any(EntityPredicate... predicates) {
    return logical("$any", predicates);
  }

  /**
   * {@return the negation of {@code predicate}}
   *
   * @param predicate the predicate to negate
   */
  public static EntityPredicate not(EntityPredicate predicate) {
    return new EntityPredicate(Map.of("$not", Objects.requireNonNull(predicate, "predicate").tree));
  }

  /**
   * {@return a predicate that holds when field {@code key} equals {@code value} (a String, Number or Boolean)}
   *
   * @param key a dot path, e.g. {@code spec.lifecycle}
   * @param value the value to compare with
   */
  public static EntityPredicate eq(String key, Object value) {
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException("eq(" + key + ") needs a string, number or boolean, got " + value);
    }
    return field(key, value);
  }

  /**
   * {@return a predicate that holds when field {@code key} has one of {@code values} (none: never)}
   *
   * @param key a dot path, e.g. {@code kind}
   * @param values the accepted values
   */
  public static EntityPredicate in(String key, Object... values) {
    List<Object> list = new ArrayList<>();
    for (Object v : values) {
      list.add(Objects.requireNonNull(v, "value of " + key));
    }
    return field(key, Map.of("$in", Collections.unmodifiableList(list)));
  }

  /**
   * {@return a predicate that holds when field {@code key} is present}
   *
   * @param key a dot path, e.g. {@code spec.owner}
   */
  public static EntityPredicate exists(String key) {
    return field(key, Map.of("$exists", true));
  }

  /**
   * {@return a predicate that holds when field {@code key} is absent}
   *
   * @param key a dot path, e.g. {@code spec.owner}
   */
  public static EntityPredicate notExists(String key) {
    return field(key, Map.of("$exists", false));
  }

  /**
   * {@return a predicate that holds when field {@code key} starts with {@code prefix} (case-insensitive)}
   *
   * @param key a dot path, e.g. {@code metadata.name}
   * @param prefix the required start
   */
  public static EntityPredicate hasPrefix(String key, String prefix) {
    return field(key, Map.of("$hasPrefix", Objects.requireNonNull(prefix, "prefix")));
  }

  /**
   * {@return a predicate that holds when array field {@code key} (e.g. {@code metadata.tags}) holds {@code value}}
   *
   * @param key a dot path to an array field
   * @param value the element to look for
   */
  public static EntityPredicate contains(String key, Object value) {
    return field(key, Map.of("$contains", Objects.requireNonNull(value, "value")));
  }

  /**
   * {@return a predicate that holds when the entity has a relation of {@code type} (e.g. {@code ownedBy}) to one
   * of {@code targetRefs} (full refs such as {@code group:default/team-a})}
   *
   * @param type the relation type, e.g. {@code ownedBy}
   * @param targetRefs the accepted targets, as full refs
   */
  public static EntityPredicate hasRelation(String type, String... targetRefs) {
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("type", Objects.requireNonNull(type, "type"));
    match.put("targetRef", Map.of("$in", List.of(targetRefs)));
    return field("relations", Map.of("$contains", Collections.unmodifiableMap(match)));
  }

  /** {@return the JSON object sent as {@code query}, as unmodifiable maps and lists} */
  public Map<String, Object> toMap() {
    return tree;
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityPredicate && ((EntityPredicate) o).tree.equals(tree);
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  /** {@return the predicate's JSON-like form} */
  @Override
  public String toString() {
    return "EntityPredicate" + tree;
  }

  private static EntityPredicate logical(String op, EntityPredicate[] predicates) {
    List<Object> list = new ArrayList<>();
    for (EntityPredicate p : predicates) {
      list.add(Objects.requireNonNull(p, op + " operand").tree);
    }
    return new EntityPredicate(Map.of(op, Collections.unmodifiableList(list)));
  }

  private static EntityPredicate field(String key, Object condition) {
    if (key == null || key.isBlank() || key.startsWith("$")) {
      throw new IllegalArgumentException("predicate field must be a non-empty dot path, was '" + key + "'");
    }
    return new EntityPredicate(Collections.singletonMap(key, condition));
  }
}
