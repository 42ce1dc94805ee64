package dev.backstage4j.spring;

import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServlet;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionsRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service as a Backstage backend plugin when {@code backstage.plugin.id} is set, backstage4j-plugin is on
 * the classpath and the clients are configured (a {@link ClientConfig} bean): its {@link PluginIdentity} (keys and plugin tokens; the catalog and scaffolder clients then call
 * Backstage as the plugin unless {@code backstage.token} is set), a {@link TokenVerifier} for the plugins and users
 * that call it, a {@link PluginRouter} built from every {@link PluginRouterCustomizer} bean, and, in a servlet web
 * application, that router served at {@code /api/{id}/*} (its JWKS included) by a {@link PluginServlet}. Each bean
 * backs off when the application declares its own.
 */
@AutoConfiguration(after = BackstageClientAutoConfiguration.class)
@ConditionalOnClass(PluginRouter.class)
@ConditionalOnProperty(prefix = "backstage.plugin", name = "id")
@ConditionalOnBean(ClientConfig.class)
@EnableConfigurationProperties(BackstageProperties.class)
public class BackstagePluginAutoConfiguration {

  /**
   * The plugin's identity: the key pair of {@code backstage.plugin.keys.*}, or an in-memory ES256 key.
   *
   * @param properties {@code backstage.plugin.id} and {@code backstage.plugin.keys.*}
   * @return the identity
   * @throws IllegalStateException when only some of the key properties are set
   */
  @Bean
  @ConditionalOnMissingBean
  PluginIdentity backstagePluginIdentity(BackstageProperties properties) {
    BackstageProperties.Keys keys = properties.getPlugin().getKeys();
    PluginIdentity.Builder b = PluginIdentity.builder(properties.getPlugin().getId());
    boolean any = keys.getPrivateKeyFile() != null || keys.getPublicKeyFile() != null || keys.getKeyId() != null;
    if (any) {
      if (keys.getPrivateKeyFile() == null || keys.getPublicKeyFile() == null || keys.getKeyId() == null) {
        throw new IllegalStateException("backstage.plugin.keys needs private-key-file, public-key-file and key-id "
            + "together");
      }
      b.signingKey(keys.getPrivateKeyFile(), keys.getPublicKeyFile(), keys.getKeyId());
    }
    return b.build();
  }

  /**
   * Lets the catalog and scaffolder clients call Backstage as the plugin when no static token is set.
   *
   * @param identity the plugin's identity
   * @return its credentials per target
   */
  @Bean
  PluginCredentials backstagePluginCredentials(PluginIdentity identity) {
    return identity::credentialsFor;
  }

  /**
   * Verifies callers as Backstage does: plugin tokens addressed to this plugin (with the user behind them) and
   * user tokens.
   *
   * @param properties {@code backstage.plugin.id}
   * @param config where Backstage is
   * @return the verifier
   */
  @Bean
  @ConditionalOnMissingBean
  TokenVerifier backstageTokenVerifier(BackstageProperties properties, ClientConfig config) {
    return TokenVerifier.builder().pluginTokens(properties.getPlugin().getId(), config).userTokens(config).build();
  }

  /**
   * The plugin's routes: every {@link Action} bean served as Backstage's actions registry (so the scaffolder runs
   * them as template steps and MCP offers them as tools), then every {@link PluginRouterCustomizer}'s routes.
   *
   * @param identity the plugin's identity
   * @param verifier checks callers
   * @param actions the action beans
   * @param customizers add the routes
   * @return the router
   */
  @Bean
  @ConditionalOnMissingBean
  PluginRouter backstagePluginRouter(PluginIdentity identity, TokenVerifier verifier,
      ObjectProvider<Action> actions, ObjectProvider<PluginRouterCustomizer> customizers) {
    PluginRouter.Builder b = PluginRouter.builder(identity, verifier);
    List<Action> all = actions.orderedStream().toList();
    if (!all.isEmpty()) {
      ActionsRegistry.of(all).mount(b);
    }
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /** The router in a servlet web application, at the plugin's base path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({ServletRegistrationBean.class, jakarta.servlet.Servlet.class})
  static class ServletRegistration {

    /**
     * Serves the router at {@code /api/{id}/*}.
     *
     * @param router the router
     * @return the registration
     */
    @Bean
    @ConditionalOnMissingBean(name = "backstagePluginServlet")
    ServletRegistrationBean<PluginServlet> backstagePluginServlet(PluginRouter router) {
      ServletRegistrationBean<PluginServlet> registration =
          new ServletRegistrationBean<>(new PluginServlet(router), "/api/" + router.pluginId() + "/*");
      registration.setName("backstagePluginServlet");
      return registration;
    }
  }
}
