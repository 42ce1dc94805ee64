package dev.backstage4j.adoption.events;

/**
 * What the {@link AnalyticsPublisher} does when a sink's backlog is full (a sink that is slow or down). Either way
 * no thread is blocked and the drop is counted in that sink's {@link PublisherStats.SinkStats#dropped()}. The
 * shared intake queue in front of the dispatcher always drops the newest event when full: emitters never wait.
 */
public enum DropPolicy {
  /** Keep what is queued and drop the new event (default: the backlog is delivered in order). */
  DROP_NEWEST,
  /** Drop the oldest queued event to make room for the new one (the freshest data wins). */
  DROP_OLDEST
}
