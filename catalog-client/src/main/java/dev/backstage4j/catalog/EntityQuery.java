package dev.backstage4j.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes which entities to read and how: a {@link EntityFilter} or an {@link EntityPredicate}, a field
 * projection, ordering, a full-text term and the page size. Immutable.
 *
 * <pre>{@code
 * EntityQuery q = EntityQuery.builder()
 *     .filter(EntityFilter.builder().kind("Component").build())
 *     .fields("kind", "metadata.name", "spec.owner")
 *     .orderBy("metadata.name", SortOrder.ASC)
 *     .pageSize(500)
 *     .build();
 * }</pre>
 *
 * <p>A projection keeps only the listed paths; the client always adds {@code apiVersion}, {@code kind},
 * {@code metadata.name} and {@code metadata.namespace} so every result is a readable
 * {@link dev.backstage4j.catalog.model.Entity} with a ref.
 */
public final class EntityQuery {
  /**
   * The page size when none is set: 500 (the page size of Backstage's own client) for {@code queryPage} and
   * the first page of {@code query()}, whose later pages are then sized by bytes (see {@link #pageSizeSet()}).
   */
  public static final int DEFAULT_PAGE_SIZE = 500;
  private static final List<String> IDENTITY = List.of("apiVersion", "kind", "metadata.name", "metadata.namespace");

  private final EntityFilter filter;
  private final EntityPredicate predicate;
  private final List<String> fields;
  private final List<Map.Entry<String, SortOrder>> orderBy;
  private final String fullTextTerm;
  private final List<String> fullTextFields;
  /** 0 when not set. */
  private final int pageSize;
  private final boolean totalItems;

  private EntityQuery(Builder b) {
    this.filter = b.filter;
    this.predicate = b.predicate;
    this.fields = List.copyOf(b.fields);
    this.orderBy = List.copyOf(b.orderBy);
    this.fullTextTerm = b.fullTextTerm;
    this.fullTextFields = List.copyOf(b.fullTextFields);
    this.pageSize = b.pageSize;
    this.totalItems = b.totalItems;
  }

  /** {@return a builder; with nothing set the query reads every entity} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query for every entity} */
  public static EntityQuery all() {
    return builder().build();
  }

  /** {@return a builder holding this query} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.filter = filter;
    b.predicate = predicate;
    b.fields.addAll(fields);
    b.orderBy.addAll(orderBy);
    b.fullTextTerm = fullTextTerm;
    b.fullTextFields.addAll(fullTextFields);
    b.pageSize = pageSize;
    b.totalItems = totalItems;
    return b;
  }

  /** {@return the filter; {@link EntityFilter#none()} when none was set} */
  public EntityFilter filter() {
    return filter;
  }

  /** {@return the predicate, or null when the query uses a filter} */
  public EntityPredicate predicate() {
    return predicate;
  }

  /** {@return the requested projection as given; empty for whole entities} */
  public List<String> fields() {
    return fields;
  }

  /** {@return the projection actually sent: the given paths plus the identity paths; empty for whole entities} */
  public List<String> fieldsSent() {
    if (fields.isEmpty()) {
      return fields;
    }
    List<String> out = new ArrayList<>(fields);
    for (String f : IDENTITY) {
      if (!out.contains(f)) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /** {@return the ordering as (field, direction) pairs; the paged endpoint honours only the first} */
  public List<Map.Entry<String, SortOrder>> orderBy() {
    return orderBy;
  }

  /** {@return the full-text term, or null} */
  public String fullTextTerm() {
    return fullTextTerm;
  }

  /** {@return the fields the full-text term is matched against; empty means the server's default} */
  public List<String> fullTextFields() {
    return fullTextFields;
  }

  /** {@return how many entities one page holds: the size set, or {@value #DEFAULT_PAGE_SIZE}} */
  public int pageSize() {
    return pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
  }

  /**
   * {@return whether a page size was set} Without one, {@code query()} asks for {@value #DEFAULT_PAGE_SIZE}
   * entities first and then for pages of about 2 MiB of JSON, judged by what the pages so far weighed (at most
   * 5,000 entities, never fewer than {@value #DEFAULT_PAGE_SIZE}): a catalog of small entities is walked in few
   * requests (Backstage spends ~2 ms on each besides its entities), one of big entities in pages the server can
   * build in memory.
   */
  public boolean pageSizeSet() {
    return pageSize != 0;
  }

  /** {@return whether the server is asked to count all matches ({@code totalItems=include})} */
  public boolean totalItems() {
    return totalItems;
  }

  /**
   * {@return whether this query must use {@code POST /entities/by-query}: it has a predicate, or a filter value
   * the query string cannot carry}
   */
  public boolean needsPost() {
    return predicate != null || !filter.fitsQueryString();
  }

  /** {@return the predicate to send in the POST form: the predicate, or the filter converted} */
  public EntityPredicate effectivePredicate() {
    return predicate != null ? predicate : filter.isEmpty() ? null : filter.toPredicate();
  }

  /** {@return whether {@code o} holds the same values} */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntityQuery)) {
      return false;
    }
    EntityQuery q = (EntityQuery) o;
    return filter.equals(q.filter) && Objects.equals(predicate, q.predicate) && fields.equals(q.fields)
        && orderBy.equals(q.orderBy) && Objects.equals(fullTextTerm, q.fullTextTerm)
        && fullTextFields.equals(q.fullTextFields) && pageSize == q.pageSize && totalItems == q.totalItems;
  }

  /** {@return a hash of the values} */
  @Override
  public int hashCode() {
    return Objects.hash(filter, predicate, fields, orderBy, fullTextTerm, fullTextFields, pageSize, totalItems);
  }

  /** {@return a short description for logs} */
  @Override
  public String toString() {
    return "EntityQuery{" + (predicate != null ? predicate : filter) + (fields.isEmpty() ? "" : ", fields=" + fields)
        + (orderBy.isEmpty() ? "" : ", orderBy=" + orderBy) + (fullTextTerm == null ? "" : ", fullText="
        + fullTextTerm) + ", pageSize=" + (pageSize == 0 ? "default" : pageSize) + "}";
  }

  /** Builds an {@link EntityQuery}. Not thread-safe. */
  public static final class Builder {
    private EntityFilter filter = EntityFilter.none();
    private EntityPredicate predicate;
    private final List<String> fields = new ArrayList<>();
    private final List<Map.Entry<String, SortOrder>> orderBy = new ArrayList<>();
    private String fullTextTerm;
    private final List<String> fullTextFields = new ArrayList<>();
    private int pageSize;
    private boolean totalItems = true;

    private Builder() {}

    /**
     * Selects entities with a filter (replaces an earlier filter).
     *
     * @param filter the filter every returned entity matches
     * @return this builder, for chaining
     */
    public Builder filter(EntityFilter filter) {
      this.filter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /**
     * Selects entities with a predicate; needs a server with predicate support.
     *
     * @param predicate the predicate every returned entity matches
     * @return this builder, for chaining
     */
    public Builder predicate(EntityPredicate predicate) {
      this.predicate = Objects.requireNonNull(predicate, "predicate");
      return this;
    }

    /**
     * Keeps only these dot paths of each entity ({@code metadata.annotations}, {@code spec}).
     *
     * @param paths the dot paths to keep
     * @return this builder, for chaining
     * @throws IllegalArgumentException for a path with a comma or {@code [}, which the server cannot take
     */
    public Builder fields(String... paths) {
      for (String p : paths) {
        if (p == null || p.isBlank() || p.contains(",") || p.contains("[")) {
          throw new IllegalArgumentException("field path '" + p + "' cannot be projected: it must be a non-empty "
              + "dot path without ',' or '['");
        }
        fields.add(p.strip());
      }
      return this;
    }

    /**
     * Adds an ordering step; later steps break ties (the paged endpoint honours only the first).
     *
     * @param field a dot path to sort by, e.g. {@code metadata.name}
     * @param order ascending or descending
     * @return this builder, for chaining
     */
    public Builder orderBy(String field, SortOrder order) {
      if (field == null || field.isBlank() || field.contains(",")) {
        throw new IllegalArgumentException("order field '" + field + "' must be a dot path without ','");
      }
      orderBy.add(Map.entry(field.strip(), Objects.requireNonNull(order, "order")));
      return this;
    }

    /**
     * Keeps entities whose {@code fields} contain {@code term} (case-insensitive substring).
     *
     * @param term the text to look for
     * @param fields the dot paths searched; none means the server's default fields
     * @return this builder, for chaining
     */
    public Builder fullText(String term, String... fields) {
      this.fullTextTerm = Objects.requireNonNull(term, "term");
      this.fullTextFields.clear();
      for (String f : fields) {
        if (f.contains(",")) {
          throw new IllegalArgumentException("full-text field '" + f + "' must not contain ','");
        }
        this.fullTextFields.add(f);
      }
      return this;
    }

    /**
     * Sets how many entities one page holds (1 to 10,000). Without it, pages are sized as
     * {@link EntityQuery#pageSizeSet()} says.
     *
     * @param pageSize entities per page
     * @return this builder, for chaining
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 10_000) {
        throw new IllegalArgumentException("pageSize must be between 1 and 10000, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets whether the server counts all matches (default true); counting costs server time on big catalogs.
     *
     * @param include false to skip the count ({@link dev.backstage4j.core.Page#totalItems()} is then empty)
     * @return this builder, for chaining
     */
    public Builder totalItems(boolean include) {
      this.totalItems = include;
      return this;
    }

    /**
     * {@return the query}
     *
     * @throws IllegalStateException when both a filter and a predicate are set
     */
    public EntityQuery build() {
      if (predicate != null && !filter.isEmpty()) {
        throw new IllegalStateException("set either a filter or a predicate, not both; combine them with "
            + "EntityPredicate.all(filter.toPredicate(), predicate)");
      }
      return new EntityQuery(this);
    }
  }
}
