package dev.backstage4j.scaffolder.internal;

import dev.backstage4j.core.internal.EventStreamListener;
import dev.backstage4j.scaffolder.TaskEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where a {@link dev.backstage4j.scaffolder.TaskEventStream} gets events: the SSE stream, or long polling. */
public interface TaskEventSource {
  /** Opens the SSE stream of a task; events arrive on a transport thread. */
  AutoCloseable openEventStream(String taskId, long afterEventId, EventStreamListener listener);

  /** Reads one SSE event's data. */
  TaskEvent parseEvent(String data);

  /** Long-polls {@code /events} for events after the given id. */
  CompletableFuture<List<TaskEvent>> eventsAsync(String taskId, long afterEventId);
}
