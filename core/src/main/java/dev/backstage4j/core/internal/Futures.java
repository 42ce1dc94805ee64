package dev.backstage4j.core.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place that takes a failure out of the wrappers {@code CompletableFuture} puts around it. */
public final class Futures {
  private Futures() {}

  /**
   * Returns the failure inside any {@link CompletionException}/{@link ExecutionException} wrappers, so callers
   * see (and catch) the SDK's typed exception; a wrapper without a cause is returned as it is.
   */
  public static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
