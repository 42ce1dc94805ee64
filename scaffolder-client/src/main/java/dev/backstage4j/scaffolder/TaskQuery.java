package dev.backstage4j.scaffolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes a task listing: filters ({@code createdBy}, {@code status}), paging ({@code limit}, {@code offset})
 * and order ({@code desc:created_at}). The newest servers only order by {@code created_at}, {@code status} and
 * {@code created_by}.
 */
public final class TaskQuery {
  private final List<String> createdBy;
  private final List<TaskStatus> statuses;
  private final List<String> orders;
  private final Integer limit;
  private final Integer offset;

  private TaskQuery(Builder b) {
    this.createdBy = List.copyOf(b.createdBy);
    this.statuses = List.copyOf(b.statuses);
    this.orders = List.copyOf(b.orders);
    this.limit = b.limit;
    this.offset = b.offset;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a query for every task, in the server's default order} */
  public static TaskQuery all() {
    return builder().build();
  }

  /** {@return the creator filters (entity refs)} */
  public List<String> createdBy() {
    return createdBy;
  }

  /** {@return the status filters} */
  public List<TaskStatus> statuses() {
    return statuses;
  }

  /** {@return the orders, e.g. {@code desc:created_at}} */
  public List<String> orders() {
    return orders;
  }

  /** {@return the page size, or null for the server default} */
  public Integer limit() {
    return limit;
  }

  /** {@return the number of tasks to skip, or null} */
  public Integer offset() {
    return offset;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TaskQuery)) {
      return false;
    }
    TaskQuery q = (TaskQuery) o;
    return createdBy.equals(q.createdBy) && statuses.equals(q.statuses) && orders.equals(q.orders)
        && Objects.equals(limit, q.limit) && Objects.equals(offset, q.offset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(createdBy, statuses, orders, limit, offset);
  }

  @Override
  public String toString() {
    return "TaskQuery{createdBy=" + createdBy + ", statuses=" + statuses + ", orders=" + orders + ", limit=" + limit
        + ", offset=" + offset + "}";
  }

  /** Builds a {@link TaskQuery}. */
  public static final class Builder {
    private final List<String> createdBy = new ArrayList<>();
    private final List<TaskStatus> statuses = new ArrayList<>();
    private final List<String> orders = new ArrayList<>();
    private Integer limit;
    private Integer offset;

    private Builder() {}

    /**
     * Adds a creator filter, e.g. {@code user:default/jane}.
     *
     * @param userRef the creator's entity ref
     * @return this builder, for chaining
     */
    public Builder createdBy(String userRef) {
      createdBy.add(Objects.requireNonNull(userRef, "createdBy"));
      return this;
    }

    /**
     * Adds a status filter.
     *
     * @param status a status to accept; call again to accept several
     * @return this builder, for chaining
     */
    public Builder status(TaskStatus status) {
      if (Objects.requireNonNull(status, "status") == TaskStatus.UNKNOWN) {
        throw new IllegalArgumentException("TaskQuery: status UNKNOWN cannot be used as a filter");
      }
      statuses.add(status);
      return this;
    }

    /**
     * Adds an ascending order on a field ({@code created_at}, {@code status} or {@code created_by}).
     *
     * @param field the field to sort by
     * @return this builder, for chaining
     */
    public Builder orderAscending(String field) {
      orders.add("asc:" + requireField(field));
      return this;
    }

    /**
     * Adds a descending order on a field ({@code created_at}, {@code status} or {@code created_by}).
     *
     * @param field the field to sort by
     * @return this builder, for chaining
     */
    public Builder orderDescending(String field) {
      orders.add("desc:" + requireField(field));
      return this;
    }

    /**
     * Orders newest first ({@code desc:created_at}).
     *
     * @return this builder, for chaining
     */
    public Builder newestFirst() {
      return orderDescending("created_at");
    }

    /**
     * Sets the page size (at least 1).
     *
     * @param limit tasks per page
     * @return this builder, for chaining
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("TaskQuery: limit must be at least 1, was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets how many tasks to skip (at least 0).
     *
     * @param offset tasks to skip
     * @return this builder, for chaining
     */
    public Builder offset(int offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("TaskQuery: offset must not be negative, was " + offset);
      }
      this.offset = offset;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query; a query without filters lists every task the caller may see
     */
    public TaskQuery build() {
      return new TaskQuery(this);
    }

    private static String requireField(String field) {
      if (field == null || field.isBlank()) {
        throw new IllegalArgumentException("TaskQuery: order field must not be empty");
      }
      return field;
    }
  }
}
