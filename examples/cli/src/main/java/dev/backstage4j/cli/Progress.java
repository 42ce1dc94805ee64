package dev.backstage4j.cli;

import java.io.PrintWriter;

/**
 * Shows progress of long work on stderr, only when stderr is a terminal and {@code --quiet} is off, so piped
 * output and CI logs stay clean. Each update overwrites the previous one; {@link #done()} clears it.
 */
final class Progress {
  private final PrintWriter err;
  private final boolean enabled;
  private int lastLength;
  private long started;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  boolean enabled() {
    return enabled;
  }

  void update(String message) {
    if (!enabled) {
      return;
    }
    String pad = " ".repeat(Math.max(0, lastLength - message.length()));
    err.print("\r" + message + pad);
    err.flush();
    lastLength = message.length();
  }

  /**
   * Shows how many of {@code what} are done, out of {@code total} when the server said (Backstage's by-query
   * {@code totalItems}), with the rate so far: {@code read 1,500 of 20,028 entities (7%), 2,950/s}.
   */
  void items(String what, long done, Long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (started == 0) {
      started = now;
    }
    double seconds = (now - started) / 1e9;
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "read %,d", done));
    if (total != null && total > 0) {
      b.append(String.format(java.util.Locale.ROOT, " of %,d %s (%d%%)", total, what, done * 100 / total));
    } else {
      b.append(' ').append(what);
    }
    if (seconds > 0.05) {
      b.append(String.format(java.util.Locale.ROOT, ", %,.0f/s", done / seconds));
    }
    update(b.toString());
  }

  void done() {
    if (enabled && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }
}
