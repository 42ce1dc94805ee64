/**
 * Analytics events in Backstage's frontend shape, emitted from Java without ever blocking the host service:
 * {@link dev.backstage4j.adoption.events.AnalyticsPublisher} queues them and delivers batches to
 * {@link dev.backstage4j.adoption.events.EventSink}s (JSON lines, an HTTP collector, Micrometer counters, yours).
 *
 * <pre>{@code
 * AnalyticsPublisher analytics = AnalyticsPublisher.builder().addSink(EventSinks.jsonLines()).build();
 * analytics.emit(AnalyticsEvent.of(AnalyticsEvent.CLICK, "Create component"));
 * }</pre>
 *
 * <p>Everything is non-null unless documented otherwise.
 */
package dev.backstage4j.adoption.events;
