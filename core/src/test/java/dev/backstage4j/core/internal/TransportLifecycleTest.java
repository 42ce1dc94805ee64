package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.OutgoingRequest;
import dev.backstage4j.core.RequestListener;
import dev.backstage4j.core.RetryOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller sees of the transport: threads that let a program exit, close(), exceptions that show where the
 * caller was, and request listeners (several at once; each may add headers; a failing one harms nobody).
 */
class TransportLifecycleTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private HttpTransport transport() {
    return HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri()).token("t")
        .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build(), "catalog");
  }

  @Test
  void everyThreadACallStarts_isADaemon_soMainCanReturnAndExit() {
    server.enqueue(new MockResponse().setBody("ok"));
    transport().execute(ApiRequest.get("/x").build(), ApiResponse::text);

    List<Thread> nonDaemons = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("backstage4j-") || t.getName().startsWith("OkHttp"))
        .filter(t -> !t.isDaemon()).collect(Collectors.toList());
    assertTrue(nonDaemons.isEmpty(), "non-daemon threads would keep the JVM alive: " + nonDaemons);
    assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("backstage4j-http")),
        "the call ran on the transport's own (daemon) dispatcher threads");
  }

  @Test
  void closedTransport_refusesCalls_andAViewsCloseLeavesItsTransportOpen() {
    HttpTransport t = transport();
    HttpTransport asUser = t.withCredentials(CredentialsProvider.staticToken("user-token"));
    asUser.close();
    server.enqueue(new MockResponse().setBody("still open"));
    assertEquals("still open", t.execute(ApiRequest.get("/x").build(), ApiResponse::text));

    t.close();
    t.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.execute(ApiRequest.get("/x").build(), ApiResponse::text));
    assertTrue(e.getMessage().contains("backstage-catalog client is closed"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> asUser.execute(ApiRequest.get("/x").build(), ApiResponse::text),
        "a view goes with the transport it came from");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void synchronousFailure_showsTheCallersFrames_andKeepsTheTransportThreadsAsSuppressed() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":{\"name\":\"NotFoundError\","
        + "\"message\":\"nope\"}}"));
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> transport().execute(ApiRequest.get("/x").build(), ApiResponse::text));

    assertTrue(hasFrame(e.getStackTrace(), "synchronousFailure_showsTheCallersFrames"), frames(e));
    // Built on a transport thread (the usual case) the exception keeps that thread's frames as suppressed; when the
    // answer came before the caller waited, it was built on the calling thread and has nothing to add.
    assertTrue(e.getSuppressed().length <= 1);
    for (Throwable s : e.getSuppressed()) {
      assertInstanceOf(HttpTransport.TransportFrames.class, s);
      assertFalse(hasFrame(s.getStackTrace(), "synchronousFailure_showsTheCallersFrames"));
    }
  }

  @Test
  void asynchronousFailure_carriesWhereTheCallStarted() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":{\"name\":\"NotFoundError\","
        + "\"message\":\"nope\"}}"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> transport()
        .executeAsync(ApiRequest.get("/x").build(), ApiResponse::text).get(10, TimeUnit.SECONDS));

    BackstageException cause = assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals(1, cause.getSuppressed().length);
    Throwable origin = cause.getSuppressed()[0];
    assertEquals("call started here, on " + Thread.currentThread().getName(), origin.getMessage());
    assertTrue(hasFrame(origin.getStackTrace(), "asynchronousFailure_carriesWhereTheCallStarted"), frames(origin));
  }

  @Test
  void everyListener_addsItsHeaders_toEveryAttempt_retriesIncluded() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    RequestListener tracing = new RequestListener() {
      @Override
      public void onRequest(OutgoingRequest r) {
        r.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        seen.add("tracing " + r.backend() + " " + r.method() + " " + r.pathTemplate());
      }
    };
    RequestListener ids = new RequestListener() {
      @Override
      public void onRequest(OutgoingRequest r) {
        r.header("X-Request-Id", "req-" + seen.size());
      }

      @Override
      public void onAttempt(String backend, String method, String path, int status, Duration d) {
        seen.add("attempt " + status);
      }
    };
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    HttpTransport t = HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri()).token("secret")
        .circuitBreaker(CircuitBreakerOptions.disabled()).listener(tracing).listener(ids).build(), "catalog");

    assertEquals("ok", t.execute(ApiRequest.get("/entities/by-uid/{uid}", "u1").build(), ApiResponse::text));

    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", first.getHeader("traceparent"));
    assertEquals("req-1", first.getHeader("X-Request-Id"));
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", second.getHeader("traceparent"));
    assertEquals("req-3", second.getHeader("X-Request-Id"));
    assertEquals("Bearer secret", second.getHeader("Authorization"));
    assertEquals(List.of("tracing backstage-catalog GET /entities/by-uid/{uid}", "attempt 503",
        "tracing backstage-catalog GET /entities/by-uid/{uid}", "attempt 200"), seen);
  }

  @Test
  void aListenerThatThrows_orTriesToSetCredentials_doesNotStopTheCallOrTheOthers() throws Exception {
    RequestListener broken = new RequestListener() {
      @Override
      public void onRequest(OutgoingRequest r) {
        r.header("Authorization", "Bearer stolen");
      }
    };
    RequestListener gateway = new RequestListener() {
      @Override
      public void onRequest(OutgoingRequest r) {
        r.header("X-Gateway-Route", "backstage");
      }
    };
    server.enqueue(new MockResponse().setBody("ok"));
    HttpTransport t = HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri()).token("mine")
        .listener(broken).listener(gateway).build(), "catalog");

    assertEquals("ok", t.execute(ApiRequest.get("/x").build(), ApiResponse::text));
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("Bearer mine", r.getHeader("Authorization"));
    assertEquals("backstage", r.getHeader("X-Gateway-Route"));
  }

  @Test
  void outgoingRequest_refusesHeadersThatWouldSplitTheRequest() {
    OutgoingRequest r = new OutgoingRequest("backstage-catalog", "GET", "/x");
    assertThrows(IllegalArgumentException.class, () -> r.header("X-Id", "a\r\nInjected: yes"));
    assertThrows(IllegalArgumentException.class, () -> r.header("Bad Name", "v"));
    assertThrows(IllegalArgumentException.class, () -> r.header("cookie", "session=1"));
    assertNull(r.headers().get("X-Id"));
  }

  private static boolean hasFrame(StackTraceElement[] frames, String method) {
    return Arrays.stream(frames).anyMatch(f -> f.getMethodName().contains(method));
  }

  private static String frames(Throwable t) {
    return Arrays.toString(t.getStackTrace());
  }
}
