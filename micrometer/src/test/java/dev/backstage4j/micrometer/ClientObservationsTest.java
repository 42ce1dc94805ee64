package dev.backstage4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.ApiResponse;
import dev.backstage4j.core.internal.HttpTransport;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Observations as a tracing setup sees them: a handler standing in for Micrometer Tracing's propagating sender
 * handler writes a {@code traceparent} into the carrier when the observation starts; the real HTTP server shows
 * what reached Backstage.
 */
class ClientObservationsTest {
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** Propagates like a tracer would and keeps every stopped context. */
  private static final class PropagatingHandler implements ObservationHandler<SenderContext<Object>> {
    final List<SenderContext<Object>> stopped = new CopyOnWriteArrayList<>();

    @Override
    public void onStart(SenderContext<Object> context) {
      context.getSetter().set(context.getCarrier(), "traceparent", TRACEPARENT);
    }

    @Override
    public void onStop(SenderContext<Object> context) {
      stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof SenderContext;
    }
  }

  private static Map<String, String> keyValues(Observation.Context c) {
    return c.getLowCardinalityKeyValues().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
  }

  @Test
  void eachAttempt_isAnObservation_andBackstageReceivesTheTraceContext() throws Exception {
    ObservationRegistry registry = ObservationRegistry.create();
    PropagatingHandler handler = new PropagatingHandler();
    registry.observationConfig().observationHandler(handler);
    BackstageClientObservations observations = new BackstageClientObservations(registry);
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(503));
      server.enqueue(new MockResponse().setBody("{}"));
      server.start();
      HttpTransport t = HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri())
          .listener(observations).circuitBreaker(CircuitBreakerOptions.disabled())
          .retry(RetryOptions.builder().maxRetries(1).initialBackoff(Duration.ofMillis(1)).build()).build(),
          "catalog");
      String template = "/entities/by-name/{kind}/{namespace}/{name}";

      t.execute(ApiRequest.get(template, "component", "default", "petstore").build(), ApiResponse::text);

      assertEquals(TRACEPARENT, server.takeRequest().getHeader("traceparent"));
      assertEquals(TRACEPARENT, server.takeRequest().getHeader("traceparent"), "every attempt carries it");
      assertEquals(2, handler.stopped.size());
      assertEquals(Map.of("backend", "backstage-catalog", "method", "GET", "uri", template, "status", "503",
          "outcome", "SERVER_ERROR"), keyValues(handler.stopped.get(0)));
      assertNotNull(handler.stopped.get(0).getError());
      assertEquals("200", keyValues(handler.stopped.get(1)).get("status"));
      assertNull(handler.stopped.get(1).getError());
      assertEquals("backstage GET " + template, handler.stopped.get(1).getContextualName());

      server.shutdown();
      assertThrows(BackstageException.class, () -> t.execute(ApiRequest.get("/entities").build(), ApiResponse::text));
      assertEquals("IO_ERROR", keyValues(handler.stopped.get(handler.stopped.size() - 1)).get("status"));
      assertEquals(0, observations.openObservations(), "every observation started was stopped");
    }
  }

  @Test
  void noopRegistry_addsNothing() throws Exception {
    BackstageClientObservations observations = new BackstageClientObservations(ObservationRegistry.NOOP);
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("{}"));
      server.start();
      HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri()).listener(observations).build(),
          "catalog").execute(ApiRequest.get("/entities").build(), ApiResponse::text);
      assertNull(server.takeRequest().getHeader("traceparent"));
      assertEquals(0, observations.openObservations());
    }
  }
}
