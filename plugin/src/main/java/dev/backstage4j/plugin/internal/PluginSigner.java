package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A plugin's ES256 keys and the plugin tokens it signs (Backstage's {@code vnd.backstage.plugin} format): one
 * signing key, rotated in memory when {@code rotateEvery} is set, and the public keys that must stay published —
 * retired keys until every token they signed has expired, and keys of other replicas. Thread-safe.
 */
public final class PluginSigner {
  /** How long a retired key stays in the JWKS after its last token expired (clock differences, caches). */
  private static final Duration RETIRED_MARGIN = Duration.ofMinutes(5);

  private final Clock clock;
  private final Duration maxTokenLifetime;
  private final Duration rotateEvery;
  private final List<ECKey> extraPublicKeys;
  private ECKey current;
  private Instant currentSince;
  /** Retired public keys and when their last token expires at the latest. */
  private final List<Retired> retired = new ArrayList<>();

  private record Retired(ECKey publicKey, Instant lastTokenExpiry) {
  }

  /**
   * Creates a signer.
   *
   * @param signingKey the private signing key, or null to generate one (and generate again on each rotation)
   * @param extraPublicKeys further public keys to publish (other replicas' keys, or old keys still accepted)
   * @param rotateEvery how often a generated key is replaced, or null for never
   * @param maxTokenLifetime the longest a token lives (retired keys stay published that long)
   * @param clock the clock
   */
  public PluginSigner(ECKey signingKey, List<ECKey> extraPublicKeys, Duration rotateEvery,
      Duration maxTokenLifetime, Clock clock) {
    this.clock = clock;
    this.maxTokenLifetime = maxTokenLifetime;
    this.rotateEvery = rotateEvery;
    this.extraPublicKeys = List.copyOf(extraPublicKeys);
    this.current = signingKey != null ? signingKey : generate();
    this.currentSince = clock.instant();
  }

  /** A fresh in-memory P-256 key with a random key id. */
  public static PluginSigner generate(Clock clock) {
    return new PluginSigner(null, List.of(), null, Duration.ofHours(1), clock);
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.ES256)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an ES256 key: " + e.getMessage(), e);
    }
  }

  /** {@return the public JWKS JSON Backstage fetches to verify this plugin's tokens} */
  public synchronized String jwksJson() {
    Instant now = clock.instant();
    rotateIfDue(now);
    retired.removeIf(r -> now.isAfter(r.lastTokenExpiry().plus(RETIRED_MARGIN)));
    List<JWK> keys = new ArrayList<>();
    keys.add(current.toPublicJWK());
    retired.forEach(r -> keys.add(r.publicKey()));
    keys.addAll(extraPublicKeys);
    return new JWKSet(keys).toString(true);
  }

  /** Signs a token with sub = {@code subject}, aud = {@code audience}, valid for {@code ttl}. */
  public String sign(String subject, String audience, Duration ttl) {
    return sign(subject, audience, ttl, null, null);
  }

  /** Signs a token carrying {@code obo} unchanged, expiring at the latest when {@code oboExpiry} does. */
  public String sign(String subject, String audience, Duration ttl, String obo, Instant oboExpiry) {
    if (ttl.compareTo(maxTokenLifetime) > 0) {
      throw new IllegalArgumentException("a plugin token lives at most " + maxTokenLifetime + ", asked " + ttl);
    }
    ECKey key;
    Instant now = clock.instant();
    synchronized (this) {
      rotateIfDue(now);
      key = current;
    }
    Instant exp = now.plus(ttl);
    if (oboExpiry != null && oboExpiry.isBefore(exp)) {
      exp = oboExpiry;
    }
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(subject)
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(exp));
    if (obo != null) {
      claims.claim("obo", obo);
    }
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("vnd.backstage.plugin"))
        .keyID(key.getKeyID())
        .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a plugin token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  private void rotateIfDue(Instant now) {
    if (rotateEvery == null || now.isBefore(currentSince.plus(rotateEvery))) {
      return;
    }
    // The retired key signs nothing from now on; its last token expires at most maxTokenLifetime from now.
    retired.add(new Retired(current.toPublicJWK(), now.plus(maxTokenLifetime)));
    current = generate();
    currentSince = now;
  }
}
