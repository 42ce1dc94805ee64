package dev.backstage4j.plugin;

import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.internal.PluginSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Java service's identity as a Backstage plugin: an in-memory ES256 key whose public half is published as
 * JWKS at {@code /api/{pluginId}/.backstage/auth/v1/jwks.json}, and the plugin tokens it mints to call other
 * plugins (for example the catalog) as itself.
 */
public final class PluginIdentity {
  /** Backstage accepts plugin tokens for at most one hour. */
  static final Duration TOKEN_TTL = Duration.ofHours(1);
  /** Mint a new token this long before the current one expires. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final String pluginId;
  private final PluginSigner signer;
  private final Clock clock;

  private PluginIdentity(String pluginId, PluginSigner signer, Clock clock) {
    this.pluginId = pluginId;
    this.signer = signer;
    this.clock = clock;
  }

  /** {@return an identity for {@code pluginId} with a freshly generated key} */
  public static PluginIdentity generate(String pluginId) {
    return generate(pluginId, Clock.systemUTC());
  }

  static PluginIdentity generate(String pluginId, Clock clock) {
    Objects.requireNonNull(pluginId, "pluginId");
    if (!pluginId.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("plugin id must be lower-case letters, digits and '-': " + pluginId);
    }
    return new PluginIdentity(pluginId, PluginSigner.generate(clock), clock);
  }

  /** {@return this plugin's id (the {@code sub} of the tokens it mints)} */
  public String pluginId() {
    return pluginId;
  }

  /** {@return the JWKS JSON (public keys only) to serve at {@link #jwksPath()}} */
  public String jwksJson() {
    return signer.jwksJson();
  }

  /** {@return the path Backstage fetches the JWKS from, relative to the discovery target's host} */
  public String jwksPath() {
    return "/api/" + pluginId + "/.backstage/auth/v1/jwks.json";
  }

  /** {@return a new plugin token for calling {@code targetPluginId}, valid for one hour} */
  public String mintToken(String targetPluginId) {
    return signer.sign(pluginId, Objects.requireNonNull(targetPluginId, "targetPluginId"), TOKEN_TTL);
  }

  /** {@return credentials that call {@code targetPluginId} as this plugin, re-minting before expiry} */
  public CredentialsProvider credentialsFor(String targetPluginId) {
    Objects.requireNonNull(targetPluginId, "targetPluginId");
    return new CredentialsProvider() {
      private String token;
      private Instant renewAt = Instant.MIN;

      @Override
      public synchronized String token() {
        if (!clock.instant().isBefore(renewAt)) {
          token = mintToken(targetPluginId);
          renewAt = clock.instant().plus(TOKEN_TTL).minus(RENEW_BEFORE);
        }
        return token;
      }

      @Override
      public synchronized String refresh() {
        renewAt = Instant.MIN;
        return token();
      }

      @Override
      public String toString() {
        return "PluginCredentials[" + pluginId + " -> " + targetPluginId + "]";
      }
    };
  }

  /**
   * Returns credentials that call {@code targetPluginId} as this plugin on behalf of a user: each token carries
   * {@code limitedUserToken} unchanged as {@code obo} and expires no later than it.
   *
   * @param targetPluginId the plugin to call
   * @param limitedUserToken the limited-user token received in an {@code obo} claim
   * @return the credentials
   */
  public CredentialsProvider credentialsOnBehalfOf(String targetPluginId, String limitedUserToken) {
    Objects.requireNonNull(targetPluginId, "targetPluginId");
    Objects.requireNonNull(limitedUserToken, "limitedUserToken");
    Instant oboExpiry;
    try {
      oboExpiry = com.nimbusds.jwt.JWTParser.parse(limitedUserToken).getJWTClaimsSet().getExpirationTime()
          .toInstant();
    } catch (java.text.ParseException | RuntimeException e) {
      throw new IllegalArgumentException("the limited-user token cannot be read");
    }
    return CredentialsProvider.staticToken(signer.sign(pluginId, targetPluginId, TOKEN_TTL, limitedUserToken,
        oboExpiry));
  }

  @Override
  public String toString() {
    return "PluginIdentity[" + pluginId + "]";
  }
}
