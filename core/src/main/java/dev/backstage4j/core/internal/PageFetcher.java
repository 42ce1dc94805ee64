package dev.backstage4j.core.internal;

/**
 * Fetches one page of a listing.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /** Fetches the page at {@code cursor}, or the first page when it is null. */
  PageStream<T> fetch(String cursor);
}
