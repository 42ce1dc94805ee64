package dev.backstage4j.cli;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.core.CredentialsProvider;
import java.net.URI;

/**
 * The Backstage a command talks to: the one at {@code --url}, or the embedded testkit seeded with the sample
 * organisation. Clients are created on first use and closed with the command.
 */
final class Backstage implements AutoCloseable {
  private final URI baseUrl;
  private final String token;
  private final boolean embedded;
  private final AutoCloseable server;
  private CatalogClient catalog;
  private ScaffolderClient scaffolder;

  private Backstage(URI baseUrl, String token, boolean embedded, AutoCloseable server) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.embedded = embedded;
    this.server = server;
  }

  /** A URL path ending in /api or /api/{plugin}: a plugin's base URL given where the backend root belongs. */
  private static final java.util.regex.Pattern API_SUFFIX = java.util.regex.Pattern.compile("/api(/[\\w-]+)?/?$");

  static Backstage open(Cli cli) {
    String url = cli.effectiveUrl();
    if (url == null) {
      Progress progress = cli.progress();
      progress.update("starting the embedded Backstage (sample organisation)...");
      Embedded e = Embedded.start();
      progress.done();
      return new Backstage(e.baseUrl(), e.token(), true, e);
    }
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--url is not a URL: " + url);
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw CliException.usage("--url must be an http(s) URL such as http://localhost:7007, not: " + url);
    }
    java.util.regex.Matcher plugin = API_SUFFIX.matcher(uri.getPath() == null ? "" : uri.getPath());
    if (plugin.find()) {
      // Otherwise every call goes to .../api/catalog/api/catalog/... and the 404s read like an old backend.
      throw CliException.usage("--url is the backend's root, not a plugin's API: drop " + plugin.group()
          + " from --url (e.g. " + uri.getScheme() + "://" + uri.getRawAuthority()
          + uri.getPath().substring(0, plugin.start()) + ")");
    }
    return new Backstage(uri, cli.effectiveToken(), false, null);
  }

  URI baseUrl() {
    return baseUrl;
  }

  boolean embedded() {
    return embedded;
  }

  ClientConfig config() {
    return ClientConfig.builder().baseUrl(baseUrl)
        .credentials(token == null ? CredentialsProvider.none() : CredentialsProvider.staticToken(token))
        .applicationName("backstage4j-cli").build();
  }

  synchronized CatalogClient catalog() {
    if (catalog == null) {
      catalog = CatalogClient.builder().config(config()).build();
    }
    return catalog;
  }

  synchronized ScaffolderClient scaffolder() {
    if (scaffolder == null) {
      scaffolder = ScaffolderClient.builder().config(config()).build();
    }
    return scaffolder;
  }

  @Override
  public void close() throws Exception {
    if (server != null) {
      server.close();
    }
  }
}
