package dev.backstage4j.core;

import java.net.Proxy;
import java.net.URI;
import java.security.KeyStore;
import dev.backstage4j.core.internal.Listeners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * How a client reaches a Backstage backend: base URL, credentials, timeouts, retries, circuit breaker, proxy,
 * TLS trust and compression. Immutable; derive variants with {@link #toBuilder()}.
 *
 * <p>The base URL is the backend's root (e.g. {@code https://backstage.example.com}); each client appends its
 * plugin path ({@code /api/catalog}, {@code /api/scaffolder}, {@code /api/auth}). {@link #toString()} never shows
 * the credentials.
 */
public final class ClientConfig {
  /** The default of {@link Builder#maxResponseBytes(long)}: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L << 20;

  private final URI baseUrl;
  private final Discovery explicitDiscovery;  // null: every plugin at {baseUrl}/api/{pluginId}
  private final Discovery discovery;
  private final CredentialsProvider credentials;
  private final String applicationName;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final Proxy proxy;
  private final SSLContext sslContext;
  private final X509TrustManager trustManager;
  private final KeyStore trustStore;
  private final RetryOptions retry;
  private final CircuitBreakerOptions circuitBreaker;
  private final ResponseCompression compression;
  private final long maxResponseBytes;
  private final List<RequestListener> listeners;
  private final RequestListener listener;  // all of them as one

  private ClientConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.explicitDiscovery = b.discovery;
    this.discovery = b.discovery != null ? b.discovery : Discovery.of(b.baseUrl);
    this.credentials = b.credentials;
    this.applicationName = b.applicationName;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.callTimeout = b.callTimeout;
    this.proxy = b.proxy;
    this.sslContext = b.sslContext;
    this.trustManager = b.trustManager;
    this.trustStore = b.trustStore;
    this.retry = b.retry;
    this.circuitBreaker = b.circuitBreaker;
    this.compression = b.compression;
    this.listeners = List.copyOf(b.listeners);
    this.listener = Listeners.of(listeners);
  }

  /** {@return a builder with the defaults (no credentials, 10 s connect, 60 s read, 120 s whole call)} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this configuration} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.baseUrl = baseUrl;
    b.discovery = explicitDiscovery;
    b.credentials = credentials;
    b.applicationName = applicationName;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.maxResponseBytes = maxResponseBytes;
    b.callTimeout = callTimeout;
    b.proxy = proxy;
    b.sslContext = sslContext;
    b.trustManager = trustManager;
    b.trustStore = trustStore;
    b.retry = retry;
    b.circuitBreaker = circuitBreaker;
    b.compression = compression;
    b.listeners.addAll(listeners);
    return b;
  }

  /** {@return the backend's base URL, without a trailing slash} */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * {@return where each plugin lives: {@code {baseUrl}/api/{pluginId}} unless {@link Builder#discovery} routes it
   * elsewhere}
   */
  public Discovery discovery() {
    return discovery;
  }

  /** {@return where tokens come from} */
  public CredentialsProvider credentials() {
    return credentials;
  }

  /** {@return the name put in the {@code User-Agent} header, e.g. {@code team-sync-script}} */
  public Optional<String> applicationName() {
    return Optional.ofNullable(applicationName);
  }

  /** {@return the timeout for opening a connection} */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@return the longest silence while reading a response} Must exceed the scaffolder's 30 s long poll. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** {@return the limit for a whole call; {@link Duration#ZERO} means none} Streaming reads are exempt. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** {@return the proxy to use, if one was set; otherwise the JVM's default proxy selection applies} */
  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** {@return the custom TLS context, if one was set} */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** {@return the trust manager that goes with {@link #sslContext()}, if one was set} */
  public Optional<X509TrustManager> trustManager() {
    return Optional.ofNullable(trustManager);
  }

  /** {@return the trust store whose certificates are trusted instead of the JVM's, if one was set} */
  public Optional<KeyStore> trustStore() {
    return Optional.ofNullable(trustStore);
  }

  /** {@return the retry options} */
  public RetryOptions retry() {
    return retry;
  }

  /** {@return the circuit breaker options} */
  public CircuitBreakerOptions circuitBreaker() {
    return circuitBreaker;
  }

  /** {@return the largest response body read whole into memory, in bytes} */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** {@return whether responses are requested compressed} */
  public ResponseCompression compression() {
    return compression;
  }

  /**
   * {@return one listener that tells every added listener, in the order added; one that throws does not stop
   * the others}
   */
  public RequestListener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "ClientConfig{baseUrl=" + baseUrl + ", credentials=" + credentials + ", applicationName="
        + applicationName + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", callTimeout=" + callTimeout + ", proxy=" + proxy + ", customTls=" + (sslContext != null
        || trustStore != null) + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker + ", compression="
        + compression + ", maxResponseBytes=" + maxResponseBytes + "}";
  }

  /** Builds a {@link ClientConfig}. Not thread-safe. */
  public static final class Builder {
    private URI baseUrl;
    private Discovery discovery;
    private CredentialsProvider credentials = CredentialsProvider.none();
    private String applicationName;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofSeconds(120);
    private Proxy proxy;
    private SSLContext sslContext;
    private X509TrustManager trustManager;
    private KeyStore trustStore;
    private RetryOptions retry = RetryOptions.defaults();
    private CircuitBreakerOptions circuitBreaker = CircuitBreakerOptions.defaults();
    private ResponseCompression compression = ResponseCompression.AUTO;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private final List<RequestListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the backend's base URL (required), e.g. {@code http://localhost:7007}.
     *
     * @param baseUrl the backend's root, without {@code /api}
     * @return this builder, for chaining
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (baseUrl.getRawUserInfo() != null) {
        // Never echo it: the user-info part is a password. OkHttp would not send it either.
        throw new IllegalArgumentException("baseUrl must not carry credentials (user:password@host): they would"
            + " show in logs and toString() and are not sent; authenticate with a token instead. The URL was "
            + withoutUserInfo(baseUrl.toString()));
      }
      String scheme = baseUrl.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || baseUrl.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + baseUrl);
      }
      if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment, was " + baseUrl);
      }
      String s = baseUrl.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      this.baseUrl = URI.create(s);
      return this;
    }

    /**
     * Sets the backend's base URL from a string.
     *
     * @param baseUrl the backend's root, without {@code /api}, e.g. {@code https://backstage.example.com}
     * @return this builder, for chaining
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      URI uri;
      try {
        uri = URI.create(baseUrl.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: " + withoutUserInfo(e.getMessage()));
      }
      return baseUrl(uri);
    }

    /** {@code scheme://user:pw@host} becomes {@code scheme://****@host}, wherever it stands in {@code text}. */
    private static String withoutUserInfo(String text) {
      return text.replaceAll("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]*@", "$1****@");
    }

    /**
     * Sets where tokens come from (default: none).
     *
     * @param credentials the token source asked before every call
     * @return this builder, for chaining
     */
    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sends this static token.
     *
     * @param token the bearer token sent on every call; never shown in {@code toString()}
     * @return this builder, for chaining
     */
    public Builder token(String token) {
      return credentials(CredentialsProvider.staticToken(token));
    }

    /**
     * Sets the application name shown in the {@code User-Agent} header.
     *
     * @param applicationName your application's name, so server logs show who calls
     * @return this builder, for chaining
     */
    public Builder applicationName(String applicationName) {
      this.applicationName = applicationName;
      return this;
    }

    /**
     * Sets the connect timeout.
     *
     * @param timeout the longest wait for a TCP (and TLS) connection
     * @return this builder, for chaining
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = RetryOptions.Builder.positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout (longest silence while reading).
     *
     * @param timeout the longest wait for the next bytes of an answer
     * @return this builder, for chaining
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = RetryOptions.Builder.positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the limit for a whole call; {@link Duration#ZERO} for none.
     *
     * @param timeout the longest one attempt may take, from connecting to the last byte
     * @return this builder, for chaining
     */
    public Builder callTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "callTimeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout must not be negative, was " + timeout);
      }
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Routes calls through {@code proxy}.
     *
     * @param proxy the HTTP or SOCKS proxy every call goes through
     * @return this builder, for chaining
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * Uses a custom TLS context and the trust manager it was built with. Hostnames are still verified.
     *
     * @param sslContext the TLS context to connect with
     * @param trustManager the trust manager {@code sslContext} was initialised with
     * @return this builder, for chaining
     */
    public Builder sslContext(SSLContext sslContext, X509TrustManager trustManager) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
      this.trustStore = null;
      return this;
    }

    /**
     * Trusts the certificates in {@code trustStore} (e.g. a company CA) instead of the JVM's defaults.
     *
     * @param trustStore the certificates to trust, loaded by the caller
     * @return this builder, for chaining
     */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
      this.sslContext = null;
      this.trustManager = null;
      return this;
    }

    /**
     * Sets the retry options ({@link RetryOptions#disabled()} to switch retries off).
     *
     * @param retry how often and how long apart failed calls are repeated
     * @return this builder, for chaining
     */
    public Builder retry(RetryOptions retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets the circuit breaker options ({@link CircuitBreakerOptions#disabled()} to switch it off).
     *
     * @param circuitBreaker when calls to a failing backend are refused at once
     * @return this builder, for chaining
     */
    public Builder circuitBreaker(CircuitBreakerOptions circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /**
     * Sets whether responses are requested compressed (default {@link ResponseCompression#AUTO}).
     *
     * @param compression when to ask for gzip
     * @return this builder, for chaining
     */
    public Builder compression(ResponseCompression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * Sets the largest response body read whole into memory (default 32 MiB): single entities, pages, dry-run
     * results. A larger one fails with {@link ResponseTooLargeException} instead of exhausting the heap; streamed
     * reads ({@code streamAll}, {@code query()} item by item) are not limited by it.
     *
     * @param maxResponseBytes the limit in bytes, at least 1
     * @return this builder, for chaining
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Routes plugin ids to base URLs the way Backstage's {@code discovery.endpoints} does (default: every plugin at
     * {@code {baseUrl}/api/{pluginId}}). Every client and every JWKS lookup built from this configuration uses it.
     *
     * @param discovery the plugin-id to URL routing
     * @return this builder, for chaining
     */
    public Builder discovery(Discovery discovery) {
      this.discovery = Objects.requireNonNull(discovery, "discovery");
      return this;
    }

    /**
     * Adds a listener told about every call (metrics, tracing, audit) and allowed to add headers to it; call
     * again to add more. Listeners run in the order added.
     *
     * @param listener the listener to add
     * @return this builder, for chaining
     */
    public Builder listener(RequestListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * {@return the configuration}
     *
     * @throws IllegalStateException when the base URL was not set
     */
    public ClientConfig build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required, e.g. http://localhost:7007");
      }
      return new ClientConfig(this);
    }
  }
}
