package dev.backstage4j.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.core.internal.ErrorBodies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback HTTP server: static-token auth, fault injection, the backend's error middleware, and routing to the
 * catalog and scaffolder routers. Uses the JDK's built-in {@code com.sun.net.httpserver} (no extra dependency).
 */
public final class FakeServer {
  private static final Logger LOG = LoggerFactory.getLogger(FakeServer.class);

  /** A plugin router. */
  interface Router {
    boolean handle(Call c) throws IOException;
  }

  private final String token;
  private final FaultState faults;
  private final Map<String, Router> plugins = new LinkedHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private ExecutorService executor;

  /** Creates a server for the given store and scaffolder (not started). */
  public FakeServer(String token, FaultState faults, CatalogStore store, Scaffolder scaffolder) {
    this.token = token;
    this.faults = faults;
    plugins.put("catalog", new CatalogApi(store));
    plugins.put("scaffolder", new ScaffolderApi(scaffolder));
  }

  /** Binds 127.0.0.1 on a free port and starts serving. */
  public void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-backstage-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Stops serving and frees the port. */
  public void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }

  /** The root URL, e.g. {@code http://127.0.0.1:54321}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Number of requests received (including failed ones). */
  public int requestCount() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String rawPath = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    try {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (rawPath.startsWith("/.backstage/health/v1/")) {
        new Call(ex, ex.getRequestMethod(), rawPath, rawQuery, body).sendJson(200, Map.of("status", "ok"));
        return;
      }
      long latency = faults.latencyMillis();
      if (latency > 0) {
        Thread.sleep(latency);
      }
      if (faults.takeDisconnect()) {
        ex.close(); // no response headers sent yet: the JDK server drops the connection
        return;
      }
      String plugin = null;
      String rest = rawPath;
      if (rawPath.startsWith("/api/")) {
        int slash = rawPath.indexOf('/', 5);
        plugin = slash < 0 ? rawPath.substring(5) : rawPath.substring(5, slash);
        rest = slash < 0 ? "/" : rawPath.substring(slash);
      }
      Call call = new Call(ex, ex.getRequestMethod(), rest, rawQuery, body);
      Router router = plugin == null ? null : plugins.get(plugin);
      if (router == null) {
        call.sendEmpty(404);
        return;
      }
      dispatch(call, router);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("fake backstage: request failed", e);
      ex.close();
    }
  }

  private void dispatch(Call call, Router router) throws IOException {
    try {
      int failure = faults.takeFailure();
      if (failure != 0) {
        throw new ApiFailure(failure, ApiFailure.nameFor(failure), "Injected failure (FakeBackstage fault "
            + "injection)");
      }
      String auth = call.header("Authorization");
      if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new ApiFailure(401, "AuthenticationError", "Missing credentials");
      }
      if (!auth.substring(7).trim().equals(token)) {
        throw new ApiFailure(401, "AuthenticationError", "Illegal token");
      }
      if (!router.handle(call) && !call.responded()) {
        call.sendEmpty(404);
      }
    } catch (ApiFailure f) {
      if (call.responded()) {
        return;
      }
      if (f.rawBody != null) {
        call.sendJson(f.status, f.rawBody);
        return;
      }
      call.sendJson(f.status, errorBody(call, f.status, f.name, f.getMessage()));
    } catch (RuntimeException e) {
      if (call.responded()) {
        throw e;
      }
      LOG.debug("fake backstage: handler error", e);
      call.sendJson(500, errorBody(call, 500, "Error", String.valueOf(e.getMessage())));
    }
  }

  static Map<String, Object> errorBody(Call call, int status, String name, String message) {
    return ErrorBodies.envelope(status, name, message, call.method, call.url);
  }
}
