package dev.backstage4j.catalog;

/** Says in which direction a query orders its results. */
public enum SortOrder {
  /** Ascending (A to Z); entities lacking the field sort last, or are left out by {@code by-query}. */
  ASC,
  /** Descending (Z to A). */
  DESC
}
