package dev.backstage4j.spring;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.Discovery;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.RequestListener;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.scaffolder.ScaffolderClient;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * The Backstage clients as beans: {@link ClientConfig} from {@code backstage.*} (or another
 * {@link BackstageConnectionDetails}), then {@link CatalogClient} and {@link ScaffolderClient}. Each bean backs off
 * when the application declares its own. Every {@link RequestListener} bean (the client metrics, tracing) is added
 * to the config, then every {@link ClientConfigCustomizer} runs.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@EnableConfigurationProperties(BackstageProperties.class)
public class BackstageClientAutoConfiguration {

  /** Connection details from {@code backstage.base-url} and {@code backstage.token}. */
  @Bean
  @ConditionalOnMissingBean(BackstageConnectionDetails.class)
  @ConditionalOnProperty(prefix = "backstage", name = "base-url")
  BackstageConnectionDetails backstagePropertiesConnectionDetails(BackstageProperties properties) {
    return new PropertiesConnectionDetails(properties);
  }

  /** The shared client configuration. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(BackstageConnectionDetails.class)
  ClientConfig backstageClientConfig(BackstageConnectionDetails connection, BackstageProperties properties,
      ObjectProvider<SslBundles> sslBundles, ObjectProvider<RequestListener> listeners,
      ObjectProvider<ClientConfigCustomizer> customizers) {
    ClientConfig.Builder b = ClientConfig.builder().baseUrl(connection.baseUrl())
        .credentials(connection.credentials());
    PropertyMapper map = PropertyMapper.get();
    map.from(properties::getApplicationName).to(b::applicationName);
    map.from(properties::getConnectTimeout).to(b::connectTimeout);
    map.from(properties::getReadTimeout).to(b::readTimeout);
    map.from(properties::getCallTimeout).to(b::callTimeout);
    map.from(properties::getCompression).to(b::compression);
    BackstageProperties.Retry retry = properties.getRetry();
    if (retry.getMaxRetries() != null || retry.getInitialBackoff() != null || retry.getMaxBackoff() != null) {
      RetryOptions.Builder r = RetryOptions.builder();
      map.from(retry::getMaxRetries).to(r::maxRetries);
      map.from(retry::getInitialBackoff).to(r::initialBackoff);
      map.from(retry::getMaxBackoff).to(r::maxBackoff);
      b.retry(r.build());
    }
    BackstageProperties.Proxy proxy = properties.getProxy();
    if (proxy.getHost() != null) {
      if (proxy.getPort() == null) {
        throw new IllegalStateException("backstage.proxy.port is required when backstage.proxy.host is set");
      }
      b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())));
    }
    String bundleName = properties.getSsl().getBundle();
    if (bundleName != null) {
      SslBundles bundles = sslBundles.getIfAvailable();
      if (bundles == null) {
        throw new IllegalStateException("backstage.ssl.bundle=" + bundleName + " is set but no SSL bundles are "
            + "configured (spring.ssl.bundle.*)");
      }
      SslBundle bundle = bundles.getBundle(bundleName);
      b.sslContext(bundle.createSslContext(), x509TrustManager(bundle, bundleName));
    }
    List<BackstageProperties.Endpoint> endpoints = properties.getDiscovery().getEndpoints();
    if (!endpoints.isEmpty()) {
      Discovery.Builder discovery = Discovery.builder(connection.baseUrl());
      for (int i = 0; i < endpoints.size(); i++) {
        BackstageProperties.Endpoint e = endpoints.get(i);
        if (e.getTarget() == null || e.getPlugins().isEmpty()) {
          throw new IllegalStateException("backstage.discovery.endpoints[" + i + "] needs a target and plugins");
        }
        discovery.endpoint(e.getTarget(), e.getPlugins().toArray(String[]::new));
      }
      b.discovery(discovery.build());
    }
    listeners.orderedStream().forEach(b::listener);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /** The catalog client; closed with the context. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(ClientConfig.class)
  CatalogClient backstageCatalogClient(ClientConfig config, BackstageProperties properties,
      ObjectProvider<PluginCredentials> plugin) {
    return CatalogClient.builder().config(asPlugin(config, properties, plugin, "catalog")).build();
  }

  /** The scaffolder client; closed with the context. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(ClientConfig.class)
  ScaffolderClient backstageScaffolderClient(ClientConfig config, BackstageProperties properties,
      ObjectProvider<PluginCredentials> plugin) {
    return ScaffolderClient.builder().config(asPlugin(config, properties, plugin, "scaffolder")).build();
  }

  /** Without a static token, a service that is a plugin calls each Backstage plugin with its plugin tokens. */
  private static ClientConfig asPlugin(ClientConfig config, BackstageProperties properties,
      ObjectProvider<PluginCredentials> plugin, String target) {
    PluginCredentials credentials = plugin.getIfAvailable();
    boolean staticToken = properties.getToken() != null && !properties.getToken().isBlank();
    return credentials == null || staticToken ? config
        : config.toBuilder().credentials(credentials.credentialsFor(target)).build();
  }

  private static X509TrustManager x509TrustManager(SslBundle bundle, String name) {
    for (TrustManager tm : bundle.getManagers().getTrustManagers()) {
      if (tm instanceof X509TrustManager) {
        return (X509TrustManager) tm;
      }
    }
    throw new IllegalStateException("SSL bundle '" + name + "' has no X.509 trust manager");
  }

  /** {@code backstage.base-url} and {@code backstage.token}; never shows the token. */
  static final class PropertiesConnectionDetails implements BackstageConnectionDetails {
    private final BackstageProperties properties;

    PropertiesConnectionDetails(BackstageProperties properties) {
      this.properties = properties;
    }

    @Override
    public URI baseUrl() {
      return properties.getBaseUrl();
    }

    @Override
    public CredentialsProvider credentials() {
      String token = properties.getToken();
      return token == null || token.isBlank() ? CredentialsProvider.none() : CredentialsProvider.staticToken(token);
    }

    @Override
    public String toString() {
      return "BackstageConnectionDetails{baseUrl=" + baseUrl() + "}";
    }
  }
}
