package dev.backstage4j.adoption.events;

/**
 * What the {@link AnalyticsPublisher} does with an event when a backlog is full. Either way the emitting thread
 * is never blocked and the event is counted in {@link PublisherStats#dropped()}.
 */
public enum DropPolicy {
  /** Keep what is queued and drop the new event (default: the backlog is delivered in order). */
  DROP_NEWEST,
  /** Drop the oldest queued event to make room for the new one (the freshest data wins). */
  DROP_OLDEST
}
