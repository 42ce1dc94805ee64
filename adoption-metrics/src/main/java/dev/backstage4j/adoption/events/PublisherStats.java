package dev.backstage4j.adoption.events;

import java.util.Map;

/**
 * Counters of an {@link AnalyticsPublisher} at one moment. For every sink, once the publisher is closed,
 * {@code delivered + dropped == emitted}: every accepted event is either delivered or counted as dropped.
 *
 * @param emitted events passed to {@code emit}
 * @param dropped events refused at intake (queue full or publisher closed); they reach no sink
 * @param sinks per-sink counters, by sink name
 */
public record PublisherStats(long emitted, long dropped, Map<String, SinkStats> sinks) {

  /**
   * Counters of one sink.
   *
   * @param delivered events the sink accepted
   * @param dropped events this sink will never get: refused at intake, dropped from its full backlog, or still
   *     undelivered when {@code close} gave up
   * @param pending events waiting for this sink (in the intake queue or its backlog)
   * @param failedAttempts delivery attempts that failed (each is retried with backoff)
   * @param lastError the last delivery failure's message, or empty
   */
  public record SinkStats(long delivered, long dropped, long pending, long failedAttempts, String lastError) {}
}
