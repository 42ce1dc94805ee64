package dev.backstage4j.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Real exchanges captured from a running Backstage backend (conformance/fixtures/scaffolder), as mock responses. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** Returns the recorded exchange {@code scaffolder/<name>.json}. */
  static JsonNode exchange(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/scaffolder/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the recorded response of a fixture as a MockResponse (status, headers, body). */
  static MockResponse response(String name) {
    JsonNode response = exchange(name).get("response");
    MockResponse r = new MockResponse().setResponseCode(response.get("status").asInt());
    Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields();
    while (headers.hasNext()) {
      Map.Entry<String, JsonNode> h = headers.next();
      r.setHeader(h.getKey(), h.getValue().asText());
    }
    JsonNode body = response.get("body");
    if (body != null && !body.isNull()) {
      r.setBody(body.isTextual() ? body.asText() : body.toString());
    }
    return r;
  }

  /** Returns a JSON response. */
  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** Returns a server-sent-event frame for an event JSON, as the real server writes it. */
  static String sse(String type, String eventJson) {
    return "event: " + type + "\ndata: " + eventJson + "\n\n";
  }

  /** Returns the JSON of a task event. */
  static String event(long id, String type, String message) {
    return "{\"id\":" + id + ",\"isTaskRecoverable\":false,\"taskId\":\"t1\",\"body\":{\"message\":\"" + message
        + "\"" + (type.equals("completion") ? ",\"output\":{\"links\":[]}" : "") + "},\"type\":\"" + type
        + "\",\"createdAt\":\"2026-11-24T00:23:37.000Z\"}";
  }

  /** Returns a client for the mock server with fast retries. */
  static ScaffolderClient client(MockWebServer server) {
    return client(server, Duration.ofSeconds(10));
  }

  /** Returns a client for the mock server with the given read timeout. */
  static ScaffolderClient client(MockWebServer server, Duration readTimeout) {
    return ScaffolderClient.builder().config(ClientConfig.builder()
        .baseUrl(server.url("/").uri())
        .token("test-token")
        .readTimeout(readTimeout)
        .retry(RetryOptions.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10)).build())
        .build()).build();
  }
}
