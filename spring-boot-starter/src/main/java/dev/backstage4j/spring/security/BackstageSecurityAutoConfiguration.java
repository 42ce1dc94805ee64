package dev.backstage4j.spring.security;

import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.spring.BackstagePluginAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Spring Security with Backstage tokens, in a servlet web application that has Spring Security and a
 * {@link TokenVerifier} (from {@code backstage.plugin.id}, or your own bean): a {@link BackstageCaller} bean, and —
 * unless the application defines its own {@code SecurityFilterChain} — a stateless chain in which every request
 * needs a Backstage caller ({@link BackstageAuthenticationFilter}; no token → 401 {@code Missing credentials} in
 * Backstage's envelope), except the plugin's own routes under {@code /api/{pluginId}/**}, whose router checks its
 * callers itself (and serves its JWKS unauthenticated). In your own chain, add the filter with
 * {@code http.addFilterBefore(new BackstageAuthenticationFilter(verifier), AnonymousAuthenticationFilter.class)}.
 */
@AutoConfiguration(after = BackstagePluginAutoConfiguration.class,
    beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass(value = {SecurityFilterChain.class, HttpSecurity.class, TokenVerifier.class},
    name = "org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(TokenVerifier.class)
public class BackstageSecurityAutoConfiguration {

  /**
   * The current request's Backstage caller.
   *
   * @param identity this service's plugin identity, if it is a plugin
   * @return the accessor
   */
  @Bean
  @ConditionalOnMissingBean
  BackstageCaller backstageCaller(ObjectProvider<PluginIdentity> identity) {
    return new BackstageCaller(identity.getIfAvailable());
  }

  /** The default chain, only when the application has none. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnDefaultWebSecurity
  static class DefaultChain {

    /**
     * Every request needs a Backstage caller, except the plugin router's own routes.
     *
     * @param http the builder
     * @param verifier checks the tokens
     * @param identity this service's plugin identity, if it is a plugin
     * @return the chain
     * @throws Exception as {@link HttpSecurity#build()} does
     */
    @Bean
    SecurityFilterChain backstageSecurityFilterChain(HttpSecurity http, TokenVerifier verifier,
        ObjectProvider<PluginIdentity> identity) throws Exception {
      PluginIdentity plugin = identity.getIfAvailable();
      http.authorizeHttpRequests(rules -> {
        if (plugin != null) {
          rules.requestMatchers("/api/" + plugin.pluginId() + "/**").permitAll();
        }
        rules.anyRequest().authenticated();
      });
      http.addFilterBefore(new BackstageAuthenticationFilter(verifier), AnonymousAuthenticationFilter.class);
      http.csrf(csrf -> csrf.disable());  // bearer tokens, no cookies: nothing for CSRF to protect
      http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
      http.exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) ->
          BackstageErrors.write(request, response, 401, "AuthenticationError", "Missing credentials")));
      return http.build();
    }
  }
}
