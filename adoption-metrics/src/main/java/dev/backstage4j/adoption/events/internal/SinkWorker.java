package dev.backstage4j.adoption.events.internal;

import dev.backstage4j.adoption.events.AnalyticsEvent;
import dev.backstage4j.adoption.events.DropPolicy;
import dev.backstage4j.adoption.events.EventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's own thread and bounded backlog. Delivers batches in order; a failed batch is retried with
 * exponential backoff and jitter until it succeeds or the worker is stopped, while new events keep queueing
 * (and, past the backlog's capacity, are dropped by the drop policy). Isolated from every other sink.
 */
public final class SinkWorker {
  private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);

  private final EventSink sink;
  private final ArrayDeque<AnalyticsEvent> backlog = new ArrayDeque<>();
  private final int capacity;
  private final DropPolicy policy;
  private final int batchSize;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Thread thread;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private volatile String lastError = "";
  private volatile int inFlight;
  private volatile boolean stopping;

  public SinkWorker(EventSink sink, int capacity, DropPolicy policy, int batchSize, Duration initialBackoff,
      Duration maxBackoff) {
    this.sink = sink;
    this.capacity = capacity;
    this.policy = policy;
    this.batchSize = batchSize;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.thread = new Thread(this::run, "backstage4j-analytics-" + sink.name());
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public String name() {
    return sink.name();
  }

  /** Adds events to the backlog, dropping per policy past capacity. Called by the dispatcher only. */
  public void offer(List<AnalyticsEvent> events) {
    synchronized (backlog) {
      for (AnalyticsEvent e : events) {
        if (backlog.size() >= capacity) {
          dropped.incrementAndGet();
          if (policy == DropPolicy.DROP_NEWEST) {
            continue;
          }
          backlog.pollFirst();
        }
        backlog.addLast(e);
      }
      backlog.notifyAll();
    }
  }

  public void wake() {
    synchronized (backlog) {
      backlog.notifyAll();
    }
  }

  public boolean isIdle() {
    synchronized (backlog) {
      return backlog.isEmpty() && inFlight == 0;
    }
  }

  public long delivered() {
    return delivered.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long pending() {
    synchronized (backlog) {
      return backlog.size() + inFlight;
    }
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  public String lastError() {
    return lastError;
  }

  /** Stops delivering; whatever is still queued is counted as dropped. Closes the sink. */
  public void stop() {
    stopping = true;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (backlog) {
      dropped.addAndGet(backlog.size() + inFlight);
      backlog.clear();
      inFlight = 0;
    }
    try {
      sink.close();
    } catch (RuntimeException e) {
      LOG.debug("analytics sink {} failed to close", sink.name(), e);
    }
  }

  private void run() {
    List<AnalyticsEvent> batch = new ArrayList<>(batchSize);
    while (!stopping) {
      synchronized (backlog) {
        while (backlog.isEmpty() && !stopping) {
          try {
            backlog.wait(200);
          } catch (InterruptedException e) {
            return;
          }
        }
        while (batch.size() < batchSize && !backlog.isEmpty()) {
          batch.add(backlog.pollFirst());
        }
        inFlight = batch.size();
      }
      if (batch.isEmpty()) {
        continue;
      }
      if (!deliverWithRetry(batch)) {
        return;
      }
      synchronized (backlog) {
        delivered.addAndGet(batch.size());
        inFlight = 0;
      }
      batch.clear();
    }
  }

  /** {@return false if the worker was stopped before the batch went through} */
  private boolean deliverWithRetry(List<AnalyticsEvent> batch) {
    long wait = initialBackoff.toMillis();
    while (true) {
      try {
        sink.deliver(List.copyOf(batch));
        return true;
      } catch (InterruptedException e) {
        return false;
      } catch (Exception | LinkageError e) {
        failedAttempts.incrementAndGet();
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        LOG.debug("analytics sink {} failed ({}); retrying in about {} ms", sink.name(), lastError, wait);
      }
      if (stopping) {
        return false;
      }
      try {
        Thread.sleep(wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
      } catch (InterruptedException e) {
        return false;
      }
      wait = Math.min(maxBackoff.toMillis(), wait * 2);
    }
  }
}
