package dev.backstage4j.adoption.events;

import dev.backstage4j.adoption.events.internal.Pseudonymizer;
import dev.backstage4j.adoption.events.internal.SinkWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers analytics events to sinks asynchronously, in batches, without ever blocking or failing the caller.
 *
 * <p>{@link #emit} puts the event in a bounded lock-free queue and returns at once; it never throws, never waits
 * and allocates nothing. When that queue is full the new event is dropped and counted (emitters cannot reorder a
 * lock-free queue); when a sink's backlog is full, the {@link DropPolicy} decides which event goes. A dispatcher
 * thread hands events to one worker per sink, each with its own bounded backlog: a sink that is slow or down is
 * retried with exponential backoff while the others carry on. {@link #flush} and {@link #close} deliver everything
 * still queued within a timeout; a clean close loses nothing that was accepted. Thread-safe.
 *
 * <pre>{@code
 * try (AnalyticsPublisher analytics = AnalyticsPublisher.builder()
 *     .addSink(EventSinks.jsonLines())
 *     .addSink(EventSinks.http(URI.create("https://collector.example.com/events")).bearerToken(token).build())
 *     .pseudonymizeUsers("per-install-salt")
 *     .build()) {
 *   analytics.emit(AnalyticsEvent.of(AnalyticsEvent.CREATE, "template:default/java-service"));
 * }
 * }</pre>
 */
public final class AnalyticsPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsPublisher.class);

  private final MpscArrayQueue<AnalyticsEvent> intake;
  private final DropPolicy dropPolicy;
  private final int batchSize;
  private final long idlePark;
  private final List<SinkWorker> workers;
  private final Pseudonymizer pseudonymizer;
  /** Written by the dispatcher only; emitted = accepted + dropped at intake. */
  private volatile long accepted;
  private final LongAdder droppedAtIntake = new LongAdder();
  private final Thread dispatcher;
  private volatile boolean closed;
  private final Object idle = new Object();

  private AnalyticsPublisher(Builder b) {
    this.intake = new MpscArrayQueue<>(b.queueCapacity);
    this.dropPolicy = b.dropPolicy;
    this.batchSize = b.batchSize;
    this.idlePark = Math.max(1_000_000L, Math.min(b.flushInterval.toNanos(), 10_000_000L));
    this.pseudonymizer = b.salt == null ? null : new Pseudonymizer(b.salt);
    List<SinkWorker> ws = new ArrayList<>();
    for (EventSink sink : b.sinks) {
      ws.add(new SinkWorker(sink, b.sinkBacklog, b.dropPolicy, b.batchSize, b.initialBackoff, b.maxBackoff));
    }
    this.workers = List.copyOf(ws);
    this.dispatcher = new Thread(this::dispatchLoop, "backstage4j-analytics-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
    workers.forEach(SinkWorker::start);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queues {@code event} for delivery and returns at once. Never blocks and never throws (a null event is
   * counted as dropped).
   *
   * @param event the event to queue; null is counted as dropped
   * @return whether the event was accepted; false when it was dropped (queue full or publisher closed)
   */
  public boolean emit(AnalyticsEvent event) {
    if (event != null && !closed && intake.relaxedOffer(event)) {
      return true;
    }
    droppedAtIntake.increment();
    return false;
  }

  /**
   * Emits an event with just an action and a subject.
   *
   * @param action what happened, e.g. {@code click}; a blank one drops the event
   * @param subject what it happened to; a blank one drops the event
   * @return whether the event was accepted; false when it was dropped
   */
  public boolean emit(String action, String subject) {
    try {
      return emit(AnalyticsEvent.of(action, subject));
    } catch (IllegalArgumentException blank) {
      droppedAtIntake.increment();
      return false;
    }
  }

  /**
   * Waits until everything accepted so far has been delivered or dropped, at most {@code timeout}.
   *
   * @param timeout the longest time to wait
   * @return whether everything was delivered in time
   */
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      idle.notifyAll();
    }
    while (System.nanoTime() < deadline) {
      if (intake.isEmpty() && !dispatching && workers.stream().allMatch(SinkWorker::isIdle)) {
        return true;
      }
      workers.forEach(SinkWorker::wake);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** {@return the counters now} */
  public PublisherStats stats() {
    long intakeDrops = droppedAtIntake.sum();
    long queued = intake.size();
    Map<String, PublisherStats.SinkStats> sinks = new LinkedHashMap<>();
    for (SinkWorker w : workers) {
      sinks.put(w.name(), new PublisherStats.SinkStats(w.delivered(), w.dropped() + intakeDrops,
          w.pending() + queued, w.failedAttempts(), w.lastError()));
    }
    return new PublisherStats(accepted + queued + intakeDrops, intakeDrops, Map.copyOf(sinks));
  }

  /** Closes with a 10 s timeout. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /**
   * Stops accepting events, delivers what is queued within {@code timeout}, then stops the workers and closes
   * the sinks. Events still undelivered after the timeout (a dead sink) are counted as dropped.
   *
   * @param timeout the longest time to wait for the queued events to be delivered
   * @return whether everything accepted was delivered
   */
  public boolean close(Duration timeout) {
    if (closed) {
      return flush(Duration.ZERO);
    }
    closed = true;
    boolean clean = flush(timeout);
    dispatcher.interrupt();
    try {
      dispatcher.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Whatever the dispatcher did not hand over is lost for every sink.
    int left = intake.drain(e -> { });
    droppedAtIntake.add(left);
    for (SinkWorker w : workers) {
      w.stop();
    }
    if (!clean) {
      LOG.debug("analytics publisher closed before everything was delivered: {}", stats());
    }
    return clean;
  }

  private volatile boolean dispatching;

  private void dispatchLoop() {
    List<AnalyticsEvent> batch = new ArrayList<>(batchSize);
    while (true) {
      try {
        dispatching = true;
        intake.drain(batch::add, batchSize);
        if (batch.isEmpty()) {
          dispatching = false;
          if (closed) {
            return;
          }
          // Emitters never wake the dispatcher (that would cost them a system call); it looks every few ms.
          LockSupport.parkNanos(idlePark);
          if (Thread.interrupted() && closed) {
            return;
          }
          continue;
        }
        accepted += batch.size();
        for (int i = 0; i < batch.size(); i++) {
          AnalyticsEvent e = batch.get(i);
          batch.set(i, pseudonymizer == null ? e : pseudonymizer.apply(e));
        }
        for (SinkWorker w : workers) {
          w.offer(batch);
        }
        batch.clear();
        dispatching = false;
      } catch (RuntimeException e) {
        dispatching = false;
        batch.clear();
        LOG.debug("analytics dispatcher skipped a batch", e);
      }
    }
  }

  /** Builds an {@link AnalyticsPublisher}. Not thread-safe. */
  public static final class Builder {
    private final List<EventSink> sinks = new ArrayList<>();
    private int queueCapacity = 10_000;
    private int sinkBacklog = 10_000;
    private int batchSize = 100;
    private Duration flushInterval = Duration.ofMillis(200);
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private DropPolicy dropPolicy = DropPolicy.DROP_NEWEST;
    private String salt;

    private Builder() {}

    /**
     * Adds a sink; each sink has its own worker and backlog.
     *
     * @param sink the sink to deliver to; not null
     * @return this builder, for chaining
     */
    public Builder addSink(EventSink sink) {
      sinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /**
     * Sets how many events may wait for the dispatcher (default 10,000; rounded up to a power of two).
     *
     * @param events the capacity in events; must be positive
     * @return this builder, for chaining
     */
    public Builder queueCapacity(int events) {
      this.queueCapacity = positive(events, "queueCapacity");
      return this;
    }

    /**
     * Sets how many events may wait for one sink while it is slow or down (default 10,000).
     *
     * @param events the backlog per sink in events; must be positive
     * @return this builder, for chaining
     */
    public Builder sinkBacklog(int events) {
      this.sinkBacklog = positive(events, "sinkBacklog");
      return this;
    }

    /**
     * Sets the most events per delivered batch (default 100).
     *
     * @param events the batch size in events; must be positive
     * @return this builder, for chaining
     */
    public Builder batchSize(int events) {
      this.batchSize = positive(events, "batchSize");
      return this;
    }

    /**
     * Sets how long the idle dispatcher waits before looking for new events (default 200 ms, 1–10 ms used).
     *
     * @param interval the idle wait; not null
     * @return this builder, for chaining
     */
    public Builder flushInterval(Duration interval) {
      this.flushInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Sets the backoff between failed deliveries to a sink (default 100 ms doubling up to 30 s).
     *
     * @param initial the wait after the first failed delivery; not null
     * @param max the longest wait between retries; not null
     * @return this builder, for chaining
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial, "initial");
      this.maxBackoff = Objects.requireNonNull(max, "max");
      return this;
    }

    /**
     * Sets what happens when a queue is full (default {@link DropPolicy#DROP_NEWEST}).
     *
     * @param policy the policy; not null
     * @return this builder, for chaining
     */
    public Builder dropPolicy(DropPolicy policy) {
      this.dropPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Replaces user identities ({@code userEntityRef} in the context, {@code userId}/{@code userEntityRef}
     * attributes) by a salted SHA-256 hash before any sink sees them, as Backstage's GA4 module hashes user ids.
     *
     * @param salt the secret salt mixed into every hash; not null
     * @return this builder, for chaining
     */
    public Builder pseudonymizeUsers(String salt) {
      this.salt = Objects.requireNonNull(salt, "salt");
      return this;
    }

    /**
     * {@return the publisher, with its threads started}
     *
     * @throws IllegalStateException when no sink was added
     */
    public AnalyticsPublisher build() {
      if (sinks.isEmpty()) {
        throw new IllegalStateException("add at least one sink, e.g. EventSinks.jsonLines()");
      }
      return new AnalyticsPublisher(this);
    }

    private static int positive(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + n);
      }
      return n;
    }
  }
}
