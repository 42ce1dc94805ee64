package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.core.internal.JsonItemStream;
import java.util.function.IntFunction;

/**
 * The page sizes of one {@code query()} walk for which no page size was set: {@value EntityQuery#DEFAULT_PAGE_SIZE}
 * entities first, then about {@link #PAGE_BYTES} of JSON a page, judged by what the pages read so far weighed.
 * Backstage spends ~2 ms on every {@code by-query} request besides its entities, and builds each page whole in
 * memory: sizing by bytes gives few requests for small entities and no huge pages for big ones. Sizes never
 * shrink, so a page fetched again after a lost connection is never shorter than the first time (its items
 * already handed out are skipped).
 */
final class PageSizing {
  static final long PAGE_BYTES = 2L << 20;
  static final int MAX_PAGE_SIZE = 5_000;

  private int pageSize = EntityQuery.DEFAULT_PAGE_SIZE;
  private long bytesRead;
  private long entitiesRead;
  /** The page fetched last, weighed once it has been read whole. */
  private JsonItemStream<?> unweighed;

  /** Fetches the next page through {@code fetch}, asking for as many entities as fit, and weighs it once read. */
  <T> JsonItemStream<T> fetch(IntFunction<JsonItemStream<T>> fetch) {
    if (unweighed != null && unweighed.documentBytes() > 0) {
      bytesRead += unweighed.documentBytes();
      entitiesRead += unweighed.itemsRead();
      unweighed = null;
      if (entitiesRead > 0) {
        long fits = PAGE_BYTES * entitiesRead / bytesRead;
        pageSize = (int) Math.max(pageSize, Math.min(MAX_PAGE_SIZE, fits));
      }
    }
    JsonItemStream<T> page = fetch.apply(pageSize);
    unweighed = page;
    return page;
  }
}
