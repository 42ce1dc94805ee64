package dev.backstage4j.examples.starter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.testkit.FakeBackstage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Serves the team view over HTTP with the JDK's built-in server: {@code GET /} (HTML),
 * {@code GET /api/services?owner=group:default/web-team} (JSON) and {@code GET /health}.
 *
 * <p>Run: {@code java -jar examples/hackathon-starter/target/hackathon-starter.jar}, then open
 * http://localhost:8080/?owner=web-team. Settings from the environment: {@code PORT} (default 8080),
 * {@code BACKSTAGE_URL} and {@code BACKSTAGE_TOKEN}; without a URL it starts the embedded fake Backstage
 * seeded with the sample organisation.
 */
public final class StarterApp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final TeamServices services;

  private StarterApp(HttpServer server, TeamServices services) {
    this.server = server;
    this.services = services;
  }

  /** Starts the app on {@code port} (0 picks a free one) over the given catalog. */
  public static StarterApp start(int port, CatalogClient catalog) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    StarterApp app = new StarterApp(server, new TeamServices(catalog));
    server.createContext("/health", ex -> app.send(ex, 200, "text/plain", "ok"));
    server.createContext("/api/services", app::json);
    server.createContext("/", app::html);
    server.start();
    return app;
  }

  /** Returns the address the app listens on. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
  }

  /** Starts the app; see the class documentation for the settings. */
  public static void main(String[] args) throws IOException {
    String url = System.getenv("BACKSTAGE_URL");
    String token = System.getenv("BACKSTAGE_TOKEN");
    if (url == null || url.isBlank()) {
      FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start();
      url = fake.baseUrl().toString();
      token = fake.token();
      System.out.println("No BACKSTAGE_URL: using the embedded Backstage with the sample organisation");
    }
    CatalogClient catalog = CatalogClient.create(URI.create(url),
        token == null ? CredentialsProvider.none() : CredentialsProvider.staticToken(token));
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    StarterApp app = start(port, catalog);
    System.out.println("Serving " + app.baseUrl() + "/?owner=web-team  (JSON: /api/services?owner=web-team)");
  }

  private void json(HttpExchange ex) throws IOException {
    try {
      send(ex, 200, "application/json", JSON.writeValueAsString(services.services(owner(ex))));
    } catch (IllegalArgumentException e) {
      send(ex, 400, "application/json", JSON.writeValueAsString(Map.of("error", e.getMessage())));
    } catch (BackstageException e) {
      send(ex, 502, "application/json", JSON.writeValueAsString(Map.of("error", e.getMessage())));
    }
  }

  private void html(HttpExchange ex) throws IOException {
    if (!ex.getRequestURI().getPath().equals("/")) {
      send(ex, 404, "text/plain", "not found");
      return;
    }
    String owner = owner(ex);
    List<Map<String, Object>> rows;
    try {
      rows = services.services(owner);
    } catch (IllegalArgumentException | BackstageException e) {
      send(ex, 400, "text/plain", e.getMessage());
      return;
    }
    StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Services of ")
        .append(escape(owner == null ? "every team" : owner)).append("</title><style>body{font-family:sans-serif}"
            + "td,th{padding:4px 12px;text-align:left}</style></head><body><h1>Services of ")
        .append(escape(owner == null ? "every team" : owner))
        .append("</h1><table><tr><th>Service</th><th>Type</th><th>Level</th><th>Score</th><th>Missing</th></tr>");
    for (Map<String, Object> r : rows) {
      b.append("<tr><td>").append(escape(r.get("ref"))).append("</td><td>").append(escape(r.get("type")))
          .append("</td><td>").append(escape(r.get("level"))).append("</td><td>").append(r.get("scorePercent"))
          .append("%</td><td>").append(escape(String.join(", ", castList(r.get("missing"))))).append("</td></tr>");
    }
    send(ex, 200, "text/html; charset=utf-8", b.append("</table></body></html>").toString());
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }

  private static String owner(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      if (part.startsWith("owner=")) {
        return URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String escape(Object o) {
    return String.valueOf(o == null ? "" : o).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
