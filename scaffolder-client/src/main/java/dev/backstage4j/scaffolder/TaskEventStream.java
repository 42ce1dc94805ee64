package dev.backstage4j.scaffolder;

import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.internal.EventStreamListener;
import dev.backstage4j.core.internal.MissingEndpoints;
import dev.backstage4j.scaffolder.internal.TaskEventSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of one task, live, in order, each exactly once, ending after the completion event.
 *
 * <p>It reads the server-sent event stream ({@code /eventstream}). When that connection drops or stalls it
 * reconnects with {@code after=<last event id>}, so no event is lost and events already delivered are dropped
 * (the server sends no SSE ids; the id inside each event is used). When the server has no event stream it long
 * polls {@code /events} instead. {@link #hasNext()} and {@link #next()} block; {@link #next(Duration)} waits at
 * most the given time. Use it from one thread; {@link #close()} may also be called from another thread to stop a
 * blocked reader.
 */
public final class TaskEventStream implements Iterator<TaskEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEventStream.class);
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final TaskEventSource client;
  private final String taskId;
  private final int maxReconnects;
  private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private final ArrayDeque<TaskEvent> polled = new ArrayDeque<>();

  private long lastId;
  private volatile int generation;
  private volatile AutoCloseable connection;
  private volatile CompletableFuture<List<TaskEvent>> poll;
  private boolean longPolling;
  private int failures;
  private long retryAtNanos;
  private boolean completed;
  private boolean recoverable;
  private volatile boolean closed;
  private boolean eventsOnConnection;
  private TaskEvent pending;

  TaskEventStream(TaskEventSource client, String taskId, long afterEventId, int maxReconnects) {
    this.client = client;
    this.taskId = taskId;
    this.lastId = Math.max(0, afterEventId);
    this.maxReconnects = maxReconnects;
  }

  /** {@return the id of the task being followed} */
  public String taskId() {
    return taskId;
  }

  /** {@return the id of the last event delivered (or the starting point), to resume from later} */
  public long lastEventId() {
    return lastId;
  }

  /** {@return whether the events come from long polling because the server has no event stream} */
  public boolean isLongPolling() {
    return longPolling;
  }

  /**
   * Returns whether another event will come, waiting for it as long as needed.
   *
   * @throws BackstageException when the task cannot be followed (unknown task, no permission, or the connection
   *     failed more than the allowed number of times in a row)
   */
  @Override
  public boolean hasNext() {
    return fill(Long.MAX_VALUE, null, null);
  }

  /** {@return the next event, waiting for it as long as needed} */
  @Override
  public TaskEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("task " + taskId + " has completed; no more events");
    }
    TaskEvent e = pending;
    pending = null;
    return e;
  }

  /**
   * {@return the next event, or null when the task has completed and every event was delivered}
   *
   * @param timeout the longest wait for the next event
   * @throws TaskTimeoutException when no event arrived within {@code timeout}; the stream stays usable
   */
  public TaskEvent next(Duration timeout) {
    return nextBefore(System.nanoTime() + timeout.toNanos(), timeout, "no event arrived");
  }

  TaskEvent nextBefore(long deadlineNanos, Duration timeout, String what) {
    if (!fill(deadlineNanos, timeout, what)) {
      return null;
    }
    TaskEvent e = pending;
    pending = null;
    return e;
  }

  /** {@return the remaining events as a sequential stream that closes this object when closed} */
  public Stream<TaskEvent> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  /**
   * Stops following: closes the connection and wakes a thread blocked in {@link #hasNext()}, which then returns
   * false. The task itself is not affected.
   */
  @Override
  public void close() {
    closed = true;
    disconnect();
    CompletableFuture<List<TaskEvent>> inflight = poll;
    if (inflight != null) {
      inflight.cancel(false);
    }
    signals.add(new Signal(generation, true, null, null));
  }

  private boolean fill(long deadline, Duration timeout, String what) {
    while (pending == null) {
      if (completed && !recoverable || closed) {
        disconnect();
        return false;
      }
      if (!polled.isEmpty()) {
        accept(polled.poll());
        continue;
      }
      if (longPolling) {
        pollOnce(deadline, timeout, what);
      } else {
        streamOnce(deadline, timeout, what);
      }
    }
    return true;
  }

  private void accept(TaskEvent e) {
    if (e.id() >= 0 && e.id() <= lastId) {
      LOG.trace("task {}: dropping event {} already delivered", taskId, e.id());
      return;
    }
    if (e.id() >= 0) {
      lastId = e.id();
    }
    if (e.type() == TaskEventType.COMPLETION) {
      completed = true;
      recoverable = e.taskRecoverable();
    } else if (e.type() == TaskEventType.RECOVERED) {
      completed = false;
    }
    pending = e;
  }

  private void streamOnce(long deadline, Duration timeout, String what) {
    long now = System.nanoTime();
    if (connection == null) {
      if (now < retryAtNanos) {
        sleep(Math.min(retryAtNanos, deadline) - now);
        checkDeadline(deadline, timeout, what);
        return;
      }
      int gen = ++generation;
      eventsOnConnection = false;
      LOG.debug("task {}: opening event stream after event {}", taskId, lastId);
      connection = client.openEventStream(taskId, lastId, new Listener(gen));
    }
    Signal s;
    try {
      s = deadline == Long.MAX_VALUE ? signals.take() : signals.poll(deadline - now, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackstageTransportException("interrupted while following task " + taskId, e);
    }
    if (s == null) {
      checkDeadline(deadline, timeout, what);
      return;
    }
    if (s.generation != generation) {
      return;
    }
    if (s.opened) {
      failures = 0;
    } else if (s.data != null) {
      eventsOnConnection = true;
      accept(client.parseEvent(s.data));
    } else if (s.error == null) {
      // closed by the server: normal after completion; otherwise resume from the last event
      connection = null;
      if (completed) {
        recoverable = false;
      } else if (!eventsOnConnection) {
        onFailure(new BackstageTransportException("the event stream of task " + taskId
            + " closed without sending an event", null));
      }
    } else {
      connection = null;
      onFailure(s.error);
    }
  }

  private void onFailure(BackstageException error) {
    if (MissingEndpoints.isRouteMissing(error)) {
      LOG.debug("task {}: no event stream on this server, long polling instead", taskId);
      longPolling = true;
      return;
    }
    if (error instanceof BackstageApiException && !error.isRetryable()) {
      throw error;
    }
    failures++;
    if (failures > maxReconnects) {
      throw new BackstageTransportException("following task " + taskId + " failed " + failures
          + " times in a row (last event id " + lastId + "): " + error.getMessage(), error);
    }
    long backoff = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(failures, 10));
    LOG.debug("task {}: event stream broke ({}), reconnecting in {} ms after event {}", taskId, error.getMessage(),
        backoff, lastId);
    retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
  }

  private void pollOnce(long deadline, Duration timeout, String what) {
    long now = System.nanoTime();
    if (poll == null) {
      if (now < retryAtNanos) {
        sleep(Math.min(retryAtNanos, deadline) - now);
        checkDeadline(deadline, timeout, what);
        return;
      }
      poll = client.eventsAsync(taskId, lastId);
    }
    try {
      List<TaskEvent> events = deadline == Long.MAX_VALUE ? poll.get()
          : poll.get(Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
      poll = null;
      failures = 0;
      polled.addAll(events);
    } catch (TimeoutException e) {
      checkDeadline(deadline, timeout, what);
    } catch (java.util.concurrent.CancellationException e) {
      poll = null; // closed from another thread
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackstageTransportException("interrupted while following task " + taskId, e);
    } catch (ExecutionException e) {
      poll = null;
      Throwable cause = e.getCause();
      if (!(cause instanceof BackstageException)) {
        throw new BackstageTransportException("following task " + taskId + " failed: " + cause, cause);
      }
      if (cause instanceof BackstageApiException && !((BackstageException) cause).isRetryable()) {
        throw (BackstageException) cause;
      }
      failures++;
      if (failures > maxReconnects) {
        throw (BackstageException) cause;
      }
      retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(MAX_BACKOFF_MILLIS,
          100L << Math.min(failures, 10)));
    }
  }

  private void checkDeadline(long deadline, Duration timeout, String what) {
    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
      throw new TaskTimeoutException(taskId, timeout, lastId, what);
    }
  }

  private static void sleep(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackstageTransportException("interrupted while waiting to reconnect", e);
    }
  }

  private void disconnect() {
    AutoCloseable c = connection;
    connection = null;
    generation++;
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("task {}: closing the event stream failed: {}", taskId, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "TaskEventStream{task=" + taskId + ", lastEventId=" + lastId + (longPolling ? ", long polling" : "")
        + "}";
  }

  /** One thing the transport thread reported. */
  private static final class Signal {
    final int generation;
    final boolean opened;
    final String data;
    final BackstageException error;

    Signal(int generation, boolean opened, String data, BackstageException error) {
      this.generation = generation;
      this.opened = opened;
      this.data = data;
      this.error = error;
    }
  }

  /** Hands SSE callbacks over to the consuming thread, tagged with the connection they belong to. */
  private final class Listener implements EventStreamListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onOpen() {
      signals.add(new Signal(gen, true, null, null));
    }

    @Override
    public void onEvent(String id, String type, String data) {
      if (data != null && !data.isEmpty()) {
        signals.add(new Signal(gen, false, data, null));
      }
    }

    @Override
    public void onClosed() {
      signals.add(new Signal(gen, false, null, null));
    }

    @Override
    public void onFailure(BackstageException error) {
      signals.add(new Signal(gen, false, null, error));
    }
  }
}
