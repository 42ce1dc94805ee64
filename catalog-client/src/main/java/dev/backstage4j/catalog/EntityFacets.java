package dev.backstage4j.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds facet counts: for each requested field, the distinct values found and how many entities have each.
 * Immutable.
 */
public final class EntityFacets {
  private final Map<String, List<Count>> facets;

  private EntityFacets(Map<String, List<Count>> facets) {
    this.facets = facets;
  }

  /**
   * {@return facets from a field-to-counts map}
   *
   * @param facets the counts per field, in the server's order
   */
  public static EntityFacets of(Map<String, List<Count>> facets) {
    Map<String, List<Count>> copy = new LinkedHashMap<>();
    facets.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return new EntityFacets(Collections.unmodifiableMap(copy));
  }

  /** {@return every facet by field name, in server order} */
  public Map<String, List<Count>> all() {
    return facets;
  }

  /**
   * {@return the counts of one field; empty when the server reported none}
   *
   * @param field the facet as requested, e.g. {@code spec.type}
   */
  public List<Count> facet(String field) {
    return facets.getOrDefault(field, List.of());
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityFacets && ((EntityFacets) o).facets.equals(facets);
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return facets.hashCode();
  }

  /** {@return a short description for logs} */
  @Override
  public String toString() {
    return "EntityFacets" + facets;
  }

  /** Holds one distinct value of a facet and how many entities have it. Immutable. */
  public static final class Count {
    private final String value;
    private final long count;

    private Count(String value, long count) {
      this.value = value;
      this.count = count;
    }

    /**
     * {@return a count}
     *
     * @param value the field value
     * @param count how many entities have it
     */
    public static Count of(String value, long count) {
      return new Count(Objects.requireNonNull(value, "value"), count);
    }

    /** {@return the value as the server spells it, e.g. {@code Component}} */
    public String value() {
      return value;
    }

    /** {@return how many entities have the value} */
    public long count() {
      return count;
    }

    /** {@return whether {@code o} holds the same values} */
    @Override
    public boolean equals(Object o) {
      return o instanceof Count && ((Count) o).value.equals(value) && ((Count) o).count == count;
    }

    /** {@return a hash of the values} */
    @Override
    public int hashCode() {
      return Objects.hash(value, count);
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
      return value + "=" + count;
    }
  }
}
