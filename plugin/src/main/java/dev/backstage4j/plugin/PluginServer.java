package dev.backstage4j.plugin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A minimal, framework-neutral plugin server on the JDK's HttpServer. It serves the plugin's public JWKS
 * unauthenticated at {@link PluginIdentity#jwksPath()}, which is where Backstage fetches it to verify the
 * plugin's tokens.
 */
public final class PluginServer implements AutoCloseable {
  private final HttpServer server;

  private PluginServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving {@code identity}'s JWKS on 127.0.0.1:{@code port} (0 picks a free port). */
  public static PluginServer start(PluginIdentity identity, int port) throws IOException {
    Objects.requireNonNull(identity, "identity");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    byte[] jwks = identity.jwksJson().getBytes(StandardCharsets.UTF_8);
    server.createContext(identity.jwksPath(), exchange -> {
      if (!"GET".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals(identity.jwksPath())) {
        send(exchange, 404, new byte[0]);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, jwks);
      }
    });
    server.start();
    return new PluginServer(server);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** {@return the port the server listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
