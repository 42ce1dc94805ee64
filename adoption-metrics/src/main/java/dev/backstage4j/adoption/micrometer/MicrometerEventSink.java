package dev.backstage4j.adoption.micrometer;

import dev.backstage4j.adoption.events.AnalyticsEvent;
import dev.backstage4j.adoption.events.EventSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * An {@link EventSink} that counts analytics events in Micrometer as {@code backstage.analytics.events} with tags
 * {@code action} and {@code plugin} (the context's {@code pluginId}, or {@code none}). Subjects and entity refs are
 * not tags: they would make the number of time series explode.
 */
public final class MicrometerEventSink implements EventSink {
  private final MeterRegistry registry;

  /**
   * Creates the sink counting into {@code registry}.
   *
   * @param registry the registry to count into; not null
   */
  public MicrometerEventSink(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public String name() {
    return "micrometer";
  }

  @Override
  public void deliver(List<AnalyticsEvent> batch) {
    for (AnalyticsEvent e : batch) {
      Counter.builder("backstage.analytics.events").description("Analytics events emitted from Java integrations")
          .tag("action", e.action()).tag("plugin", e.context().pluginId().orElse("none"))
          .register(registry).increment();
    }
  }
}
