package dev.backstage4j.adoption.micrometer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.adoption.events.AnalyticsContext;
import dev.backstage4j.adoption.events.AnalyticsEvent;
import dev.backstage4j.adoption.events.AnalyticsPublisher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * What a Prometheus server scraping a service that publishes analytics events would see (the clients' HTTP
 * metrics are tested in backstage4j-micrometer).
 */
class PrometheusScrapeTest {

  @Test
  void scrape_showsAnalyticsEventsPerActionAndPlugin() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AnalyticsPublisher analytics = AnalyticsPublisher.builder().addSink(new MicrometerEventSink(registry)).build();
    analytics.emit(AnalyticsEvent.builder(AnalyticsEvent.CREATE, "template:default/java-service")
        .context(AnalyticsContext.builder().pluginId("scaffolder").build()).build());
    analytics.emit(AnalyticsEvent.of(AnalyticsEvent.CLICK, "x"));
    analytics.close();

    String scrape = registry.scrape();

    assertTrue(scrape.contains("backstage_analytics_events_total{action=\"create\",plugin=\"scaffolder\"} 1"), scrape);
    assertTrue(scrape.contains("backstage_analytics_events_total{action=\"click\",plugin=\"none\"} 1"), scrape);
  }
}
