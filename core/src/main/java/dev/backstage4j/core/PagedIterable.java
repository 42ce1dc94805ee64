package dev.backstage4j.core;

import java.util.List;
import java.util.stream.Stream;

/**
 * A lazily fetched sequence of results that spans several pages of a server-side listing.
 *
 * <p>Nothing is requested before iteration starts; each {@link #iterator()} starts again from the first page;
 * pages are fetched only when the previous one is used up, and items of a page are decoded as they are read, so
 * memory stays flat however long the listing. Stopping early (a {@code break}, {@code limit()} on the stream)
 * causes no further request. A failed fetch surfaces as a {@link BackstageException} from {@code hasNext()} or
 * {@code next()}.
 *
 * <p>The iterable is thread-safe and can be iterated many times; each iterator is not thread-safe.
 *
 * <pre>{@code
 * for (Entity e : catalog.entities().query(EntityQuery.builder().kind("Component").build())) {
 *   System.out.println(e.ref());
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public interface PagedIterable<T> extends Iterable<T> {

  /**
   * {@return a sequential stream over all items} Close the stream (or consume it fully) to release an
   * in-flight response early.
   */
  Stream<T> stream();

  /** {@return the pages themselves, each fully read, for callers who want page boundaries or cursors} */
  Iterable<Page<T>> pages();

  /**
   * Reads every item into a list. Use only for listings known to be small.
   *
   * @return every item, in server order, fetched page by page
   */
  List<T> toList();
}
