package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.Entity;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Selects the entities a check applies to: by kind, {@code spec.type}, {@code spec.lifecycle} and an optional
 * predicate. An empty set means "any". Kind, type and lifecycle compare case-insensitively.
 *
 * <p>An entity outside a check's scope gets {@link Outcome#NOT_APPLICABLE} for it: the check neither counts for
 * nor against its levels and score.
 */
public final class Scope {
  private static final Scope ALL = new Scope(Set.of(), Set.of(), Set.of(), null, "");

  private final Set<String> kinds;
  private final Set<String> types;
  private final Set<String> lifecycles;
  private final Predicate<Entity> filter;
  private final String filterDescription;
  private final boolean verbatim;

  private Scope(Set<String> kinds, Set<String> types, Set<String> lifecycles, Predicate<Entity> filter,
      String filterDescription) {
    this(kinds, types, lifecycles, filter, filterDescription, false);
  }

  private Scope(Set<String> kinds, Set<String> types, Set<String> lifecycles, Predicate<Entity> filter,
      String filterDescription, boolean verbatim) {
    this.verbatim = verbatim;
    this.kinds = kinds;
    this.types = types;
    this.lifecycles = lifecycles;
    this.filter = filter;
    this.filterDescription = filterDescription;
  }

  /**
   * Returns a scope read back from a result file: it shows the stored description and applies to every entity
   * (its predicates are not stored).
   */
  static Scope described(String description) {
    return description.isEmpty() ? ALL : new Scope(Set.of(), Set.of(), Set.of(), null, description, true);
  }

  /** {@return the scope that applies to every entity} */
  public static Scope all() {
    return ALL;
  }

  /**
   * {@return a scope limited to the given kinds, for example {@code Component} and {@code API}}
   *
   * @param kinds the entity kinds, compared case-insensitively
   */
  public static Scope kinds(String... kinds) {
    return ALL.withKinds(kinds);
  }

  /**
   * {@return a copy limited to the given kinds}
   *
   * @param values the entity kinds, compared case-insensitively
   */
  public Scope withKinds(String... values) {
    return new Scope(lower(values), types, lifecycles, filter, filterDescription);
  }

  /**
   * {@return a copy limited to the given {@code spec.type} values}
   *
   * @param values the {@code spec.type} values, compared case-insensitively
   */
  public Scope withTypes(String... values) {
    return new Scope(kinds, lower(values), lifecycles, filter, filterDescription);
  }

  /**
   * {@return a copy limited to the given {@code spec.lifecycle} values}
   *
   * @param values the {@code spec.lifecycle} values, compared case-insensitively
   */
  public Scope withLifecycles(String... values) {
    return new Scope(kinds, types, lower(values), filter, filterDescription);
  }

  /**
   * {@return a copy that also requires the predicate to hold}
   *
   * @param description a short text shown in reports, for example {@code "tier label is 1"}
   * @param predicate true for entities inside the scope; not null
   */
  public Scope withFilter(Predicate<Entity> predicate, String description) {
    Predicate<Entity> combined = filter == null ? predicate : filter.and(predicate);
    String d = filterDescription.isEmpty() ? description : filterDescription + " and " + description;
    return new Scope(kinds, types, lifecycles, Objects.requireNonNull(combined, "predicate"), d);
  }

  /** {@return the kinds, lower-cased; empty means any} */
  public Set<String> kinds() {
    return kinds;
  }

  /** {@return the {@code spec.type} values, lower-cased; empty means any} */
  public Set<String> types() {
    return types;
  }

  /** {@return the {@code spec.lifecycle} values, lower-cased; empty means any} */
  public Set<String> lifecycles() {
    return lifecycles;
  }

  /**
   * {@return whether the entity is inside this scope}
   *
   * @param entity the entity to test
   */
  public boolean appliesTo(Entity entity) {
    return appliesTo(entity, lowerOrEmpty(entity.kind()), lowerOrEmpty(entity.spec().get("type")),
        lowerOrEmpty(entity.spec().get("lifecycle")));
  }

  /** Same as {@link #appliesTo(Entity)} with the lower-cased kind, type and lifecycle computed once per entity. */
  boolean appliesTo(Entity entity, String kind, String type, String lifecycle) {
    if (!kinds.isEmpty() && !kinds.contains(kind)) {
      return false;
    }
    if (!types.isEmpty() && !types.contains(type)) {
      return false;
    }
    if (!lifecycles.isEmpty() && !lifecycles.contains(lifecycle)) {
      return false;
    }
    return filter == null || filter.test(entity);
  }

  /** {@return a short description, for example {@code kinds=[component] types=[service]}; empty for all} */
  @Override
  public String toString() {
    if (verbatim) {
      return filterDescription;
    }
    StringBuilder b = new StringBuilder();
    if (!kinds.isEmpty()) {
      b.append("kinds=").append(kinds);
    }
    if (!types.isEmpty()) {
      b.append(b.length() > 0 ? " " : "").append("types=").append(types);
    }
    if (!lifecycles.isEmpty()) {
      b.append(b.length() > 0 ? " " : "").append("lifecycles=").append(lifecycles);
    }
    if (!filterDescription.isEmpty()) {
      b.append(b.length() > 0 ? " " : "").append("where ").append(filterDescription);
    }
    return b.toString();
  }

  private static Set<String> lower(String... values) {
    Set<String> out = new TreeSet<>();
    for (String v : values) {
      out.add(v.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  static String lowerOrEmpty(Object v) {
    return v instanceof String ? ((String) v).toLowerCase(Locale.ROOT) : "";
  }
}
