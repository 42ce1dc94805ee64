package dev.backstage4j.catalog;

import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer per test and a real client pointed at it (retries and breaker off). */
abstract class CatalogTestSupport {
  static final String TOKEN = "test-token-0123456789";

  MockWebServer server;
  CatalogClient catalog;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    catalog = CatalogClient.builder().config(ClientConfig.builder()
        .baseUrl(server.url("/").uri()).token(TOKEN)
        .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build()).build();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  void enqueue(String fixture) {
    server.enqueue(Fixtures.response(fixture));
  }

  void enqueueJson(int status, String json) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody(json));
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived");
    }
    return r;
  }

  /** The request's path and query, percent-decoded, for readable assertions. */
  static String decoded(RecordedRequest r) {
    return URLDecoder.decode(r.getPath().replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static Map<String, Object> body(RecordedRequest r) {
    return Fixtures.tree(r.getBody().clone().readUtf8());
  }

  /** A by-query page of full entities named {@code names}, with {@code next} as next cursor (may be null). */
  static String page(String next, String... names) {
    StringBuilder s = new StringBuilder("{\"items\":[");
    for (int i = 0; i < names.length; i++) {
      s.append(i == 0 ? "" : ",").append(entityJson("Component", names[i]));
    }
    s.append("],\"totalItems\":42,\"pageInfo\":{").append(next == null ? "" : "\"nextCursor\":\"" + next + "\"")
        .append("}}");
    return s.toString();
  }

  static String entityJson(String kind, String name) {
    return "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"default\"},\"spec\":{\"type\":\"service\"}}";
  }
}
