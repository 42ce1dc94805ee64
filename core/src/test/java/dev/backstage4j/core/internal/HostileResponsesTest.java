package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RequestListener;
import dev.backstage4j.core.ResponseTooLargeException;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.ServerException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a server (or a gateway in front of it) can send that must neither hang nor exhaust the caller's heap. */
class HostileResponsesTest {
  private static final Duration NO_HANG = Duration.ofSeconds(20);
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

  private HttpTransport transport(ClientConfig.Builder config) {
    return HttpTransport.create(config.baseUrl(server.url("/").uri()).token("test-token-123")
        .circuitBreaker(CircuitBreakerOptions.disabled()).retry(RetryOptions.disabled()).build(), "catalog",
        scheduler, Clock.systemUTC());
  }

  private static Buffer bytes(int n) {
    Buffer b = new Buffer();
    b.writeUtf8("\"");
    for (int i = 0; i < n; i++) {
      b.writeByte('x');
    }
    return b.writeUtf8("\"");
  }

  @Test
  void bodyOverTheLimit_withContentLength_failsTypedWithoutReadingIt() {
    server.enqueue(new MockResponse().setBody(bytes(2 << 20)));
    HttpTransport t = transport(ClientConfig.builder().maxResponseBytes(1 << 20));
    ResponseTooLargeException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(
        ResponseTooLargeException.class, () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
    assertEquals(1 << 20, e.limit());
    assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
  }

  @Test
  void bodyOverTheLimit_chunked_failsTypedAtTheLimit() {
    server.enqueue(new MockResponse().setChunkedBody(bytes(3 << 20), 64 << 10));
    HttpTransport t = transport(ClientConfig.builder().maxResponseBytes(1 << 20));
    assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ResponseTooLargeException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
  }

  @Test
  void bodyOverTheLimit_async_failsTheFutureTyped() {
    server.enqueue(new MockResponse().setChunkedBody(bytes(3 << 20), 64 << 10));
    HttpTransport t = transport(ClientConfig.builder().maxResponseBytes(1 << 20));
    CompletionException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(CompletionException.class,
        () -> t.executeAsync(ApiRequest.get("/x").build(), ApiResponse::text).join()));
    assertTrue(e.getCause() instanceof ResponseTooLargeException, String.valueOf(e.getCause()));
  }

  @Test
  void bodyAtTheLimit_isRead() {
    server.enqueue(new MockResponse().setBody(bytes(1000)));
    HttpTransport t = transport(ClientConfig.builder().maxResponseBytes(1002));
    assertEquals(1002, t.execute(ApiRequest.get("/x").build(), ApiResponse::text).length());
  }

  @Test
  void hugeErrorBody_onlyTheExcerptIsRead_andTheErrorStaysTyped() {
    server.enqueue(new MockResponse().setResponseCode(500).setChunkedBody(bytes(8 << 20), 256 << 10));
    HttpTransport t = transport(ClientConfig.builder());
    ServerException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(ServerException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
    assertEquals(500, e.statusCode());
    assertTrue(e.error().bodyExcerpt().length() < 64 << 10, "excerpt of " + e.error().bodyExcerpt().length());
  }

  @Test
  void anErrorThrownWhileTheAnswerIsRead_failsTheCall_insteadOfLeavingTheCallerWaiting() {
    server.enqueue(new MockResponse().setBody("{}"));
    RequestListener broken = new RequestListener() {
      @Override
      public void onAttempt(String backend, String method, String pathTemplate, int status, Duration d) {
        throw new OutOfMemoryError("simulated: the heap ran out inside the HTTP client's callback");
      }
    };
    HttpTransport t = transport(ClientConfig.builder().listener(broken));
    BackstageException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackstageException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
    assertTrue(e.getMessage().contains("OutOfMemoryError"), e.getMessage());
  }

  @Test
  void connectionResetBeforeTheFirstByteOfAStream_isRetried() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(new MockResponse().setBody("[{\"a\":1},{\"a\":2}]"));
    HttpTransport t = HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri())
        .token("test-token-123").circuitBreaker(CircuitBreakerOptions.disabled())
        .retry(RetryOptions.builder().maxRetries(1).build()).build(), "catalog", scheduler, Clock.systemUTC());
    int items = assertTimeoutPreemptively(NO_HANG, () -> t.execute(ApiRequest.get("/entities").streaming().build(),
        r -> {
          int n = 0;
          for (var it = t.json().streamItems(r.body(), null, JsonCodec.mapReader(), "GET /entities response");
              it.hasNext(); it.next()) {
            n++;
          }
          return n;
        }));
    assertEquals(2, items);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void connectionLostInTheFirstBytesOfAStream_isATransportFailure_notAnUncheckedIOException() {
    server.enqueue(new MockResponse().setBody("[{").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    HttpTransport t = transport(ClientConfig.builder());
    BackstageTransportException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(
        BackstageTransportException.class, () -> t.execute(ApiRequest.get("/entities").streaming().build(),
            r -> t.json().streamItems(r.body(), null, JsonCodec.mapReader(), "GET /entities response").hasNext())));
    assertTrue(e.getMessage().contains("GET /entities response"), e.getMessage());
  }

  @Test
  void gzipTheClientDidNotAskFor_isNamed_insteadOfAnIllegalCharacterError() throws Exception {
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8("[{\"kind\":\"Component\"}]");
    }
    server.enqueue(new MockResponse().setHeader("Content-Encoding", "gzip").setBody(gzipped));
    HttpTransport t = transport(ClientConfig.builder());  // loopback: asks for identity
    BackstageDecodingException e = assertThrows(BackstageDecodingException.class,
        () -> t.execute(ApiRequest.get("/entities").build(), ApiResponse::text));
    assertTrue(e.getMessage().contains("Content-Encoding: gzip"), e.getMessage());
  }

  @Test
  void aServerThatStallsMidBody_failsTypedAfterTheReadTimeout() {
    server.enqueue(new MockResponse().setBody("[" + "1,".repeat(1000) + "1]").throttleBody(64, 5, TimeUnit.SECONDS));
    HttpTransport t = transport(ClientConfig.builder().readTimeout(Duration.ofMillis(300)));
    assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackstageTransportException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
  }

  @Test
  void aBodyShorterThanItsContentLength_failsTyped() {
    server.enqueue(new MockResponse().setBody("{\"items\":[" + "{},".repeat(2000) + "{}]}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    HttpTransport t = transport(ClientConfig.builder());
    assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackstageTransportException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
  }

  @Test
  void corruptGzip_failsTyped() {
    server.enqueue(new MockResponse().setHeader("Content-Encoding", "gzip").setBody("this is not gzip at all"));
    HttpTransport t = transport(ClientConfig.builder().compression(dev.backstage4j.core.ResponseCompression.GZIP));
    assertTimeoutPreemptively(NO_HANG, () -> assertThrows(BackstageException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text)));
  }

  @Test
  void malformedJsonMidStream_isADecodingErrorNamingWhere() {
    server.enqueue(new MockResponse().setBody("[{\"a\":1},{\"a\":2},{\"a\" 3}]"));
    HttpTransport t = transport(ClientConfig.builder());
    java.util.List<Object> seen = new java.util.ArrayList<>();
    BackstageDecodingException e = assertThrows(BackstageDecodingException.class,
        () -> t.execute(ApiRequest.get("/entities").streaming().build(), r -> {
          try (JsonItemStream<java.util.Map<String, Object>> items = t.json().streamItems(r.body(), null,
              JsonCodec.mapReader(), "GET /entities response")) {
            items.forEachRemaining(seen::add);
          }
          return null;
        }));
    assertEquals(2, seen.size(), "the two good items were delivered before the error");
    assertTrue(e.jsonPath().startsWith("$[2]"), e.jsonPath());
  }

  @Test
  void connectionLostBeforeAStreamsFirstByte_isRetriedForASafeRequest() throws Exception {
    // A raw server: the first connection gets its headers and is closed before any body byte; the second the body.
    String body = "[{\"a\":1},{\"a\":2}]";
    try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> {
        for (int i = 0; i < 2; i++) {
          try (java.net.Socket s = raw.accept()) {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
              // the request's headers
            }
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write((i == 0 ? head : head + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      serving.setDaemon(true);
      serving.start();
      HttpTransport t = HttpTransport.create(ClientConfig.builder()
          .baseUrl("http://127.0.0.1:" + raw.getLocalPort()).token("test-token-1")
          .circuitBreaker(CircuitBreakerOptions.disabled()).build(), "catalog", scheduler, Clock.systemUTC());
      java.util.List<Object> items = new java.util.ArrayList<>();
      assertTimeoutPreemptively(NO_HANG, () -> t.execute(ApiRequest.get("/entities").streaming().build(), r -> {
        try (JsonItemStream<java.util.Map<String, Object>> s = t.json().streamItems(r.body(), null,
            JsonCodec.mapReader(), "GET /entities response")) {
          s.forEachRemaining(items::add);
        }
        return null;
      }));
      assertEquals(2, items.size(), "the second attempt's items, after the first connection was lost");
    }
  }
}
