package dev.backstage4j.spring;

import dev.backstage4j.core.ResponseCompression;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code backstage.*} properties. Two are enough for a service: {@code backstage.base-url} and
 * {@code backstage.token}. Unset timeouts and retry settings keep the SDK's defaults ({@code ClientConfig}).
 */
@ConfigurationProperties("backstage")
public class BackstageProperties {
  /** The backend's root URL, e.g. http://backstage:7007 (the clients add /api/catalog, /api/scaffolder). */
  private URI baseUrl;
  /** The token sent as "Authorization: Bearer", e.g. a static external-access token of the backend. */
  private String token;
  /** The name sent in the User-Agent header, e.g. the service's name. */
  private String applicationName;
  /** Timeout for opening a connection (SDK default 10s). */
  private Duration connectTimeout;
  /** Longest silence while reading a response (SDK default 60s; must exceed the scaffolder's 30s long poll). */
  private Duration readTimeout;
  /** Limit for a whole call, 0 for none (SDK default 120s; streaming reads are exempt). */
  private Duration callTimeout;
  /** Whether responses are requested gzip-compressed (AUTO: only when the backend is not local or private). */
  private ResponseCompression compression;
  /** Retries of idempotent calls. */
  private final Retry retry = new Retry();
  /** An HTTP proxy between the service and the backend. */
  private final Proxy proxy = new Proxy();
  /** TLS to the backend. */
  private final Ssl ssl = new Ssl();
  /** This service as a Backstage backend plugin (needs backstage4j-plugin on the classpath). */
  private final Plugin plugin = new Plugin();
  /**
   * Where plugins live when not at {base-url}/api/{pluginId}, as Backstage's discovery.endpoints: entries with a
   * target (e.g. http://javatools:8080/api/{{pluginId}}) and the plugin ids (or *) it serves; the first entry
   * naming an id wins.
   */
  private final Discovery discovery = new Discovery();

  /** {@return the backend's root URL, e.g. http://backstage:7007 (the clients add /api/catalog, /api/scaffolder)} */
  public URI getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the backend's root URL, e.g. http://backstage:7007 (the clients add /api/catalog, /api/scaffolder).
   *
   * @param baseUrl the value
   */
  public void setBaseUrl(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@return the token sent as "Authorization: Bearer", e.g. a static external-access token of the backend} */
  public String getToken() {
    return token;
  }

  /**
   * Sets the token sent as "Authorization: Bearer", e.g. a static external-access token of the backend.
   *
   * @param token the value
   */
  public void setToken(String token) {
    this.token = token;
  }

  /** {@return the name sent in the User-Agent header, e.g. the service's name} */
  public String getApplicationName() {
    return applicationName;
  }

  /**
   * Sets the name sent in the User-Agent header, e.g. the service's name.
   *
   * @param applicationName the value
   */
  public void setApplicationName(String applicationName) {
    this.applicationName = applicationName;
  }

  /** {@return timeout for opening a connection (SDK default 10s)} */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets timeout for opening a connection (SDK default 10s).
   *
   * @param connectTimeout the value
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * {@return longest silence while reading a response (SDK default 60s; must exceed the scaffolder's 30s long poll)}
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets longest silence while reading a response (SDK default 60s; must exceed the scaffolder's 30s long poll).
   *
   * @param readTimeout the value
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** {@return limit for a whole call, 0 for none (SDK default 120s; streaming reads are exempt)} */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets limit for a whole call, 0 for none (SDK default 120s; streaming reads are exempt).
   *
   * @param callTimeout the value
   */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * {@return whether responses are requested gzip-compressed (AUTO: only when the backend is not local or private)}
   */
  public ResponseCompression getCompression() {
    return compression;
  }

  /**
   * Sets whether responses are requested gzip-compressed (AUTO: only when the backend is not local or private).
   *
   * @param compression the value
   */
  public void setCompression(ResponseCompression compression) {
    this.compression = compression;
  }

  /** {@return retries of idempotent calls} */
  public Retry getRetry() {
    return retry;
  }

  /** {@return an HTTP proxy between the service and the backend} */
  public Proxy getProxy() {
    return proxy;
  }

  /** {@return tLS to the backend} */
  public Ssl getSsl() {
    return ssl;
  }

  /** {@return this service as a Backstage backend plugin (needs backstage4j-plugin on the classpath)} */
  public Plugin getPlugin() {
    return plugin;
  }

  /**
   * Returns where plugins live when not at {base-url}/api/{pluginId}, as Backstage's discovery.endpoints: entries
   * with a target (e.g. http://javatools:8080/api/{{pluginId}}) and the plugin ids (or *) it serves; the first entry
   * naming an id wins.
   *
   * @return the value
   */
  public Discovery getDiscovery() {
    return discovery;
  }

  /** Retry settings; only idempotent calls (GET, HEAD) are ever retried. */
  public static class Retry {
    /** How many times a failed idempotent call is repeated; 0 switches retries off (SDK default 3). */
    private Integer maxRetries;
    /** Wait before the first retry (SDK default 200ms). */
    private Duration initialBackoff;
    /** Longest wait between retries (SDK default 5s). */
    private Duration maxBackoff;

    /** {@return how many times a failed idempotent call is repeated; 0 switches retries off (SDK default 3)} */
    public Integer getMaxRetries() {
      return maxRetries;
    }

    /**
     * Sets how many times a failed idempotent call is repeated; 0 switches retries off (SDK default 3).
     *
     * @param maxRetries the value
     */
    public void setMaxRetries(Integer maxRetries) {
      this.maxRetries = maxRetries;
    }

    /** {@return wait before the first retry (SDK default 200ms)} */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets wait before the first retry (SDK default 200ms).
     *
     * @param initialBackoff the value
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /** {@return longest wait between retries (SDK default 5s)} */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets longest wait between retries (SDK default 5s).
     *
     * @param maxBackoff the value
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /** An HTTP proxy; unset, the JVM's default proxy selection applies. */
  public static class Proxy {
    /** The proxy's host name. */
    private String host;
    /** The proxy's port. */
    private Integer port;

    /** {@return the proxy's host name} */
    public String getHost() {
      return host;
    }

    /**
     * Sets the proxy's host name.
     *
     * @param host the value
     */
    public void setHost(String host) {
      this.host = host;
    }

    /** {@return the proxy's port} */
    public Integer getPort() {
      return port;
    }

    /**
     * Sets the proxy's port.
     *
     * @param port the value
     */
    public void setPort(Integer port) {
      this.port = port;
    }
  }

  /** TLS settings. */
  public static class Ssl {
    /** Name of a Spring SSL bundle (spring.ssl.bundle.*) whose trust material is used for the backend. */
    private String bundle;

    /** {@return name of a Spring SSL bundle (spring.ssl.bundle.*) whose trust material is used for the backend} */
    public String getBundle() {
      return bundle;
    }

    /**
     * Sets name of a Spring SSL bundle (spring.ssl.bundle.*) whose trust material is used for the backend.
     *
     * @param bundle the value
     */
    public void setBundle(String bundle) {
      this.bundle = bundle;
    }
  }

  /** This service as one of Backstage's backend plugins. */
  public static class Plugin {
    /**
     * The plugin id (e.g. javatools): its routes are served under /api/{id}, it mints plugin tokens as
     * plugin:{id}, and Backstage's discovery.endpoints must route the id to this service.
     */
    private String id;
    /**
     * The plugin's signing key as PEM files (PKCS#8 private key, its public key, EC P-256), shared by every replica;
     * unset: a key generated in memory at start-up (fine for one replica).
     */
    private final Keys keys = new Keys();

    /**
     * Returns the plugin id (e.g. javatools): its routes are served under /api/{id}, it mints plugin tokens as
     * plugin:{id}, and Backstage's discovery.endpoints must route the id to this service.
     *
     * @return the value
     */
    public String getId() {
      return id;
    }

    /**
     * Sets the plugin id (e.g. javatools): its routes are served under /api/{id}, it mints plugin tokens as
     * plugin:{id}, and Backstage's discovery.endpoints must route the id to this service.
     *
     * @param id the value
     */
    public void setId(String id) {
      this.id = id;
    }

    /**
     * Returns the plugin's signing key as PEM files (PKCS#8 private key, its public key, EC P-256), shared by every
     * replica; unset: a key generated in memory at start-up (fine for one replica).
     *
     * @return the value
     */
    public Keys getKeys() {
      return keys;
    }
  }

  /** PEM key files of the plugin, as Backstage's static plugin key store takes them. */
  public static class Keys {
    /** The PKCS#8 private key (-----BEGIN PRIVATE KEY-----). */
    private Path privateKeyFile;
    /** Its public key (-----BEGIN PUBLIC KEY-----). */
    private Path publicKeyFile;
    /** The key id (kid) the tokens name and the JWKS lists. */
    private String keyId;

    /** {@return the PKCS#8 private key (-----BEGIN PRIVATE KEY-----)} */
    public Path getPrivateKeyFile() {
      return privateKeyFile;
    }

    /**
     * Sets the PKCS#8 private key (-----BEGIN PRIVATE KEY-----).
     *
     * @param privateKeyFile the value
     */
    public void setPrivateKeyFile(Path privateKeyFile) {
      this.privateKeyFile = privateKeyFile;
    }

    /** {@return its public key (-----BEGIN PUBLIC KEY-----)} */
    public Path getPublicKeyFile() {
      return publicKeyFile;
    }

    /**
     * Sets its public key (-----BEGIN PUBLIC KEY-----).
     *
     * @param publicKeyFile the value
     */
    public void setPublicKeyFile(Path publicKeyFile) {
      this.publicKeyFile = publicKeyFile;
    }

    /** {@return the key id (kid) the tokens name and the JWKS lists} */
    public String getKeyId() {
      return keyId;
    }

    /**
     * Sets the key id (kid) the tokens name and the JWKS lists.
     *
     * @param keyId the value
     */
    public void setKeyId(String keyId) {
      this.keyId = keyId;
    }
  }

  /** Backstage's discovery.endpoints. */
  public static class Discovery {
    /** The entries, in order. */
    private final List<Endpoint> endpoints = new ArrayList<>();

    /** {@return the entries, in order} */
    public List<Endpoint> getEndpoints() {
      return endpoints;
    }
  }

  /** One discovery.endpoints entry. */
  public static class Endpoint {
    /** The plugin's full base URL; {{pluginId}} is replaced by the id. */
    private String target;
    /** The plugin ids this entry serves, or * for all. */
    private List<String> plugins = new ArrayList<>();

    /** {@return the plugin's full base URL; {{pluginId}} is replaced by the id} */
    public String getTarget() {
      return target;
    }

    /**
     * Sets the plugin's full base URL; {{pluginId}} is replaced by the id.
     *
     * @param target the value
     */
    public void setTarget(String target) {
      this.target = target;
    }

    /** {@return the plugin ids this entry serves, or * for all} */
    public List<String> getPlugins() {
      return plugins;
    }

    /**
     * Sets the plugin ids this entry serves, or * for all.
     *
     * @param plugins the value
     */
    public void setPlugins(List<String> plugins) {
      this.plugins = plugins;
    }
  }
}
