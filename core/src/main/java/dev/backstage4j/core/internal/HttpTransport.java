package dev.backstage4j.core.internal;

import dev.backstage4j.core.ApiError;
import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.CircuitOpenException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.OutcomeUnknownException;
import dev.backstage4j.core.OutgoingRequest;
import dev.backstage4j.core.RateLimitedException;
import dev.backstage4j.core.ResponseCompression;
import dev.backstage4j.core.ResponseTooLargeException;
import dev.backstage4j.core.RetryOptions;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that touches OkHttp. One instance per plugin backend ({@code backstage-catalog},
 * {@code backstage-scaffolder}, …) with its own named Retry and CircuitBreaker; all instances share one
 * connection pool and dispatcher. Thread-safe.
 *
 * <p>Every call runs asynchronously through Resilience4j (retry around circuit breaker around one HTTP attempt),
 * so {@link #executeAsync} parks no thread; {@link #execute} waits for the same pipeline. Retry waits are
 * scheduled on an injectable scheduler, which is how tests observe the computed delays without sleeping.
 *
 * <p>Lifecycle: every thread involved is a daemon, so a program exits when its {@code main} returns; a client's
 * {@link #close} refuses further calls, and closing the last open client also drops the shared pool's idle
 * connections.
 */
public final class HttpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String VERSION = readVersion();
  private static final int MAX_TRACE_BODY = 4096;
  /** Error bodies are only shown as excerpts and parsed for Backstage's error envelope: 64 KiB is plenty. */
  private static final long MAX_ERROR_BODY_BYTES = 64 << 10;
  /** The most one read of a streamed body waits for (see {@link #blockReads}): one parser buffer's worth. */
  private static final int STREAM_READ_BYTES = 8192;

  /** One pool and dispatcher for every client in the JVM (OkHttp's advice: share one client). */
  private static final OkHttpClient SHARED = new OkHttpClient.Builder().dispatcher(newDispatcher()).build();

  /**
   * Requests that must not be repeated go out on a new connection each, never on a pooled one. A pooled connection
   * may already be closed by the server (Backstage closes one after 5 idle seconds, and a restarted server or a
   * proxy closes them at any time), and OkHttp only probes one that has idled for 10 seconds: the request is then
   * lost with the connection, and since it may have arrived it cannot be sent again. Reads keep the shared pool:
   * one that meets a closed connection is sent again on a new one.
   */
  private static final ConnectionPool KEEPS_NO_IDLE_CONNECTION = new ConnectionPool(0, 1, TimeUnit.SECONDS);

  private static final ScheduledExecutorService RETRY_SCHEDULER = newScheduler();

  /** Clients created and not yet closed in this JVM; the last one to close releases the pooled connections. */
  private static final AtomicInteger OPEN_CLIENTS = new AtomicInteger();

  private final ClientConfig config;
  private final String backend;
  private final HttpUrl pluginRoot;
  private final OkHttpClient http;
  private final OkHttpClient httpNoSilentRetry;
  private final CredentialsProvider credentials;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final String userAgent;
  private final boolean askGzip;
  /** Shared with the views {@link #withCredentials} makes, which are closed with this transport. */
  private final AtomicBoolean closed;
  private final boolean view;

  private HttpTransport(ClientConfig config, String pluginId, ScheduledExecutorService scheduler, Clock clock) {
    this(config, "backstage-" + pluginId, HttpUrl.get(config.discovery().baseUrl(pluginId).toString()),
        scheduler, clock);
  }

  private HttpTransport(ClientConfig config, String backend, HttpUrl root, ScheduledExecutorService scheduler,
      Clock clock) {
    this.config = config;
    this.backend = backend;
    this.pluginRoot = root;
    this.scheduler = scheduler;
    this.clock = clock;
    this.credentials = config.credentials();
    OkHttpClient.Builder b = SHARED.newBuilder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        .followRedirects(false);
    config.proxy().ifPresent(b::proxy);
    configureTls(config, b);
    this.http = b.build();
    // OkHttp silently repeats a request on some connection failures; a non-repeatable POST must not be.
    this.httpNoSilentRetry = http.newBuilder().retryOnConnectionFailure(false)
        .connectionPool(KEEPS_NO_IDLE_CONNECTION).build();
    this.retry = Retry.of(backend, retryConfig(config.retry()));
    this.breaker = CircuitBreaker.of(backend, breakerConfig(config.circuitBreaker()));
    breaker.getEventPublisher().onStateTransition(e -> safely(() -> config.listener().onCircuitStateChange(
        backend, e.getStateTransition().getFromState().name(), e.getStateTransition().getToState().name())));
    this.userAgent = "backstage4j/" + VERSION + config.applicationName().map(n -> " (" + n + ")").orElse("");
    this.askGzip = wantsGzip(config.compression(), config.baseUrl());
    this.closed = new AtomicBoolean();
    this.view = false;
    OPEN_CLIENTS.incrementAndGet();
  }

  private HttpTransport(HttpTransport base, CredentialsProvider credentials) {
    this.config = base.config;
    this.backend = base.backend;
    this.pluginRoot = base.pluginRoot;
    this.http = base.http;
    this.httpNoSilentRetry = base.httpNoSilentRetry;
    this.credentials = credentials;
    this.retry = base.retry;
    this.breaker = base.breaker;
    this.scheduler = base.scheduler;
    this.clock = base.clock;
    this.userAgent = base.userAgent;
    this.askGzip = base.askGzip;
    this.closed = base.closed;
    this.view = true;
  }

  /** Creates the transport for plugin {@code pluginId} ({@code catalog}, {@code scaffolder}, {@code auth}). */
  public static HttpTransport create(ClientConfig config, String pluginId) {
    return new HttpTransport(config, pluginId, RETRY_SCHEDULER, Clock.systemUTC());
  }

  /**
   * Creates a transport rooted at {@code root} instead of a Backstage plugin, for a server outside Backstage
   * (e.g. a third-party JWKS endpoint configured for external access). {@code backend} names its retry,
   * breaker, logs and metrics; {@code config.baseUrl()} is not used for the URL.
   */
  public static HttpTransport createAt(ClientConfig config, String backend, URI root) {
    return new HttpTransport(config, backend, HttpUrl.get(root), RETRY_SCHEDULER, Clock.systemUTC());
  }

  /** Test seam: retry waits go to {@code scheduler}, {@code Retry-After} dates are read against {@code clock}. */
  static HttpTransport create(ClientConfig config, String pluginId, ScheduledExecutorService scheduler,
      Clock clock) {
    return new HttpTransport(config, pluginId, scheduler, clock);
  }

  /**
   * Returns a transport that sends {@code credentials} instead (e.g. the calling user's token), sharing the
   * connection pool, retry and circuit breaker of this one.
   */
  public HttpTransport withCredentials(CredentialsProvider credentials) {
    return new HttpTransport(this, credentials);
  }

  /**
   * Closes this transport: later calls fail with {@link IllegalStateException}, calls in flight finish. Closing
   * the last open transport in the JVM evicts the shared pool's idle connections. A view made by
   * {@link #withCredentials} does nothing on close (it belongs to the transport it came from). Idempotent.
   */
  public void close() {
    if (!view && closed.compareAndSet(false, true) && OPEN_CLIENTS.decrementAndGet() == 0) {
      SHARED.connectionPool().evictAll();
    }
  }

  private void checkOpen(ApiRequest request) {
    if (closed.get()) {
      throw new IllegalStateException(request.operation() + ": the " + backend + " client is closed");
    }
  }

  /** {@return the configuration this transport was built from} */
  public ClientConfig config() {
    return config;
  }

  /** {@return the backend name used for the retry, the breaker, logs and metrics} */
  public String backend() {
    return backend;
  }

  /** Returns the plugin root, e.g. {@code http://localhost:7007/api/catalog}. */
  public URI pluginUrl() {
    return pluginRoot.uri();
  }

  /** {@return the breaker's state name, for metrics} */
  public String circuitState() {
    return breaker.getState().name();
  }

  /** {@return the shared JSON codec} */
  public JsonCodec json() {
    return JsonCodec.shared();
  }

  /**
   * Runs {@code request} and hands a successful response to {@code handler} on the calling thread.
   *
   * @throws BackstageException for error statuses, transport failures, an open circuit or unreadable bodies
   */
  public <T> T execute(ApiRequest request, ResponseHandler<T> handler) {
    checkOpen(request);
    CompletableFuture<ApiResponse> future = send(request);
    ApiResponse response;
    try {
      response = future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new BackstageTransportException(request.operation() + " was interrupted", e);
    } catch (ExecutionException e) {
      throw withCallerFrames(rethrow(e.getCause()));
    }
    return handle(request, response, handler);
  }

  /**
   * The exception was built on a transport thread, whose stack says nothing about the caller: give it the
   * caller's frames and keep the transport thread's as a suppressed {@link TransportFrames}.
   */
  private static BackstageException withCallerFrames(BackstageException e) {
    StackTraceElement[] here = new Throwable().getStackTrace();  // [0] this method, [1] execute, [2] the caller
    for (StackTraceElement f : e.getStackTrace()) {
      if (f.getClassName().equals(HttpTransport.class.getName()) && f.getMethodName().equals("execute")) {
        return e;  // thrown on the calling thread already
      }
    }
    e.addSuppressed(new TransportFrames("built on a transport thread", e.getStackTrace()));
    e.setStackTrace(Arrays.copyOfRange(here, 1, here.length));
    return e;
  }

  /**
   * Runs {@code request} without blocking; the handler runs on a transport thread. The future fails with the
   * same {@link BackstageException} types {@link #execute} throws.
   */
  public <T> CompletableFuture<T> executeAsync(ApiRequest request, ResponseHandler<T> handler) {
    checkOpen(request);
    // Where the caller started the call; a failure carries it as a suppressed exception (a few microseconds).
    TransportFrames origin = new TransportFrames("call started here, on " + Thread.currentThread().getName(), null);
    return send(request).thenApply(response -> handle(request, response, handler))
        .exceptionallyCompose(t -> {
          BackstageException e = rethrow(t);
          e.addSuppressed(origin);
          return CompletableFuture.failedFuture(e);
        });
  }

  private <T> T handle(ApiRequest request, ApiResponse response, ResponseHandler<T> handler) {
    try {
      return handler.handle(response);
    } catch (IOException e) {
      throw ioFailure(request, e, true);
    } finally {
      if (!response.retained()) {
        response.close();
      }
    }
  }

  /** The whole pipeline: retry(breaker(attempt)), then one repeat with a refreshed token after a 401. */
  private CompletableFuture<ApiResponse> send(ApiRequest request) {
    String token = credentials.token();
    return guarded(request, token).thenCompose(response -> {
      if (response.status() != 401) {
        return CompletableFuture.completedFuture(response);
      }
      String fresh = credentials.refresh();
      if (fresh == null) {
        return CompletableFuture.failedFuture(apiError(request, response, new EchoScrubber(request, token)));
      }
      LOG.debug("{} {} {} -> 401, repeating once with a refreshed token", backend, request.method(),
          request.pathTemplate());
      return guarded(request, fresh).thenCompose(second -> second.status() == 401
          ? CompletableFuture.failedFuture(apiError(request, second, new EchoScrubber(request, token, fresh)))
          : CompletableFuture.completedFuture(second));
    }).thenCompose(response -> response.status() >= 400
        ? CompletableFuture.failedFuture(apiError(request, response,
            new EchoScrubber(request, token, credentials.token())))
        : CompletableFuture.completedFuture(response));
  }

  private CompletableFuture<ApiResponse> guarded(ApiRequest request, String token) {
    Supplier<java.util.concurrent.CompletionStage<ApiResponse>> attempt = () -> attempt(request, token);
    Supplier<java.util.concurrent.CompletionStage<ApiResponse>> withBreaker =
        config.circuitBreaker().enabled() ? CircuitBreaker.decorateCompletionStage(breaker, attempt) : attempt;
    return retry.executeCompletionStage(scheduler, withBreaker).toCompletableFuture()
        .exceptionallyCompose(t -> {
          Throwable cause = Futures.unwrap(t);
          if (cause instanceof StatusFailure) {
            // 5xx and 429 fail the stage so breaker and retry see them; after the last retry they are answers.
            return CompletableFuture.completedFuture(((StatusFailure) cause).response);
          }
          return CompletableFuture.failedFuture(cause);
        });
  }

  /** One HTTP exchange. Fails the stage for 5xx/429 (so they count and can be retried) and I/O failures. */
  private CompletableFuture<ApiResponse> attempt(ApiRequest request, String token) {
    CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    OutgoingRequest outgoing = new OutgoingRequest(backend, request.method(), request.pathTemplate());
    Request okRequest = withListenerHeaders(outgoing, toOkRequest(request, token));
    OkHttpClient client = request.repeatable() ? http : httpNoSilentRetry;
    if (request.readTimeout() != null) {
      client = client.newBuilder().readTimeout(request.readTimeout()).build();
    }
    Call call = client.newCall(okRequest);
    if (request.streaming()) {
      call.timeout().timeout(0, TimeUnit.NANOSECONDS);
    }
    long start = System.nanoTime();
    if (LOG.isTraceEnabled()) {
      LOG.trace("{} {} {} request body: {}", backend, request.method(), Redaction.url(okRequest.url().toString()),
          request.jsonBody() == null ? "(none)" : request.sensitiveBody() ? "(redacted: holds secrets)"
              : Redaction.body(json().writeString(request.jsonBody()), MAX_TRACE_BODY));
    }
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("{} {} {} failed after {} ms: {}", backend, request.method(), request.pathTemplate(),
            took.toMillis(), e.toString());
        safely(() -> config.listener().onAttempt(backend, request.method(), request.pathTemplate(), 0, took));
        safely(() -> config.listener().onResponse(outgoing, 0, took));
        result.completeExceptionally(new AttemptFailure(request, e, neverReachedServer(e)));
      }

      @Override
      public void onResponse(Call c, Response r) {
        // Whatever goes wrong here must complete the future: a caller waits on it (an OutOfMemoryError or a
        // listener's bug left it pending forever once).
        try {
          respond(c, r);
        } catch (Throwable t) {
          r.close();
          result.completeExceptionally(t instanceof BackstageException ? t
              : new BackstageException(request.operation() + " failed while its answer was read: " + t, t));
        }
      }

      private void respond(Call c, Response r) {
        int status = r.code();
        String encoding = r.header("Content-Encoding");
        if (status < 300 && encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
          // OkHttp removes the header when it decoded the body itself; still there means still encoded.
          r.close();
          result.completeExceptionally(new BackstageDecodingException(request.operation() + " answered with"
              + " Content-Encoding: " + encoding + ", which this client did not ask for and cannot read"
              + " (a proxy or gateway compressing on its own?)", "$", null));
          return;
        }
        ApiResponse response;
        boolean buffer = !request.streaming() || status >= 300;
        if (buffer) {
          try (ResponseBody body = r.body()) {
            byte[] bytes = body == null ? new byte[0] : status >= 400
                ? readAtMost(body, MAX_ERROR_BODY_BYTES)
                : readWhole(body, config.maxResponseBytes(), request);
            response = ApiResponse.buffered(status, r::headers, bytes);
          } catch (IOException e) {
            onFailure(c, e);
            return;
          }
        } else {
          ResponseBody body = r.body();
          if (body != null) {
            try {
              // Wait for the first byte here: a connection lost before it is an attempt that failed, which the
              // retry policy repeats for a safe request; after it, the caller's stream has begun.
              body.source().request(1);
            } catch (IOException e) {
              r.close();
              onFailure(c, e);
              return;
            }
          }
          InputStream in = body == null ? InputStream.nullInputStream() : blockReads(body.source());
          response = ApiResponse.streaming(status, r::headers, in, r::close);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.debug("{} {} {} -> {} ({} ms)", backend, request.method(), request.pathTemplate(), status,
            took.toMillis());
        if (LOG.isTraceEnabled() && buffer) {
          LOG.trace("{} {} {} response body: {}", backend, request.method(), request.pathTemplate(),
              Redaction.body(new EchoScrubber(request, token).scrub(safeText(response)), MAX_TRACE_BODY));
        }
        safely(() -> config.listener().onAttempt(backend, request.method(), request.pathTemplate(), status, took));
        safely(() -> config.listener().onResponse(outgoing, status, took));
        if (status >= 500 || status == 429) {
          result.completeExceptionally(new StatusFailure(request, response, retryAfter(response)));
        } else {
          result.complete(response);
        }
      }
    });
    result.whenComplete((r, t) -> {
      if (result.isCancelled()) {
        call.cancel();
      }
    });
    return result;
  }

  /**
   * Opens a server-sent event stream. The returned handle closes it. Error statuses arrive as
   * {@link EventStreamListener#onFailure} with the usual typed exception.
   */
  public AutoCloseable openEventStream(ApiRequest request, EventStreamListener listener) {
    checkOpen(request);
    String token = credentials.token();
    OutgoingRequest outgoing = new OutgoingRequest(backend, request.method(), request.pathTemplate());
    Request okRequest = withListenerHeaders(outgoing, toOkRequest(request, token).newBuilder()
        .header("Accept", "text/event-stream").build());
    long start = System.nanoTime();
    AtomicBoolean told = new AtomicBoolean();
    OkHttpClient client = http.newBuilder().callTimeout(Duration.ZERO)
        .readTimeout(request.readTimeout() != null ? request.readTimeout() : config.readTimeout()).build();
    LOG.debug("{} {} {} opening event stream", backend, request.method(), request.pathTemplate());
    EventSource source = EventSources.createFactory(client).newEventSource(okRequest, new EventSourceListener() {
      @Override
      public void onOpen(EventSource es, Response response) {
        if (told.compareAndSet(false, true)) {
          safely(() -> config.listener().onResponse(outgoing, response.code(),
              Duration.ofNanos(System.nanoTime() - start)));
        }
        listener.onOpen();
      }

      @Override
      public void onEvent(EventSource es, String id, String type, String data) {
        listener.onEvent(id, type, data);
      }

      @Override
      public void onClosed(EventSource es) {
        LOG.debug("{} {} {} event stream closed by server", backend, request.method(), request.pathTemplate());
        listener.onClosed();
      }

      @Override
      public void onFailure(EventSource es, Throwable t, Response response) {
        if (told.compareAndSet(false, true)) {
          safely(() -> config.listener().onResponse(outgoing, response == null ? 0 : response.code(),
              Duration.ofNanos(System.nanoTime() - start)));
        }
        BackstageException error;
        if (response != null && response.code() >= 300) {
          byte[] body = new byte[0];
          try (ResponseBody b = response.body()) {
            body = b == null ? body : readAtMost(b, MAX_ERROR_BODY_BYTES);
          } catch (IOException ignored) {
            // the status alone still says what went wrong
          }
          error = apiError(request, ApiResponse.buffered(response.code(), response::headers, body),
              new EchoScrubber(request, token));
        } else if (t instanceof IOException) {
          error = ioFailure(request, (IOException) t, true);
        } else {
          error = new BackstageTransportException(request.operation() + " event stream failed: " + t, t);
        }
        LOG.debug("{} {} {} event stream failed: {}", backend, request.method(), request.pathTemplate(),
            error.getMessage());
        listener.onFailure(error);
      }
    });
    return source::cancel;
  }

  /** Lets the listeners see the request and add their headers (tracing, request ids, gateway headers). */
  private Request withListenerHeaders(OutgoingRequest outgoing, Request okRequest) {
    config.listener().onRequest(outgoing);
    if (outgoing.headers().isEmpty()) {
      return okRequest;
    }
    Request.Builder b = okRequest.newBuilder();
    outgoing.headers().forEach(b::header);
    return b.build();
  }

  private Request toOkRequest(ApiRequest request, String token) {
    HttpUrl url;
    if (request.relativeUrl() != null) {
      String rel = request.relativeUrl();
      url = HttpUrl.get(pluginRoot + (rel.startsWith("/") ? rel : "/" + rel));
    } else {
      HttpUrl.Builder u = pluginRoot.newBuilder();
      int param = 0;
      for (String segment : request.pathTemplate().substring(1).split("/", -1)) {
        if (segment.startsWith("{") && segment.endsWith("}")) {
          u.addPathSegment(request.pathParams().get(param++));
        } else if (!segment.isEmpty()) {
          u.addPathSegment(segment);
        }
      }
      for (Map.Entry<String, String> q : request.query()) {
        u.addQueryParameter(q.getKey(), q.getValue());
      }
      url = u.build();
    }
    Request.Builder b = new Request.Builder().url(url).header("User-Agent", userAgent);
    if (!askGzip) {
      // OkHttp asks for gzip unless told otherwise; see ResponseCompression for why that is not always wanted.
      b.header("Accept-Encoding", "identity");
    }
    b.header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    request.headers().forEach(b::header);
    RequestBody body = null;
    if (request.jsonBody() != null) {
      body = RequestBody.create(json().write(request.jsonBody()), JSON);
    } else if (request.method().equals("POST") || request.method().equals("PUT")) {
      body = RequestBody.create(new byte[0], null);
    }
    return b.method(request.method(), body).build();
  }

  private BackstageApiException apiError(ApiRequest request, ApiResponse response, EchoScrubber scrubber) {
    byte[] body;
    try {
      body = scrubber.scrub(response.bytes());
    } catch (IOException e) {
      body = new byte[0];
    } finally {
      response.close();
    }
    ApiError error = ErrorBodies.parse(response.status(), body);
    if (response.status() == 429) {
      return new RateLimitedException(request.operation(), error, retryAfter(response));
    }
    if (response.status() == 401 && error.name().isEmpty()) {
      return new AuthenticationException(request.operation(), error);
    }
    return BackstageApiException.of(request.operation(), error);
  }

  private BackstageException rethrow(Throwable t) {
    Throwable cause = Futures.unwrap(t);
    if (cause instanceof BackstageException) {
      return (BackstageException) cause;
    }
    if (cause instanceof AttemptFailure) {
      AttemptFailure f = (AttemptFailure) cause;
      return ioFailure(f.request, f.io, !f.neverReachedServer);
    }
    if (cause instanceof CallNotPermittedException) {
      return new CircuitOpenException(backend + " is unavailable: recent calls mostly failed, so calls are "
          + "refused for up to " + config.circuitBreaker().waitInOpenState().toSeconds() + " s", cause);
    }
    if (cause instanceof RuntimeException) {
      return new BackstageException(cause.getMessage(), cause);
    }
    return new BackstageException(String.valueOf(cause), cause);
  }

  private BackstageTransportException ioFailure(ApiRequest request, IOException e, boolean mayHaveReachedServer) {
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (mayHaveReachedServer && !request.repeatable()) {
      return new OutcomeUnknownException(request.operation() + " failed after the request may have reached "
          + pluginRoot.host() + ":" + pluginRoot.port() + " (" + what + "); it was not repeated because it is "
          + "not safe to repeat — " + request.outcomeHint(), e);
    }
    return new BackstageTransportException(request.operation() + " failed: could not get an answer from "
        + pluginRoot.scheme() + "://" + pluginRoot.host() + ":" + pluginRoot.port() + " (" + what + ")", e);
  }

  private RetryConfig retryConfig(RetryOptions options) {
    IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(options.initialBackoff(),
        options.multiplier(), 0.5, options.maxBackoff());
    return RetryConfig.<ApiResponse>custom()
        .maxAttempts(options.maxRetries() + 1)
        .retryOnException(t -> {
          Throwable c = Futures.unwrap(t);
          return c instanceof AttemptFailure ? ((AttemptFailure) c).retryable()
              : c instanceof StatusFailure && ((StatusFailure) c).retryable(options);
        })
        .intervalBiFunction((Integer attempt, Either<Throwable, ApiResponse> outcome) -> {
          long wait = backoff.apply(attempt);
          ApiRequest request = null;
          if (outcome.isLeft()) {
            Throwable c = Futures.unwrap(outcome.getLeft());
            if (c instanceof StatusFailure) {
              request = ((StatusFailure) c).request;
              Duration after = ((StatusFailure) c).retryAfter;
              if (after != null) {
                wait = after.toMillis();
              }
            } else if (c instanceof AttemptFailure) {
              request = ((AttemptFailure) c).request;
            }
          }
          if (request != null) {
            ApiRequest r = request;
            long w = wait;
            LOG.debug("{} {} {} attempt {} failed, retrying in {} ms", backend, r.method(), r.pathTemplate(),
                attempt, w);
            safely(() -> config.listener().onRetry(backend, r.method(), r.pathTemplate(), attempt,
                Duration.ofMillis(w)));
          }
          return wait;
        })
        .build();
  }

  private static CircuitBreakerConfig breakerConfig(CircuitBreakerOptions o) {
    return CircuitBreakerConfig.custom()
        .failureRateThreshold(o.failureRateThreshold())
        .slidingWindowSize(o.slidingWindowSize())
        .minimumNumberOfCalls(o.minimumCalls())
        .waitDurationInOpenState(o.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(o.callsInHalfOpenState())
        .recordException(t -> {
          Throwable c = Futures.unwrap(t);
          return c instanceof AttemptFailure || c instanceof StatusFailure && ((StatusFailure) c).status() >= 500;
        })
        .build();
  }

  /** Parses {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  private Duration retryAfter(ApiResponse response) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  private static boolean neverReachedServer(IOException e) {
    return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
  }

  static boolean wantsGzip(ResponseCompression compression, URI baseUrl) {
    if (compression != ResponseCompression.AUTO) {
      return compression == ResponseCompression.GZIP;
    }
    String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
        || host.endsWith(".internal") || host.endsWith(".lan")) {
      return false;
    }
    if (!isIpLiteral(host)) {
      return true;
    }
    try {
      InetAddress a = InetAddress.getByName(host.replace("[", "").replace("]", ""));
      return !(a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
          || a.isAnyLocalAddress());
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  private static void configureTls(ClientConfig config, OkHttpClient.Builder b) {
    try {
      if (config.sslContext().isPresent()) {
        b.sslSocketFactory(config.sslContext().get().getSocketFactory(), config.trustManager().orElseThrow());
      } else if (config.trustStore().isPresent()) {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(config.trustStore().get());
        X509TrustManager tm = Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
            .map(X509TrustManager.class::cast).findFirst()
            .orElseThrow(() -> new IllegalStateException("the trust store yields no X509 trust manager"));
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {tm}, null);
        b.sslSocketFactory(ssl.getSocketFactory(), tm);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS from the configured trust store: " + e.getMessage(), e);
    }
  }

  private static Dispatcher newDispatcher() {
    // OkHttp's own executor, but with daemon threads: its threads linger 60 s after the last call and, as
    // non-daemons, kept a one-call main() alive that long.
    Dispatcher d = new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads("backstage4j-http")));
    // Synchronous calls also go through the async dispatcher; OkHttp's default of 5 per host would queue them.
    d.setMaxRequests(256);
    d.setMaxRequestsPerHost(64);
    return d;
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemonThreads("backstage4j-retry"));
    s.setRemoveOnCancelPolicy(true);
    return s;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static String readVersion() {
    try (InputStream in = HttpTransport.class.getResourceAsStream("/dev/backstage4j/core/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }

  /** The body, or {@link ResponseTooLargeException} as soon as more than {@code limit} bytes arrived. */
  private static byte[] readWhole(ResponseBody body, long limit, ApiRequest request) throws IOException {
    if (body.contentLength() > limit) {
      throw new ResponseTooLargeException(request.operation(), limit);
    }
    BufferedSource source = body.source();
    if (source.request(limit + 1)) {
      throw new ResponseTooLargeException(request.operation(), limit);
    }
    return source.readByteArray();
  }

  /**
   * A streamed body whose reads fill the reader's buffer (up to {@value #STREAM_READ_BYTES} bytes) across HTTP chunk
   * boundaries: Backstage sends {@code GET /entities} as one chunk per entity (~800 bytes), and handing the JSON
   * parser one chunk per read cost about a tenth of the decoding. The price: an item is seen once that many bytes
   * (or the end) arrived, which for a server that trickles means a little later.
   */
  private static InputStream blockReads(BufferedSource source) {
    return new InputStream() {
      // A connection lost while filling: the bytes that did arrive are handed out first, then this is thrown.
      private IOException broken;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        int want = Math.min(len, STREAM_READ_BYTES);
        Buffer buffer = source.getBuffer();
        if (broken == null) {
          try {
            source.request(want);  // false when the body ends first: what is there is read below
          } catch (IOException e) {
            broken = e;
          }
        }
        if (buffer.size() == 0) {
          if (broken != null) {
            throw broken;
          }
          return -1;
        }
        int n = 0;
        while (n < want && buffer.size() > 0) {
          n += buffer.read(b, off + n, want - n);
        }
        return n;
      }

      @Override
      public int available() {
        return (int) Math.min(source.getBuffer().size(), Integer.MAX_VALUE);
      }

      @Override
      public void close() throws IOException {
        source.close();
      }
    };
  }

  /** The first {@code limit} bytes of the body: an error body is only ever shown as an excerpt. */
  private static byte[] readAtMost(ResponseBody body, long limit) throws IOException {
    BufferedSource source = body.source();
    source.request(limit);
    return source.getBuffer().readByteArray(Math.min(limit, source.getBuffer().size()));
  }

  private static String safeText(ApiResponse response) {
    try {
      return response.text();
    } catch (IOException e) {
      return "(unreadable)";
    }
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.debug("a RequestListener threw; ignored", e);
    }
  }

  /** Frames from another thread, attached to a {@link BackstageException} as a suppressed exception. */
  static final class TransportFrames extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Takes {@code frames}, or the current thread's when null. */
    TransportFrames(String message, StackTraceElement[] frames) {
      super(message, null, false, true);
      if (frames != null) {
        setStackTrace(frames);
      }
    }
  }

  /** An attempt that got no answer. */
  private static final class AttemptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ApiRequest request;
    final IOException io;
    final boolean neverReachedServer;

    AttemptFailure(ApiRequest request, IOException io, boolean neverReachedServer) {
      super(io.getMessage(), io, false, false);
      this.request = request;
      this.io = io;
      this.neverReachedServer = neverReachedServer;
    }

    boolean retryable() {
      return request.repeatable() || neverReachedServer;
    }
  }

  /** An attempt answered with 5xx or 429: a failure for the breaker and retry, an answer in the end. */
  private static final class StatusFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ApiRequest request;
    final transient ApiResponse response;
    final transient Duration retryAfter;

    StatusFailure(ApiRequest request, ApiResponse response, Duration retryAfter) {
      super("HTTP " + response.status(), null, false, false);
      this.request = request;
      this.response = response;
      this.retryAfter = retryAfter;
    }

    int status() {
      return response.status();
    }

    boolean retryable(RetryOptions options) {
      int s = status();
      boolean retryableStatus = s == 429 || s == 502 || s == 503 || s == 504;
      boolean safe = request.repeatable() || s == 429;
      boolean waitOk = retryAfter == null || retryAfter.compareTo(options.maxRetryAfter()) <= 0;
      return retryableStatus && safe && waitOk;
    }
  }
}
