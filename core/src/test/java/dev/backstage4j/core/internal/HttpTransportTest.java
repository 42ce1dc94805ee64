package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.ConflictException;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.NotAllowedException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.OutcomeUnknownException;
import dev.backstage4j.core.RateLimitedException;
import dev.backstage4j.core.RequestListener;
import dev.backstage4j.core.ResponseCompression;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.ServerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTransportTest {
  private static final String NOT_FOUND_BODY = "{\"error\":{\"name\":\"NotFoundError\",\"message\":"
      + "\"No entity named 'nope' found, with kind 'component' in namespace 'default'\"},"
      + "\"request\":{\"method\":\"GET\",\"url\":\"/entities/by-name/component/default/nope\"},"
      + "\"response\":{\"statusCode\":404}}";

  private MockWebServer server;
  private RecordingScheduler scheduler;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    scheduler = new RecordingScheduler();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    scheduler.shutdownNow();
  }

  private ClientConfig.Builder config() {
    return ClientConfig.builder().baseUrl(server.url("/").uri()).token("test-token-123")
        .circuitBreaker(CircuitBreakerOptions.disabled());
  }

  private HttpTransport transport(ClientConfig config) {
    return HttpTransport.create(config, "catalog", scheduler, Clock.systemUTC());
  }

  private static String getText(HttpTransport t, ApiRequest r) {
    return t.execute(r, ApiResponse::text);
  }

  @Test
  void execute_success_sendsPathUnderPluginRootWithTokenAndUserAgent() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
    HttpTransport t = transport(config().applicationName("sync-script").build());

    String body = getText(t, ApiRequest.get("/entities/by-name/{kind}/{namespace}/{name}", "component", "default",
        "a/b c").query("fields", "kind,metadata.name").build());

    assertEquals("{\"ok\":true}", body);
    RecordedRequest r = server.takeRequest();
    assertEquals("/api/catalog/entities/by-name/component/default/a%2Fb%20c?fields=kind%2Cmetadata.name",
        r.getPath());
    assertEquals("Bearer test-token-123", r.getHeader("Authorization"));
    assertTrue(r.getHeader("User-Agent").matches("backstage4j/[^ ]+ \\(sync-script\\)"), r.getHeader("User-Agent"));
  }

  @Test
  void compression_autoOnLoopback_asksForIdentity_gzipWhenConfigured() throws Exception {
    server.enqueue(new MockResponse().setBody("a"));
    server.enqueue(new MockResponse().setBody("b"));
    getText(transport(config().build()), ApiRequest.get("/x").build());
    getText(transport(config().compression(ResponseCompression.GZIP).build()), ApiRequest.get("/x").build());

    assertEquals("identity", server.takeRequest().getHeader("Accept-Encoding"));
    assertEquals("gzip", server.takeRequest().getHeader("Accept-Encoding"));
    assertTrue(HttpTransport.wantsGzip(ResponseCompression.AUTO, java.net.URI.create("https://backstage.example.com")));
    assertFalse(HttpTransport.wantsGzip(ResponseCompression.AUTO, java.net.URI.create("http://10.1.2.3:7007")));
  }

  @ParameterizedTest
  @CsvSource({
      "400, InputError, dev.backstage4j.core.InputException",
      "401, AuthenticationError, dev.backstage4j.core.AuthenticationException",
      "403, NotAllowedError, dev.backstage4j.core.NotAllowedException",
      "404, NotFoundError, dev.backstage4j.core.NotFoundException",
      "409, ConflictError, dev.backstage4j.core.ConflictException",
      "429, TooManyRequests, dev.backstage4j.core.RateLimitedException",
      "500, Error, dev.backstage4j.core.ServerException",
      "503, ServiceUnavailableError, dev.backstage4j.core.ServerException",
      "418, TeapotError, dev.backstage4j.core.BackstageApiException"})
  void errorStatus_mapsToTypedExceptionWithParsedBody(int status, String name, String type) throws Exception {
    server.enqueue(new MockResponse().setResponseCode(status).setBody("{\"error\":{\"name\":\"" + name
        + "\",\"message\":\"it went wrong\"},\"request\":{\"method\":\"GET\",\"url\":\"/x\"},"
        + "\"response\":{\"statusCode\":" + status + "}}"));
    HttpTransport t = transport(config().retry(RetryOptions.disabled()).build());

    BackstageApiException e = assertThrows(BackstageApiException.class,
        () -> getText(t, ApiRequest.get("/x").subject("component:default/x").build()));

    assertEquals(Class.forName(type), e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals(name, e.errorName());
    assertEquals("it went wrong", e.errorMessage());
    assertEquals("GET", e.error().requestMethod().orElseThrow());
    assertTrue(e.getMessage().startsWith("GET /x (component:default/x) failed: " + status + " " + name
        + ": it went wrong"), e.getMessage());
  }

  @Test
  void errorsArrayBody_becomesDetails() {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"errors\":[{\"name\":\"InputError\","
        + "\"message\":\"\\\"metadata.name\\\" is not valid\"},{\"message\":\"must be string\","
        + "\"instancePath\":\"/spec/owner\"}]}"));
    HttpTransport t = transport(config().build());

    InputException e = assertThrows(InputException.class, () -> getText(t, ApiRequest.post("/validate-entity")
        .jsonBody(Map.of("entity", Map.of())).build()));

    assertEquals(2, e.details().size());
    assertEquals("InputError", e.details().get(0).name());
    assertEquals("/spec/owner", e.details().get(1).path().orElseThrow());
    assertTrue(e.getMessage().contains("must be string (at /spec/owner)"), e.getMessage());
    // A bare {errors:[…]} (the scaffolder's parameter check) still gets a name and a one-line message.
    assertEquals("InputError", e.errorName());
    assertEquals("2 problem(s): InputError: \"metadata.name\" is not valid; must be string (at /spec/owner)",
        e.errorMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void nonJsonErrorBody_stillTypedWithExcerpt() {
    server.enqueue(new MockResponse().setResponseCode(502)
        .setBody("<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"));
    HttpTransport t = transport(config().retry(RetryOptions.disabled()).build());

    ServerException e = assertThrows(ServerException.class, () -> getText(t, ApiRequest.get("/x").build()));

    assertEquals(502, e.statusCode());
    assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
    assertTrue(e.isRetryable());
  }

  @Test
  void retry_honoursRetryAfterSeconds() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"));
    server.enqueue(new MockResponse().setBody("done"));
    HttpTransport t = transport(config().build());

    assertEquals("done", getText(t, ApiRequest.get("/x").build()));

    assertEquals(List.of(Duration.ofSeconds(7)), scheduler.delays);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retry_honoursRetryAfterHttpDate() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "Tue, 24 Nov 2026 10:00:12 GMT"));
    server.enqueue(new MockResponse().setBody("done"));
    HttpTransport t = HttpTransport.create(config().build(), "catalog", scheduler, Clock.fixed(now, ZoneOffset.UTC));

    assertEquals("done", getText(t, ApiRequest.get("/x").build()));

    assertEquals(List.of(Duration.ofSeconds(12)), scheduler.delays);
  }

  @Test
  void retry_backoffGrowsExponentiallyWithJitter() {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setResponseCode(504));
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("done"));
    HttpTransport t = transport(config().retry(RetryOptions.builder().maxRetries(3)
        .initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)).build()).build());

    assertEquals("done", getText(t, ApiRequest.get("/x").build()));

    assertEquals(3, scheduler.delays.size());
    long[] base = {200, 400, 800};
    for (int i = 0; i < 3; i++) {
      long ms = scheduler.delays.get(i).toMillis();
      assertTrue(ms >= base[i] / 2 && ms <= base[i] * 3 / 2, "retry " + i + " waited " + ms + " ms");
    }
  }

  @Test
  void retry_givesUpAfterMaxRetries_withTypedError() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    HttpTransport t = transport(config().retry(RetryOptions.builder().maxRetries(2).build()).build());

    ServerException e = assertThrows(ServerException.class, () -> getText(t, ApiRequest.get("/x").build()));

    assertEquals(503, e.statusCode());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retry_retryAfterLongerThanAllowed_failsAtOnceWithRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
    HttpTransport t = transport(config().build());

    RateLimitedException e = assertThrows(RateLimitedException.class, () -> getText(t, ApiRequest.get("/x").build()));

    assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
    assertTrue(e.isThrottling());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void get_isRetriedAfterConnectionDrop() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("second time lucky"));
    HttpTransport t = transport(config().build());

    assertEquals("second time lucky", getText(t, ApiRequest.get("/x").build()));
  }

  @Test
  void post_notRepeatable_resetMidResponse_isNotRetried_andOutcomeUnknown() {
    server.enqueue(new MockResponse().setBody("{\"id\":\"" + "x".repeat(5000) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setBody("{\"id\":\"should-never-be-fetched\"}"));
    HttpTransport t = transport(config().build());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> getText(t,
        ApiRequest.post("/v2/tasks").jsonBody(Map.of("templateRef", "template:default/x"))
            .outcomeHint("list your tasks to see whether it was created").build()));

    assertEquals(1, server.getRequestCount());
    assertFalse(e.isRetryable());
    assertTrue(e.getMessage().contains("list your tasks to see whether it was created"), e.getMessage());
    assertTrue(scheduler.delays.isEmpty());
  }

  @Test
  void post_notRepeatable_neverReusesAPooledConnection_soAConnectionTheServerClosedCannotLoseIt() throws Exception {
    // The server closes the connection after each answer without saying so (as Backstage does after 5 idle seconds).
    server.enqueue(new MockResponse().setBody("{\"id\":\"a\"}").setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    server.enqueue(new MockResponse().setBody("{\"id\":\"b\"}").setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
    server.enqueue(new MockResponse().setBody("read 1"));
    server.enqueue(new MockResponse().setBody("read 2"));
    HttpTransport t = transport(config().build());
    ApiRequest create = ApiRequest.post("/v2/tasks").jsonBody(Map.of("templateRef", "template:default/x")).build();

    assertEquals("{\"id\":\"a\"}", getText(t, create));
    assertEquals("{\"id\":\"b\"}", getText(t, create));
    assertEquals("read 1", getText(t, ApiRequest.get("/x").build()));
    assertEquals("read 2", getText(t, ApiRequest.get("/x").build()));

    assertEquals(0, server.takeRequest().getSequenceNumber(), "first on its connection");
    assertEquals(0, server.takeRequest().getSequenceNumber(), "the second creation on a new connection");
    assertEquals(0, server.takeRequest().getSequenceNumber());
    assertEquals(1, server.takeRequest().getSequenceNumber(), "reads reuse the pooled connection");
  }

  @Test
  void post_notRepeatable_503_isNotRetried() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{}"));
    HttpTransport t = transport(config().build());

    assertThrows(ServerException.class, () -> getText(t, ApiRequest.post("/locations")
        .jsonBody(Map.of("type", "url")).build()));

    assertEquals(1, server.getRequestCount());
  }

  @Test
  void post_markedRepeatable_isRetried() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{\"items\":[]}"));
    HttpTransport t = transport(config().build());

    assertEquals("{\"items\":[]}", getText(t, ApiRequest.post("/entities/by-refs")
        .jsonBody(Map.of("entityRefs", List.of())).repeatable(true).build()));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void connectionRefused_givesTransportExceptionNamingTheServer() throws Exception {
    int port = server.getPort();
    server.shutdown();
    HttpTransport t = HttpTransport.create(ClientConfig.builder().baseUrl("http://127.0.0.1:" + port)
        .retry(RetryOptions.builder().maxRetries(1).build()).build(), "catalog", scheduler, Clock.systemUTC());

    BackstageTransportException e = assertThrows(BackstageTransportException.class,
        () -> getText(t, ApiRequest.post("/v2/tasks").jsonBody(Map.of()).build()));

    assertFalse(e instanceof OutcomeUnknownException, "a refused connection never reached the server");
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertEquals(1, scheduler.delays.size(), "a connection that was never made is safe to retry, even for POST");
  }

  @Test
  void status401_refreshesTokenOnce_andRepeats() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"name\":\"AuthenticationError\","
        + "\"message\":\"Illegal token\"}}"));
    server.enqueue(new MockResponse().setBody("ok"));
    AtomicInteger issued = new AtomicInteger();
    CredentialsProvider tokens = CredentialsProvider.refreshing(() -> "token-" + issued.incrementAndGet());
    HttpTransport t = transport(config().credentials(tokens).build());

    assertEquals("ok", getText(t, ApiRequest.post("/refresh").jsonBody(Map.of("entityRef", "x")).build()));

    assertEquals("Bearer token-1", server.takeRequest().getHeader("Authorization"));
    assertEquals("Bearer token-2", server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void status401_withStaticToken_isThrownWithoutRepeat() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"name\":\"AuthenticationError\","
        + "\"message\":\"Missing credentials\"}}"));
    HttpTransport t = transport(config().build());

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> getText(t, ApiRequest.get("/x").build()));

    assertEquals("Missing credentials", e.errorMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void status401_twice_isThrownAfterOneRefresh() {
    server.enqueue(new MockResponse().setResponseCode(401));
    server.enqueue(new MockResponse().setResponseCode(401));
    HttpTransport t = transport(config().credentials(CredentialsProvider.refreshing(() -> "t")).build());

    assertThrows(AuthenticationException.class, () -> getText(t, ApiRequest.get("/x").build()));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void withCredentials_sendsTheOtherToken() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    HttpTransport t = transport(config().build()).withCredentials(CredentialsProvider.staticToken("user-token"));

    getText(t, ApiRequest.get("/x").build());

    assertEquals("Bearer user-token", server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void executeAsync_doesNotWaitForTheServer_andFailsTyped() throws Exception {
    server.enqueue(new MockResponse().setBody("late").setHeadersDelay(300, TimeUnit.MILLISECONDS));
    server.enqueue(new MockResponse().setResponseCode(404).setBody(NOT_FOUND_BODY));
    HttpTransport t = transport(config().build());

    CompletableFuture<String> late = t.executeAsync(ApiRequest.get("/late").build(), ApiResponse::text);
    assertFalse(late.isDone(), "executeAsync returned before the answer arrived");
    assertEquals("late", late.get(5, TimeUnit.SECONDS));

    CompletableFuture<String> missing = t.executeAsync(ApiRequest.get("/missing").build(), ApiResponse::text);
    ExecutionException e = assertThrows(ExecutionException.class, () -> missing.get(5, TimeUnit.SECONDS));
    assertInstanceOf(NotFoundException.class, e.getCause());
  }

  @Test
  void circuitBreaker_opens_thenHalfOpens_thenCloses() throws Exception {
    List<String> transitions = new CopyOnWriteArrayList<>();
    RequestListener listener = new RequestListener() {
      @Override
      public void onCircuitStateChange(String backend, String from, String to) {
        transitions.add(backend + ":" + from + "->" + to);
      }
    };
    HttpTransport t = transport(config().retry(RetryOptions.disabled()).listener(listener)
        .circuitBreaker(CircuitBreakerOptions.builder().slidingWindowSize(4).minimumCalls(4)
            .failureRateThreshold(50).waitInOpenState(Duration.ofMillis(200)).callsInHalfOpenState(1).build())
        .build());
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse().setResponseCode(500));
      assertThrows(ServerException.class, () -> getText(t, ApiRequest.get("/x").build()));
    }

    assertThrows(dev.backstage4j.core.CircuitOpenException.class, () -> getText(t, ApiRequest.get("/x").build()));
    assertEquals(4, server.getRequestCount(), "an open breaker does not call the server");
    assertEquals("OPEN", t.circuitState());

    Thread.sleep(300);
    server.enqueue(new MockResponse().setBody("recovered"));
    assertEquals("recovered", getText(t, ApiRequest.get("/x").build()));
    assertEquals("CLOSED", t.circuitState());
    assertEquals(List.of("backstage-catalog:CLOSED->OPEN", "backstage-catalog:OPEN->HALF_OPEN",
        "backstage-catalog:HALF_OPEN->CLOSED"), transitions);
  }

  @Test
  void clientErrors_doNotOpenTheBreaker() {
    HttpTransport t = transport(config().retry(RetryOptions.disabled())
        .circuitBreaker(CircuitBreakerOptions.builder().slidingWindowSize(2).minimumCalls(2).build()).build());
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(404).setBody(NOT_FOUND_BODY));
      assertThrows(NotFoundException.class, () -> getText(t, ApiRequest.get("/x").build()));
    }
    assertEquals("CLOSED", t.circuitState());
  }

  @Test
  void listener_seesEveryAttemptAndRetry_withTemplatedPaths() {
    List<String> seen = new CopyOnWriteArrayList<>();
    RequestListener listener = new RequestListener() {
      @Override
      public void onAttempt(String backend, String method, String path, int status, Duration d) {
        seen.add("attempt " + method + " " + path + " " + status);
      }

      @Override
      public void onRetry(String backend, String method, String path, int attempt, Duration wait) {
        seen.add("retry " + attempt);
      }
    };
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    HttpTransport t = transport(config().listener(listener).build());

    getText(t, ApiRequest.get("/entities/by-uid/{uid}", "123-secret-ish").build());

    assertEquals(List.of("attempt GET /entities/by-uid/{uid} 503", "retry 1",
        "attempt GET /entities/by-uid/{uid} 200"), seen);
  }

  @Test
  void streaming_handsOverTheOpenBody() {
    server.enqueue(new MockResponse().setBody("[1,2,3]"));
    HttpTransport t = transport(config().build());

    ApiResponse kept = t.execute(ApiRequest.get("/entities").streaming().build(), r -> r.retain());
    try {
      assertFalse(kept.isBuffered());
      assertEquals("[1,2,3]", new String(kept.body().readAllBytes()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } finally {
      kept.close();
    }
  }

  @Test
  void emptyBodyOnSuccess_isFine() {
    server.enqueue(new MockResponse().setResponseCode(204));
    HttpTransport t = transport(config().build());

    assertNull(t.execute(ApiRequest.delete("/entities/by-uid/{uid}", "u").build(), ResponseHandler.discard()));
  }
}
