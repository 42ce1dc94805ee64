package dev.backstage4j.plugin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link PluginRouter} on the JDK's built-in HTTP server, under {@code /api/{pluginId}} by default, so a
 * Java plugin needs no web framework. The operator's discovery target is then
 * {@code http://host:port/api/{{pluginId}}}. Requests run on a pool of daemon threads (default 16).
 *
 * <pre>{@code
 * try (PluginServer server = PluginServer.start(router, 8080)) {
 *   ...
 * }
 * }</pre>
 */
public final class PluginServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final String basePath;

  private PluginServer(HttpServer server, ExecutorService executor, String basePath) {
    this.server = server;
    this.executor = executor;
    this.basePath = basePath;
  }

  /**
   * Starts serving {@code router} on every interface at {@code port} under {@code /api/{pluginId}}.
   *
   * @param router the plugin's routes
   * @param port the port; 0 picks a free one (see {@link #port()})
   * @return the running server
   * @throws IOException when the port cannot be bound
   */
  public static PluginServer start(PluginRouter router, int port) throws IOException {
    return start(router, new InetSocketAddress(port), "/api/" + router.pluginId(), 16);
  }

  /**
   * Starts serving {@code router} at {@code address} under {@code basePath}.
   *
   * @param router the plugin's routes
   * @param address where to listen, e.g. {@code new InetSocketAddress("127.0.0.1", 0)}
   * @param basePath the path prefix of the plugin's base URL, e.g. {@code /api/javatools}, or empty for none
   * @param threads how many requests are answered at once
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static PluginServer start(PluginRouter router, InetSocketAddress address, String basePath, int threads)
      throws IOException {
    Objects.requireNonNull(router, "router");
    String base = basePath == null ? "" : basePath.replaceAll("/+$", "");
    if (!base.isEmpty() && !base.startsWith("/")) {
      throw new IllegalArgumentException("basePath must start with '/': " + basePath);
    }
    // The JDK server writes headers and body separately; with Nagle on, each small reply waits for the client's
    // delayed ACK (~40 ms). The actions list is fetched on every template step, so turn Nagle off unless the
    // application chose otherwise (the JDK reads this once, when its first server starts).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server = HttpServer.create(address, 0);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "backstage4j-plugin-" + router.pluginId() + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext(base.isEmpty() ? "/" : base + "/", exchange -> serve(router, base, exchange));
    server.start();
    return new PluginServer(server, executor, base);
  }

  private static void serve(PluginRouter router, String base, HttpExchange exchange) throws IOException {
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String path = rawPath.substring(Math.min(base.length(), rawPath.length()));
      String method = exchange.getRequestMethod();
      byte[] body = PluginRouter.readBody(exchange.getRequestBody(), router.maxBodyBytes());
      PluginResponse response = body == null ? router.tooLarge(method, path)
          : router.handle(method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
              body);
      if (response.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
      }
      boolean noBody = response.body().length == 0 || "HEAD".equalsIgnoreCase(method);
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }


  /** {@return the port the server listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@return the plugin's base path on this server, e.g. {@code /api/javatools}} */
  public String basePath() {
    return basePath;
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and stops the threads. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
