package dev.backstage4j.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a listing: its items, the cursor of the next page (absent on the last page) and the total
 * count when the server reported one. Immutable.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final String nextCursor;
  private final Long totalItems;

  private Page(List<T> items, String nextCursor, Long totalItems) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor;
    this.totalItems = totalItems;
  }

  /**
   * Creates a page; {@code nextCursor} and {@code totalItems} may be null.
   *
   * @param <T> the item type
   * @param items the page's items, copied
   * @param nextCursor the cursor of the next page, or null on the last page
   * @param totalItems how many items match in all, or null when the server did not say
   * @return the page
   */
  public static <T> Page<T> of(List<T> items, String nextCursor, Long totalItems) {
    return new Page<>(Objects.requireNonNull(items, "items"), nextCursor, totalItems);
  }

  /** {@return the items of this page, in server order} */
  public List<T> items() {
    return items;
  }

  /** {@return the opaque cursor of the next page, or empty on the last page} */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** {@return how many items the whole listing has, when the server said} */
  public OptionalLong totalItems() {
    return totalItems == null ? OptionalLong.empty() : OptionalLong.of(totalItems);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Page)) {
      return false;
    }
    Page<?> p = (Page<?>) o;
    return items.equals(p.items) && Objects.equals(nextCursor, p.nextCursor)
        && Objects.equals(totalItems, p.totalItems);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, nextCursor, totalItems);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + (nextCursor == null ? "" : ", hasNext")
        + (totalItems == null ? "" : ", totalItems=" + totalItems) + "}";
  }
}
