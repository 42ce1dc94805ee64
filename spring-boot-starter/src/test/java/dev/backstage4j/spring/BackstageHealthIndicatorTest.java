package dev.backstage4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.core.ClientConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The indicator against a real HTTP server answering as Backstage's root health router does. */
class BackstageHealthIndicatorTest {
  private final List<String> paths = new ArrayList<>();
  private HttpServer server;

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void ready_isUp() throws Exception {
    serve(200, "{\"status\":\"ok\"}");
    Health health = indicator().health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("status", 200);
    assertThat(paths).containsExactly("/.backstage/health/v1/readiness");
  }

  @Test
  void starting_isDown_withTheBackendsMessage() throws Exception {
    serve(503, "{\"message\":\"Backend has not started yet\",\"status\":\"error\"}");
    Health health = indicator().health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("status", 503)
        .containsEntry("message", "Backend has not started yet");
  }

  @Test
  void unreachable_isDown() throws Exception {
    serve(200, "{}");
    server.stop(0);
    Health health = indicator().health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString()).contains("ConnectException");
  }

  @Test
  void sendsNoToken() throws Exception {
    List<String> auth = new ArrayList<>();
    serve(200, "{\"status\":\"ok\"}");
    server.removeContext("/");
    server.createContext("/", ex -> {
      auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    assertThat(indicator().health().getStatus()).isEqualTo(Status.UP);
    assertThat(auth).containsExactly("null");
  }

  private BackstageHealthIndicator indicator() {
    ClientConfig config = ClientConfig.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .token("s3cret").connectTimeout(Duration.ofSeconds(2)).build();
    return new BackstageHealthIndicator(config, Duration.ofSeconds(5));
  }

  private void serve(int status, String body) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      paths.add(ex.getRequestURI().getPath());
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    server.start();
  }
}
