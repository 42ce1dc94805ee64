package dev.backstage4j.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.core.ClientConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health of the Backstage backend from its own readiness endpoint, {@code GET
 * /.backstage/health/v1/readiness} (200 {@code {"status":"ok"}} when ready, 503 while starting or stopping). That
 * endpoint is unauthenticated and costs the backend nothing, unlike a catalog query. The check sends no token.
 */
public final class BackstageHealthIndicator implements HealthIndicator {
  static final String READINESS_PATH = "/.backstage/health/v1/readiness";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI readiness;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * Creates the indicator for the backend {@code config} points at.
   *
   * @param config the clients' configuration (base URL, connect timeout, proxy and TLS are reused)
   * @param timeout the longest a check may take
   */
  public BackstageHealthIndicator(ClientConfig config, Duration timeout) {
    this.readiness = URI.create(config.baseUrl() + READINESS_PATH);
    this.timeout = timeout;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    config.proxy().ifPresent(p -> b.proxy(ProxySelector.of((InetSocketAddress) p.address())));
    config.sslContext().ifPresent(b::sslContext);
    this.http = b.build();
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder().withDetail("url", readiness.toString());
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(readiness).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return health.down().withDetail("error", e.toString()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return health.down().withDetail("error", "interrupted").build();
    }
    health.withDetail("status", response.statusCode());
    String message = message(response.body());
    if (message != null) {
      health.withDetail("message", message);
    }
    return response.statusCode() == 200 ? health.up().build() : health.down().build();
  }

  /** The backend's {@code message}, e.g. "Backend has not started yet", if the body is Backstage's JSON. */
  private static String message(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode message = node == null ? null : node.get("message");
      return message == null || !message.isTextual() ? null : message.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
