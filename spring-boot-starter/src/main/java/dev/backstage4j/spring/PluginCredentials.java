package dev.backstage4j.spring;

import dev.backstage4j.core.CredentialsProvider;

/**
 * The plugin's own credentials per target plugin, as the client beans see them: a type of the starter's own, so
 * that {@link BackstageClientAutoConfiguration} needs no class of backstage4j-plugin (which is optional).
 */
@FunctionalInterface
interface PluginCredentials {

  /**
   * Returns credentials that call {@code targetPluginId} as this plugin.
   *
   * @param targetPluginId e.g. {@code catalog}
   * @return the credentials
   */
  CredentialsProvider credentialsFor(String targetPluginId);
}
