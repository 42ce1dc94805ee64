package dev.backstage4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.ApiResponse;
import dev.backstage4j.core.internal.HttpTransport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** What a Prometheus server scraping a service that calls Backstage through backstage4j would see. */
class ClientMetricsScrapeTest {

  @Test
  void scrape_showsClientRequestsRetriesAndBreaker_withTemplatedLowCardinalityTags() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BackstageClientMetrics metrics = new BackstageClientMetrics();
    metrics.bindTo(registry);
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("{}"));
      server.enqueue(new MockResponse().setResponseCode(503));
      server.enqueue(new MockResponse().setBody("{}"));
      server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":{\"name\":\"NotFoundError\"}}"));
      for (int i = 0; i < 4; i++) {
        server.enqueue(new MockResponse().setResponseCode(500));
      }
      server.start();
      HttpTransport t = HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri()).listener(metrics)
          .circuitBreaker(CircuitBreakerOptions.builder().minimumCalls(4).slidingWindowSize(4).build())
          .retry(RetryOptions.builder().maxRetries(1).initialBackoff(Duration.ofMillis(1)).build())
          .build(), "catalog");
      String template = "/entities/by-name/{kind}/{namespace}/{name}";
      t.execute(ApiRequest.get(template, "component", "default", "petstore").build(), ApiResponse::text);
      t.execute(ApiRequest.get(template, "component", "default", "other").build(), ApiResponse::text);
      assertThrows(NotFoundException.class,
          () -> t.execute(ApiRequest.get(template, "component", "default", "gone").build(), ApiResponse::text));
      for (int i = 0; i < 2; i++) {
        // 500s fill the breaker's window; the second call may already be refused by the open breaker.
        assertThrows(BackstageException.class, () -> t.execute(ApiRequest.get("/entities").build(), ApiResponse::text));
      }
      t.close();
    }

    String scrape = registry.scrape();

    String base = "backend=\"backstage-catalog\",method=\"GET\"";
    assertTrue(scrape.contains("backstage_client_requests_seconds_count{" + base + ",outcome=\"SUCCESS\",status=\"200\","
        + "uri=\"/entities/by-name/{kind}/{namespace}/{name}\"} 2"), scrape);
    assertTrue(scrape.contains("outcome=\"SERVER_ERROR\",status=\"503\""), scrape);
    assertTrue(scrape.contains("outcome=\"CLIENT_ERROR\",status=\"404\""), scrape);
    assertTrue(scrape.contains("backstage_client_retries_total{" + base
        + ",uri=\"/entities/by-name/{kind}/{namespace}/{name}\"} 1"), scrape);
    assertTrue(scrape.contains("backstage_client_circuit_state{backend=\"backstage-catalog\",state=\"OPEN\"} 1"), scrape);
    assertFalse(scrape.contains("petstore"), "entity names never become tags");
  }
}
