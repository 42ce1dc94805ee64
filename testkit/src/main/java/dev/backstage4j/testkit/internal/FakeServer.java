package dev.backstage4j.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backstage4j.core.internal.ErrorBodies;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.JwksUnavailableException;
import dev.backstage4j.plugin.TokenRejectedException;
import dev.backstage4j.plugin.TokenRejection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback HTTP server: Backstage's auth (static token, user and plugin tokens, the JWKS routes), fault
 * injection, the backend's error middleware, and routing to the
 * catalog and scaffolder routers. Uses the JDK's built-in {@code com.sun.net.httpserver} (no extra dependency).
 */
public final class FakeServer {
  private static final Logger LOG = LoggerFactory.getLogger(FakeServer.class);

  /** A plugin router. */
  interface Router {
    boolean handle(Call c) throws IOException;
  }

  private final FakeIdentity identity;
  private final FaultState faults;
  private final Map<String, Router> plugins = new LinkedHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private ExecutorService executor;

  /** Creates a server for the given store and scaffolder (not started). */
  public FakeServer(FakeIdentity identity, FaultState faults, CatalogStore store, Scaffolder scaffolder) {
    this.identity = identity;
    this.faults = faults;
    plugins.put("catalog", new CatalogApi(store));
    plugins.put("scaffolder", new ScaffolderApi(scaffolder));
    plugins.put("notifications", new NotificationsApi(store));
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
    identity.started(baseUrl());
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
      if (servedUnauthenticated(call, plugin, rest)) {
        return;
      }
      Router router = plugin == null ? null : plugins.get(plugin);
      if (router == null) {
        call.sendEmpty(404);
        return;
      }
      dispatch(call, router, plugin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("fake backstage: request failed", e);
      ex.close();
    }
  }

  /** The JWKS routes Node mounts before its credentials barrier. */
  private boolean servedUnauthenticated(Call call, String plugin, String rest) throws IOException {
    if (!"GET".equals(call.method)) {
      return false;
    }
    if ("auth".equals(plugin) && "/.well-known/jwks.json".equals(rest)) {
      call.send(200, "application/json; charset=utf-8", identity.authJwks().getBytes(StandardCharsets.UTF_8), Map.of());
      return true;
    }
    if (plugin != null && plugins.containsKey(plugin) && "/.backstage/auth/v1/jwks.json".equals(rest)) {
      call.send(200, "application/json; charset=utf-8",
          identity.pluginJwks(plugin).getBytes(StandardCharsets.UTF_8), Map.of());
      return true;
    }
    return false;
  }

  private BackstagePrincipal authenticate(Call call, String plugin) {
    try {
      return identity.authenticate(plugin, call.header("Authorization"));
    } catch (TokenRejectedException e) {
      if (e.reason() == TokenRejection.MISSING) {
        throw new ApiFailure(401, "AuthenticationError", "Missing credentials");
      }
      LOG.debug("fake backstage: rejected credentials: {} ({})", e.getMessage(), e.reason());
      throw new ApiFailure(401, "AuthenticationError", "Illegal token");
    } catch (JwksUnavailableException e) {
      throw new ApiFailure(503, "ServiceUnavailableError", e.getMessage());
    }
  }

  private void dispatch(Call call, Router router, String plugin) throws IOException {
    try {
      int failure = faults.takeFailure();
      if (failure != 0) {
        throw new ApiFailure(failure, ApiFailure.nameFor(failure), "Injected failure (FakeBackstage fault "
            + "injection)");
      }
      call.principal = authenticate(call, plugin);
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
