package dev.backstage4j.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Selects entities by field values, as the catalog's {@code filter} query parameter does: conditions inside one
 * <em>set</em> must all hold (AND), and an entity matches the filter if any set matches (OR). Immutable.
 *
 * <p>Keys are dot paths into the entity ({@code spec.lifecycle}); annotation and label keys keep their slashes
 * ({@code metadata.annotations.backstage.io/orphan}); relations are matched as {@code relations.<type>} against
 * the target's full ref. Matching is case-insensitive on the server. Giving the same key several values in one
 * set means "any of these values".
 *
 * <pre>{@code
 * EntityFilter f = EntityFilter.builder()
 *     .kind("Component").where("spec.lifecycle", "production", "experimental")
 *     .exists("metadata.annotations.github.com/project-slug")
 *     .or()
 *     .kind("API").relation("ownedBy", "group:default/team-a")
 *     .build();
 * }</pre>
 *
 * <p>The {@code GET} form of the API cannot carry every value: the server splits each set at commas and trims
 * whitespace, and splits a condition at its first {@code =}. A filter holding such a value reports
 * {@link #fitsQueryString()} false; the client then sends it as a predicate to {@code POST /entities/by-query}
 * (or fails with a message naming the value where no POST form exists) instead of sending a different query.
 */
public final class EntityFilter {
  private static final EntityFilter NONE = new EntityFilter(List.of());

  private final List<Map<String, List<String>>> sets;

  private EntityFilter(List<Map<String, List<String>>> sets) {
    this.sets = sets;
  }

  /** {@return the filter that matches every entity} */
  public static EntityFilter none() {
    return NONE;
  }

  /** {@return a builder; conditions added before the first {@link Builder#or()} form the first set} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the sets: each maps a key to the values it may have (an empty list means "the key exists")}
   * Unmodifiable; empty for {@link #none()}.
   */
  public List<Map<String, List<String>>> sets() {
    return sets;
  }

  /** {@return whether this filter matches everything} */
  public boolean isEmpty() {
    return sets.isEmpty();
  }

  /**
   * {@return whether every key and value survives the {@code filter=} query-string form unchanged: no comma, no
   * {@code =} in a key, no surrounding whitespace and no empty key}
   */
  public boolean fitsQueryString() {
    return firstUnsendable() == null;
  }

  /** {@return a description of the first key or value the query-string form cannot carry, or null} */
  public String firstUnsendable() {
    for (Map<String, List<String>> set : sets) {
      for (Map.Entry<String, List<String>> c : set.entrySet()) {
        String key = c.getKey();
        if (key.contains(",") || key.contains("=") || !key.equals(key.strip())) {
          return "filter key '" + key + "'";
        }
        for (String v : c.getValue()) {
          if (v.contains(",") || !v.equals(v.strip())) {
            return "filter value '" + v + "' of key '" + key + "'";
          }
        }
      }
    }
    return null;
  }

  /** {@return the {@code filter} parameter values, one per set, e.g. {@code kind=component,spec.type=service}} */
  public List<String> toQueryValues() {
    List<String> out = new ArrayList<>();
    for (Map<String, List<String>> set : sets) {
      StringBuilder s = new StringBuilder();
      for (Map.Entry<String, List<String>> c : set.entrySet()) {
        if (c.getValue().isEmpty()) {
          s.append(s.length() == 0 ? "" : ",").append(c.getKey());
        }
        for (String v : c.getValue()) {
          s.append(s.length() == 0 ? "" : ",").append(c.getKey()).append('=').append(v);
        }
      }
      out.add(s.toString());
    }
    return out;
  }

  /**
   * {@return the same selection as a predicate, converted as {@code @backstage/catalog-client} does: one value
   * becomes equality, several become {@code $in}, a bare key {@code $exists}, sets {@code $any}}
   */
  public EntityPredicate toPredicate() {
    List<EntityPredicate> anyOf = new ArrayList<>();
    for (Map<String, List<String>> set : sets) {
      List<EntityPredicate> allOf = new ArrayList<>();
      for (Map.Entry<String, List<String>> c : set.entrySet()) {
        List<String> v = c.getValue();
        allOf.add(v.isEmpty() ? EntityPredicate.exists(c.getKey())
            : v.size() == 1 ? EntityPredicate.eq(c.getKey(), v.get(0))
            : EntityPredicate.in(c.getKey(), v.toArray(new String[0])));
      }
      anyOf.add(allOf.size() == 1 ? allOf.get(0) : EntityPredicate.all(allOf.toArray(new EntityPredicate[0])));
    }
    return anyOf.size() == 1 ? anyOf.get(0) : EntityPredicate.any(anyOf.toArray(new EntityPredicate[0]));
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityFilter && ((EntityFilter) o).sets.equals(sets);
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return sets.hashCode();
  }

  /** Returns the filter as its query-string values, e.g. {@code [kind=component, kind=api]}. */
  @Override
  public String toString() {
    return "EntityFilter" + toQueryValues();
  }

  /** Builds an {@link EntityFilter}. Not thread-safe. */
  public static final class Builder {
    private final List<Map<String, List<String>>> sets = new ArrayList<>();
    private Map<String, List<String>> current = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Requires {@code key} to have one of {@code values} (case-insensitive); one value is plain equality.
     *
     * @param key a dot path, e.g. {@code spec.type}
     * @param values the accepted values
     * @return this builder, for chaining
     */
    public Builder where(String key, String... values) {
      checkKey(key);
      if (values.length == 0) {
        throw new IllegalArgumentException("where(" + key + ") needs at least one value; use exists(key)");
      }
      List<String> list = current.computeIfAbsent(key, k -> new ArrayList<>());
      for (String v : values) {
        list.add(Objects.requireNonNull(v, "filter value of " + key));
      }
      return this;
    }

    /**
     * Requires {@code key} to be present with any value.
     *
     * @param key a dot path, e.g. {@code metadata.annotations.backstage.io/techdocs-ref}
     * @return this builder, for chaining
     */
    public Builder exists(String key) {
      checkKey(key);
      current.putIfAbsent(key, new ArrayList<>());
      return this;
    }

    /**
     * Requires {@code kind} to be one of {@code kinds}.
     *
     * @param kinds the accepted kinds, e.g. {@code component}
     * @return this builder, for chaining
     */
    public Builder kind(String... kinds) {
      return where("kind", kinds);
    }

    /**
     * Requires {@code metadata.namespace} to be one of {@code namespaces}.
     *
     * @param namespaces the accepted namespaces
     * @return this builder, for chaining
     */
    public Builder namespace(String... namespaces) {
      return where("metadata.namespace", namespaces);
    }

    /**
     * Requires annotation {@code key} (e.g. {@code backstage.io/techdocs-ref}) to have {@code value}.
     *
     * @param key the annotation key
     * @param value the required value
     * @return this builder, for chaining
     */
    public Builder annotation(String key, String value) {
      return where("metadata.annotations." + key, value);
    }

    /**
     * Requires label {@code key} to have {@code value}.
     *
     * @param key the label key
     * @param value the required value
     * @return this builder, for chaining
     */
    public Builder label(String key, String value) {
      return where("metadata.labels." + key, value);
    }

    /**
     * Requires a relation of {@code type} (e.g. {@code ownedBy}) to the entity with full ref {@code targetRef}
     * ({@code group:default/team-a}); matched as {@code relations.<type>}.
     *
     * @param type the relation type, e.g. {@code ownedBy}
     * @param targetRef the full ref of the related entity
     * @return this builder, for chaining
     */
    public Builder relation(String type, String targetRef) {
      return where("relations." + type.toLowerCase(java.util.Locale.ROOT), targetRef);
    }

    /**
     * Ends the current set: what follows is another alternative (OR).
     *
     * @return this builder, for chaining
     */
    public Builder or() {
      if (!current.isEmpty()) {
        sets.add(freeze(current));
        current = new LinkedHashMap<>();
      }
      return this;
    }

    /** {@return the filter} */
    public EntityFilter build() {
      List<Map<String, List<String>>> all = new ArrayList<>(sets);
      if (!current.isEmpty()) {
        all.add(freeze(current));
      }
      return all.isEmpty() ? NONE : new EntityFilter(Collections.unmodifiableList(all));
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> set) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      set.forEach((k, v) -> out.put(k, List.copyOf(v)));
      return Collections.unmodifiableMap(out);
    }

    private static void checkKey(String key) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("filter key must not be empty");
      }
    }
  }
}
