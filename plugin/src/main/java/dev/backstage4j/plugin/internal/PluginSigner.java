package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** ES256 key of a plugin and the plugin tokens it signs (Backstage's {@code vnd.backstage.plugin} format). */
public final class PluginSigner {
  private final ECKey key;
  private final Clock clock;

  private PluginSigner(ECKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
  }

  /** A fresh in-memory P-256 key with a random key id. */
  public static PluginSigner generate(Clock clock) {
    try {
      return new PluginSigner(
          new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate(), clock);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an ES256 key: " + e.getMessage(), e);
    }
  }

  /** {@return the public JWKS JSON Backstage fetches to verify this plugin's tokens} */
  public String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  /** Signs a token with sub = {@code subject}, aud = {@code audience}, valid for {@code ttl}. */
  public String sign(String subject, String audience, Duration ttl) {
    return sign(subject, audience, ttl, null, null);
  }

  /** Signs a token carrying {@code obo} unchanged, expiring at the latest when {@code oboExpiry} does. */
  public String sign(String subject, String audience, Duration ttl, String obo, Instant oboExpiry) {
    Instant now = clock.instant();
    Instant exp = now.plus(ttl);
    if (oboExpiry != null && oboExpiry.isBefore(exp)) {
      exp = oboExpiry;
    }
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
        .subject(subject)
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(exp));
    if (obo != null) {
      b.claim("obo", obo);
    }
    JWTClaimsSet claims = b.build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("vnd.backstage.plugin"))
        .keyID(key.getKeyID())
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a plugin token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
