package dev.backstage4j.core;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each Backstage plugin lives: plugin id to base URL, as Backstage's own {@code discovery.endpoints} config
 * decides it. Without entries a plugin is at {@code {baseUrl}/api/{pluginId}}; an entry's target is the plugin's
 * full base URL with {@code {{pluginId}}} (spaces inside the braces allowed) replaced by the URL-encoded id, and
 * applies to the listed plugin ids or to every id with {@code *}. Lookup order as in Backstage: an entry naming the
 * id, then a {@code *} entry, then the default.
 *
 * <pre>{@code
 * Discovery discovery = Discovery.builder(URI.create("http://backstage:7007"))
 *     .endpoint("http://javatools:8080/api/{{pluginId}}", "javatools")
 *     .build();
 * discovery.baseUrl("catalog");    // http://backstage:7007/api/catalog
 * discovery.baseUrl("javatools");  // http://javatools:8080/api/javatools
 * }</pre>
 */
public final class Discovery {
  private static final Pattern PLUGIN_ID = Pattern.compile("\\{\\{\\s*pluginId\\s*}}");

  private final URI baseUrl;
  private final Map<String, String> targetById;
  private final String wildcardTarget;

  private Discovery(Builder b) {
    this.baseUrl = b.baseUrl;
    this.targetById = Map.copyOf(b.targetById);
    this.wildcardTarget = b.wildcardTarget;
  }

  /**
   * The default discovery: every plugin at {@code {baseUrl}/api/{pluginId}}.
   *
   * @param baseUrl the backend's root, without {@code /api}
   * @return the discovery every client uses unless configured otherwise
   */
  public static Discovery of(URI baseUrl) {
    return builder(baseUrl).build();
  }

  /**
   * Starts a discovery whose fallback is {@code {baseUrl}/api/{pluginId}}.
   *
   * @param baseUrl the backend's root, used for plugins no endpoint names
   * @return a builder to add {@code discovery.endpoints} entries to
   */
  public static Builder builder(URI baseUrl) {
    return new Builder(baseUrl);
  }

  /**
   * The base URL of plugin {@code pluginId}, without a trailing slash; callers append API paths to it.
   *
   * @param pluginId the plugin's id, e.g. {@code catalog}
   * @return the URL the plugin's API is served at, e.g. {@code http://localhost:7007/api/catalog}
   */
  public URI baseUrl(String pluginId) {
    Objects.requireNonNull(pluginId, "pluginId");
    if (pluginId.isBlank()) {
      throw new IllegalArgumentException("pluginId must not be blank");
    }
    String target = targetById.getOrDefault(pluginId, wildcardTarget);
    String encoded = URLEncoder.encode(pluginId, StandardCharsets.UTF_8).replace("+", "%20");
    if (target == null) {
      return URI.create(baseUrl + "/api/" + encoded);
    }
    return URI.create(stripSlash(PLUGIN_ID.matcher(target).replaceAll(Matcher.quoteReplacement(encoded))));
  }

  @Override
  public String toString() {
    return "Discovery{baseUrl=" + baseUrl + ", endpoints=" + targetById.keySet()
        + (wildcardTarget == null ? "" : ", *") + "}";
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Builds a {@link Discovery}. */
  public static final class Builder {
    private final URI baseUrl;
    private final Map<String, String> targetById = new LinkedHashMap<>();
    private String wildcardTarget;

    private Builder(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      this.baseUrl = URI.create(stripSlash(baseUrl.toString()));
    }

    /**
     * Routes {@code pluginIds} ({@code *} for every id) to {@code target}, one {@code discovery.endpoints} entry.
     * As in Backstage, the first entry naming an id wins.
     *
     * @param target the base URL; {@code {{pluginId}}} in it is replaced by the plugin's id
     * @param pluginIds the plugin ids routed to {@code target}
     * @return this builder, for chaining
     * @throws IllegalArgumentException if the target is not an absolute http(s) URL or no plugin id is given
     */
    public Builder endpoint(String target, String... pluginIds) {
      Objects.requireNonNull(target, "target");
      List<String> ids = new ArrayList<>(List.of(pluginIds));
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("discovery endpoint " + target + " names no plugin id (use \"*\" for all)");
      }
      URI probe;
      try {
        probe = URI.create(PLUGIN_ID.matcher(target).replaceAll("p"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("discovery endpoint target is not a valid URL: " + target, e);
      }
      if (!("http".equals(probe.getScheme()) || "https".equals(probe.getScheme())) || probe.getHost() == null) {
        throw new IllegalArgumentException("discovery endpoint target must be an absolute http(s) URL, was " + target);
      }
      for (String id : ids) {
        if ("*".equals(id)) {
          if (wildcardTarget == null) {
            wildcardTarget = target;
          }
        } else {
          targetById.putIfAbsent(id, target);
        }
      }
      return this;
    }

    /** {@return the discovery; later changes to this builder do not affect it} */
    public Discovery build() {
      return new Discovery(this);
    }
  }
}
