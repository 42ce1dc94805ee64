package dev.backstage4j.core.internal;

import dev.backstage4j.core.BackstageException;

/** Receives the frames of a server-sent event stream, on a transport thread. */
public interface EventStreamListener {

  /** Called once the stream is open. */
  default void onOpen() {}

  /** Called for each event; {@code id} and {@code type} may be null. */
  void onEvent(String id, String type, String data);

  /** Called when the server closed the stream normally. */
  void onClosed();

  /** Called when the stream could not be opened or broke; nothing else is called afterwards. */
  void onFailure(BackstageException error);
}
