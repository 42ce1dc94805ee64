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

  void done() {
    if (enabled && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }
}
