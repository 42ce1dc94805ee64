package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PluginServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> get(PluginServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePublicJwksUnauthenticatedWhereBackstageFetchesIt() throws Exception {
    PluginIdentity identity = PluginIdentity.generate("javatest");
    try (PluginServer server = PluginServer.start(identity, 0)) {
      HttpResponse<String> res = get(server, "/api/javatest/.backstage/auth/v1/jwks.json");
      assertEquals(200, res.statusCode());
      assertEquals("application/json", res.headers().firstValue("Content-Type").orElse(""));
      assertEquals(identity.jwksJson(), res.body());
      assertEquals(404, get(server, "/api/javatest/.backstage/auth/v1/jwks.json/x").statusCode());
    }
  }
}
