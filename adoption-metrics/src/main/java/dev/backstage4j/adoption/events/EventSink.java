package dev.backstage4j.adoption.events;

import java.util.List;

/**
 * Where batches of analytics events go: a log, an HTTP collector, Micrometer counters, or your own. Each sink
 * gets its own worker thread and backlog in the {@link AnalyticsPublisher}, so a slow or dead sink never holds up
 * the others or the emitting threads.
 *
 * <p>{@link #deliver} may throw to signal failure; the publisher then retries the same batch with backoff.
 */
public interface EventSink extends AutoCloseable {

  /** {@return a short name for stats and logs, e.g. {@code http-collector}} */
  String name();

  /**
   * Delivers a batch, in emission order. Throw to have the publisher retry the batch later.
   *
   * @param batch the events to deliver, in emission order
   * @throws Exception when the batch was not delivered
   */
  void deliver(List<AnalyticsEvent> batch) throws Exception;

  /** Releases resources; called once after the last batch. */
  @Override
  default void close() {}
}
