package dev.backstage4j.core.internal;

import java.io.Closeable;
import java.util.Iterator;

/**
 * The items of one fetched page, read lazily, and what the page said about the next one. {@link #nextCursor()}
 * and {@link #totalItems()} are known once the items are used up.
 *
 * @param <T> the item type
 */
public interface PageStream<T> extends Iterator<T>, Closeable {

  /** {@return the cursor (or relative URL) of the next page, or null on the last page} */
  String nextCursor();

  /** {@return the total the server reported, or null} */
  Long totalItems();

  @Override
  void close();
}
