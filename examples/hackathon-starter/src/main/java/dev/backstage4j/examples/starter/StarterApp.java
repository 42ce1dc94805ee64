package dev.backstage4j.examples.starter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.ApiError;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.JwksUnavailableException;
import dev.backstage4j.plugin.TokenRejectedException;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.testkit.FakeBackstage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the team view over HTTP with the JDK's built-in server: {@code GET /} (HTML),
 * {@code GET /api/services?owner=group:default/web-team} (JSON), {@code GET /health}, and
 * {@code GET /api/my-services}: the services of the caller's own teams, for a request that carries the caller's
 * Backstage token ({@code Authorization: Bearer …}, as Backstage's proxy forwards it). That token is verified
 * ({@link TokenVerifier}: signature against the auth backend's keys, expiry, issuer, audience) and the catalog is
 * then read <em>as the caller</em>, so Backstage's permissions apply.
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
  private final CatalogClient catalog;
  private final TokenVerifier verifier;

  private StarterApp(HttpServer server, CatalogClient catalog, TokenVerifier verifier) {
    this.server = server;
    this.catalog = catalog;
    this.services = new TeamServices(catalog);
    this.verifier = verifier;
  }

  /** Starts the app on {@code port} (0 picks a free one) over the given catalog, without caller verification. */
  public static StarterApp start(int port, CatalogClient catalog) throws IOException {
    return start(port, catalog, null);
  }

  /**
   * Starts the app; {@code verifier} checks the callers of {@code /api/my-services} (null switches that endpoint
   * off).
   */
  public static StarterApp start(int port, CatalogClient catalog, TokenVerifier verifier) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    StarterApp app = new StarterApp(server, catalog, verifier);
    server.createContext("/health", ex -> app.send(ex, 200, "text/plain", "ok"));
    server.createContext("/api/my-services", app::myServices);
    server.createContext("/api/services", app::json);
    server.createContext("/", app::html);
    server.start();
    return app;
  }

  /** {@return the address the app listens on} */
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
    TokenVerifier.Builder callers = TokenVerifier.builder();
    if (url == null || url.isBlank()) {
      FakeBackstage fake = FakeBackstage.builder().sampleCatalog().build().start();
      url = fake.baseUrl().toString();
      token = fake.token();
      System.out.println("No BACKSTAGE_URL: using the embedded Backstage with the sample organisation");
    } else {
      // Real Backstage: user tokens are verified against the auth backend's published keys.
      callers.userTokens(ClientConfig.builder().baseUrl(url).build());
    }
    if (token != null && !token.isBlank()) {
      callers.addStaticToken(token, "hackathon-starter"); // a service caller that passes ?owner=
    }
    CatalogClient catalog = CatalogClient.create(URI.create(url),
        token == null ? CredentialsProvider.none() : CredentialsProvider.staticToken(token));
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    StarterApp app = start(port, catalog, callers.build());
    System.out.println("Serving " + app.baseUrl() + "/?owner=web-team  (JSON: /api/services?owner=web-team)");
  }

  private void json(HttpExchange ex) throws IOException {
    try {
      send(ex, 200, "application/json", JSON.writeValueAsString(services.services(owner(ex))));
    } catch (IllegalArgumentException e) {
      send(ex, 400, "application/json", error(ex, 400, "InputError", e.getMessage()));
    } catch (BackstageException e) {
      send(ex, 502, "application/json", error(ex, 502, "BadGatewayError", e.getMessage()));
    }
  }

  /** The caller's own teams' services, read from the catalog with the caller's token. */
  private void myServices(HttpExchange ex) throws IOException {
    if (verifier == null) {
      send(ex, 404, "application/json",
          error(ex, 404, "NotFoundError", "caller verification is not configured"));
      return;
    }
    BackstagePrincipal caller;
    try {
      caller = verifier.authenticate(ex.getRequestHeaders());
    } catch (TokenRejectedException e) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      send(ex, 401, "application/json", error(ex, 401, "AuthenticationError", e.getMessage()));
      return;
    } catch (JwksUnavailableException e) {
      send(ex, 503, "application/json", error(ex, 503, "ServiceUnavailableError", e.getMessage()));
      return;
    }
    List<String> owners = caller.isUser() ? caller.ownershipEntityRefs()
        : owner(ex) == null ? List.of() : List.of(owner(ex));
    if (owners.isEmpty()) {
      send(ex, 400, "application/json", error(ex, 400, "InputError", "a service caller must say ?owner="));
      return;
    }
    TeamServices asCaller = new TeamServices(catalog.withCredentials(caller.credentials()));
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String owner : owners) {
        rows.addAll(asCaller.services(owner));
      }
      send(ex, 200, "application/json", JSON.writeValueAsString(Map.of("caller", caller.subject(),
          "owners", owners, "services", rows)));
    } catch (BackstageException e) {
      send(ex, 502, "application/json", error(ex, 502, "BadGatewayError", e.getMessage()));
    }
  }

  /** Backstage's own error envelope, so Backstage-aware clients (backstage4j included) read these errors. */
  private static String error(HttpExchange ex, int status, String name, String message) throws IOException {
    return JSON.writeValueAsString(ApiError.envelope(status, name, message, ex.getRequestMethod(),
        ex.getRequestURI().toString()));
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
