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

  public URI getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getApplicationName() {
    return applicationName;
  }

  public void setApplicationName(String applicationName) {
    this.applicationName = applicationName;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getCallTimeout() {
    return callTimeout;
  }

  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public ResponseCompression getCompression() {
    return compression;
  }

  public void setCompression(ResponseCompression compression) {
    this.compression = compression;
  }

  public Retry getRetry() {
    return retry;
  }

  public Proxy getProxy() {
    return proxy;
  }

  public Ssl getSsl() {
    return ssl;
  }

  public Plugin getPlugin() {
    return plugin;
  }

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

    public Integer getMaxRetries() {
      return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
      this.maxRetries = maxRetries;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

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

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public Integer getPort() {
      return port;
    }

    public void setPort(Integer port) {
      this.port = port;
    }
  }

  /** TLS settings. */
  public static class Ssl {
    /** Name of a Spring SSL bundle (spring.ssl.bundle.*) whose trust material is used for the backend. */
    private String bundle;

    public String getBundle() {
      return bundle;
    }

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

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

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

    public Path getPrivateKeyFile() {
      return privateKeyFile;
    }

    public void setPrivateKeyFile(Path privateKeyFile) {
      this.privateKeyFile = privateKeyFile;
    }

    public Path getPublicKeyFile() {
      return publicKeyFile;
    }

    public void setPublicKeyFile(Path publicKeyFile) {
      this.publicKeyFile = publicKeyFile;
    }

    public String getKeyId() {
      return keyId;
    }

    public void setKeyId(String keyId) {
      this.keyId = keyId;
    }
  }

  /** Backstage's discovery.endpoints. */
  public static class Discovery {
    /** The entries, in order. */
    private final List<Endpoint> endpoints = new ArrayList<>();

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

    public String getTarget() {
      return target;
    }

    public void setTarget(String target) {
      this.target = target;
    }

    public List<String> getPlugins() {
      return plugins;
    }

    public void setPlugins(List<String> plugins) {
      this.plugins = plugins;
    }
  }
}
