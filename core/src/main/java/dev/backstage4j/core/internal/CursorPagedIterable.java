package dev.backstage4j.core.internal;

import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.Page;
import dev.backstage4j.core.PagedIterable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link PagedIterable} over any cursor-paged listing: fetches the next page only when the current one is
 * used up, refuses to loop when a server hands out any cursor of the iteration again, and resumes a page whose
 * connection was lost mid-way.
 *
 * @param <T> the item type
 */
public final class CursorPagedIterable<T> implements PagedIterable<T> {
  /** How often one page is fetched again after its connection was lost mid-way. */
  private static final int RESUMES_PER_PAGE = 2;
  private final Supplier<PageFetcher<T>> fetchers;
  private final String description;

  /** Creates the iterable; {@code description} names the listing in errors. */
  public CursorPagedIterable(PageFetcher<T> fetcher, String description) {
    this(() -> fetcher, description);
  }

  private CursorPagedIterable(Supplier<PageFetcher<T>> fetchers, String description) {
    this.fetchers = fetchers;
    this.description = description;
  }

  /**
   * Creates an iterable whose every iteration fetches through a fetcher of its own, for fetchers that keep
   * state across the pages of one walk (e.g. page sizes chosen from the pages so far).
   */
  public static <T> CursorPagedIterable<T> fetchingEachWalkWith(Supplier<PageFetcher<T>> newFetcher,
      String description) {
    return new CursorPagedIterable<>(newFetcher, description);
  }

  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  @Override
  public Stream<T> stream() {
    ItemIterator it = new ItemIterator();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(it::close);
  }

  @Override
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private final ItemIterator items = new ItemIterator();

      @Override
      public boolean hasNext() {
        return items.hasMorePages();
      }

      @Override
      public Page<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.readPage();
      }
    };
  }

  @Override
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  @Override
  public String toString() {
    return "PagedIterable{" + description + "}";
  }

  private final class ItemIterator implements Iterator<T>, AutoCloseable {
    private final PageFetcher<T> fetcher = fetchers.get();
    private PageStream<T> page;
    private int deliveredFromPage;
    private String previousCursor;
    // Every cursor of this iteration: a server that hands out one again (A, B, A) would loop forever.
    private final Set<String> seenCursors = new HashSet<>();
    private boolean last;

    @Override
    public boolean hasNext() {
      while (true) {
        if (page == null) {
          if (last) {
            return false;
          }
          page = fetcher.fetch(previousCursor);
        }
        if (pageHasNext()) {
          return true;
        }
        advance();
      }
    }

    /**
     * Whether the current page has another item. A connection lost in the middle of a page is survived: the
     * page is fetched again by its cursor (a listing is a read, safe to repeat) and the items already handed
     * out are skipped, so nothing is lost or delivered twice.
     */
    private boolean pageHasNext() {
      for (int resumes = 0; ; resumes++) {
        try {
          return page.hasNext();
        } catch (BackstageTransportException e) {
          if (resumes == RESUMES_PER_PAGE) {
            throw e;
          }
          page.close();
          page = fetcher.fetch(previousCursor);
          for (int i = 0; i < deliveredFromPage; i++) {
            if (!page.hasNext()) {
              throw new BackstageException("the page of " + description + " being read when the connection was"
                  + " lost came back with fewer items when fetched again; stopped rather than skip or repeat"
                  + " items", e);
            }
            page.next();
          }
        }
      }
    }

    /** Moves past the used-up current page, remembering the next cursor. */
    private void advance() {
      String cursor = page.nextCursor();
      page.close();
      page = null;
      deliveredFromPage = 0;
      if (cursor == null) {
        last = true;
      } else if (!seenCursors.add(cursor)) {
        last = true;
        throw new BackstageException("the server returned a page cursor it had already returned while listing "
            + description + " (after " + seenCursors.size() + " pages); stopped to avoid an endless loop");
      } else {
        previousCursor = cursor;
      }
    }

    boolean hasMorePages() {
      return page != null || !last;
    }

    Page<T> readPage() {
      if (page == null) {
        page = fetcher.fetch(previousCursor);
      }
      List<T> items = new ArrayList<>();
      while (pageHasNext()) {
        items.add(page.next());
        deliveredFromPage++;
      }
      Long total = page.totalItems();
      String cursor = page.nextCursor();
      advance();
      return Page.of(items, cursor, total);
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      deliveredFromPage++;
      return page.next();
    }

    @Override
    public void close() {
      if (page != null) {
        page.close();
        page = null;
      }
      last = true;
    }
  }
}
