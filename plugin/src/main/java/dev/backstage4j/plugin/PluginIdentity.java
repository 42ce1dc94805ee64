package dev.backstage4j.plugin;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTParser;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.internal.PemKeys;
import dev.backstage4j.plugin.internal.PluginSigner;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * A Java service's identity as a Backstage plugin: its ES256 keys, whose public halves it publishes as JWKS at
 * {@code {base}/.backstage/auth/v1/jwks.json} ({@link PluginRouter} serves it), and the plugin tokens it mints to
 * call other plugins (the catalog, the scaffolder) as itself, or on behalf of a user. Thread-safe.
 *
 * <pre>{@code
 * PluginIdentity identity = PluginIdentity.generate("javatools");            // one replica: a key in memory
 * PluginIdentity shared = PluginIdentity.builder("javatools")                // several replicas: one key pair
 *     .signingKey(Path.of("/keys/private.pem"), Path.of("/keys/public.pem"), "javatools-2026-12")
 *     .build();
 * }</pre>
 *
 * <p>Keys: in memory (generated, optionally rotated with {@link Builder#rotateEvery}; a retired key stays
 * published while tokens it signed can live), or loaded from PEM files as Backstage's static plugin key store takes
 * them, so that all replicas sign with keys every replica publishes ({@link Builder#publicKey} adds another
 * replica's or an older key). Keys and tokens never appear in {@code toString()}, logs or messages.
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

  /**
   * Returns an identity with a freshly generated in-memory key (never rotated).
   *
   * @param pluginId this plugin's id: lower-case letters, digits and {@code -}
   * @return the identity
   */
  public static PluginIdentity generate(String pluginId) {
    return builder(pluginId).build();
  }

  static PluginIdentity generate(String pluginId, Clock clock) {
    return builder(pluginId).clock(clock).build();
  }

  /**
   * Starts an identity with keys from files, rotation or another clock.
   *
   * @param pluginId this plugin's id: lower-case letters, digits and {@code -}
   * @return the builder
   */
  public static Builder builder(String pluginId) {
    return new Builder(pluginId);
  }

  /** {@return this plugin's id (the {@code sub} of the tokens it mints)} */
  public String pluginId() {
    return pluginId;
  }

  /** {@return the JWKS JSON (public keys only, retired ones while their tokens live) Backstage fetches} */
  public String jwksJson() {
    return signer.jwksJson();
  }

  /** {@return the path Backstage fetches the JWKS from under the default base URL {@code /api/{pluginId}}} */
  public String jwksPath() {
    return "/api/" + pluginId + PluginRouter.JWKS_PATH;
  }

  /**
   * Mints a plugin token for calling {@code targetPluginId}, valid for one hour.
   *
   * @param targetPluginId the plugin to call ({@code aud})
   * @return the token
   */
  public String mintToken(String targetPluginId) {
    return signer.sign(pluginId, Objects.requireNonNull(targetPluginId, "targetPluginId"), TOKEN_TTL);
  }

  /**
   * Mints a plugin token that carries a user: {@code obo} is {@code limitedUserToken} unchanged (Backstage checks
   * it byte for byte), and the token expires no later than it.
   *
   * @param targetPluginId the plugin to call ({@code aud})
   * @param limitedUserToken the limited-user token received in an {@code obo} claim, or derived from a user token
   * @return the token
   * @throws IllegalArgumentException when {@code limitedUserToken} is not a readable JWT with {@code exp}
   */
  public String mintToken(String targetPluginId, String limitedUserToken) {
    Objects.requireNonNull(targetPluginId, "targetPluginId");
    return signer.sign(pluginId, targetPluginId, TOKEN_TTL, limitedUserToken, expiryOf(limitedUserToken));
  }

  /**
   * Returns credentials that call {@code targetPluginId} as this plugin, minting a new token 5 minutes before
   * the current one expires.
   *
   * @param targetPluginId the plugin to call
   * @return the credentials
   */
  public CredentialsProvider credentialsFor(String targetPluginId) {
    Objects.requireNonNull(targetPluginId, "targetPluginId");
    return new Minting(targetPluginId, null);
  }

  /**
   * Returns credentials that call {@code targetPluginId} as this plugin on behalf of a user: each token carries
   * {@code limitedUserToken} as {@code obo} and expires no later than it. Usually reached through
   * {@link BackstagePrincipal#credentialsOnBehalfOf(PluginIdentity, String)}.
   *
   * @param targetPluginId the plugin to call
   * @param limitedUserToken the user's limited-user token
   * @return the credentials
   * @throws IllegalArgumentException when {@code limitedUserToken} is not a readable JWT with {@code exp}
   */
  public CredentialsProvider credentialsOnBehalfOf(String targetPluginId, String limitedUserToken) {
    Objects.requireNonNull(targetPluginId, "targetPluginId");
    expiryOf(limitedUserToken);
    return new Minting(targetPluginId, limitedUserToken);
  }

  private static Instant expiryOf(String limitedUserToken) {
    Objects.requireNonNull(limitedUserToken, "limitedUserToken");
    try {
      Date exp = JWTParser.parse(limitedUserToken).getJWTClaimsSet().getExpirationTime();
      if (exp == null) {
        throw new IllegalArgumentException("the limited-user token has no exp claim");
      }
      return exp.toInstant();
    } catch (ParseException e) {
      throw new IllegalArgumentException("the limited-user token is not a readable JWT");
    }
  }

  /** Mints per target and renews before expiry; with a user, never past the user's token. */
  private final class Minting implements CredentialsProvider {
    private final String target;
    private final String limitedUserToken;
    private String token;
    private Instant renewAt = Instant.MIN;

    Minting(String target, String limitedUserToken) {
      this.target = target;
      this.limitedUserToken = limitedUserToken;
    }

    @Override
    public synchronized String token() {
      Instant now = clock.instant();
      if (!now.isBefore(renewAt)) {
        token = limitedUserToken == null ? mintToken(target) : mintToken(target, limitedUserToken);
        Instant expiry = limitedUserToken == null ? now.plus(TOKEN_TTL) : min(now.plus(TOKEN_TTL),
            expiryOf(limitedUserToken));
        renewAt = expiry.minus(RENEW_BEFORE);
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
      return "PluginCredentials[" + pluginId + " -> " + target + (limitedUserToken == null ? "" : ", for a user")
          + "]";
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** {@return the plugin id only} */
  @Override
  public String toString() {
    return "PluginIdentity[" + pluginId + "]";
  }

  /** Builds a {@link PluginIdentity}. Not thread-safe. */
  public static final class Builder {
    private final String pluginId;
    private ECKey signingKey;
    private final List<ECKey> publicKeys = new ArrayList<>();
    private Duration rotateEvery;
    private Clock clock = Clock.systemUTC();

    private Builder(String pluginId) {
      Objects.requireNonNull(pluginId, "pluginId");
      if (!pluginId.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException("plugin id must be lower-case letters, digits and '-': " + pluginId);
      }
      this.pluginId = pluginId;
    }

    /**
     * Signs with a key pair from PEM files (as Backstage's {@code pluginKeyStore} {@code static} keys): a PKCS#8
     * {@code PRIVATE KEY} and its {@code PUBLIC KEY}, EC P-256. Give every replica the same files.
     *
     * @param privateKeyFile the PKCS#8 private key
     * @param publicKeyFile the matching public key
     * @param keyId the key id ({@code kid}) tokens name and the JWKS lists
     * @return this builder
     * @throws PluginKeyException naming the file and what is wrong with it
     */
    public Builder signingKey(Path privateKeyFile, Path publicKeyFile, String keyId) {
      this.signingKey = PemKeys.signingKey(privateKeyFile, publicKeyFile, keyId);
      return this;
    }

    /**
     * Also publishes a public key (repeatable): another replica's key, or a previous key whose tokens are still
     * valid, so Backstage accepts tokens signed by it.
     *
     * @param publicKeyFile the public key, PEM {@code PUBLIC KEY}, EC P-256
     * @param keyId its key id
     * @return this builder
     * @throws PluginKeyException naming the file and what is wrong with it
     */
    public Builder publicKey(Path publicKeyFile, String keyId) {
      publicKeys.add(PemKeys.publicKey(publicKeyFile, keyId));
      return this;
    }

    /**
     * Replaces the in-memory key every {@code interval} (Node's plugins rotate hourly); a retired key stays in
     * the JWKS until every token it signed has expired. Only for generated keys: with several replicas, load
     * shared keys instead.
     *
     * @param interval how long one key signs
     * @return this builder
     */
    public Builder rotateEvery(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("rotateEvery must be positive, was " + interval);
      }
      this.rotateEvery = interval;
      return this;
    }

    /**
     * Sets the clock for token times and rotation (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the identity.
     *
     * @return the identity
     * @throws IllegalArgumentException when rotation is asked for a key loaded from files
     */
    public PluginIdentity build() {
      if (rotateEvery != null && signingKey != null) {
        throw new IllegalArgumentException("rotateEvery applies to generated keys; rotate file keys by deploying "
            + "a new key and publishing the old one with publicKey(...) while its tokens live");
      }
      return new PluginIdentity(pluginId, new PluginSigner(signingKey, publicKeys, rotateEvery, TOKEN_TTL, clock),
          clock);
    }
  }
}
