package dev.backstage4j.plugin;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints tokens shaped like the auth backend's TokenFactory output, with keys generated in the test. */
final class Tokens {
  private Tokens() {}

  static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JWKS document publishing the public halves of {@code keys}. */
  static String jwks(JWK... keys) {
    return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
  }

  /** Claims of a user token as TokenFactory issues it. */
  static JWTClaimsSet.Builder userClaims(String issuer, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("user:default/jdoe")
        .claim("ent", List.of("user:default/jdoe", "group:default/team-a"))
        .audience("backstage")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("typ", "vnd.backstage.user")
        .claim("uip", "c2lnbmF0dXJlLXBhcnQ");
  }

  static String sign(JWK key, JWTClaimsSet claims) {
    return sign(key, claims, null);
  }

  static String sign(JWK key, JWTClaimsSet claims, String typ) {
    try {
      JWSSigner signer;
      JWSAlgorithm alg;
      if (key instanceof ECKey) {
        signer = new ECDSASigner((ECKey) key);
        alg = JWSAlgorithm.ES256;
      } else {
        signer = new RSASSASigner((RSAKey) key);
        alg = JWSAlgorithm.RS256;
      }
      JWSHeader.Builder h = new JWSHeader.Builder(alg).keyID(key.getKeyID());
      if (typ != null) {
        h.type(new JOSEObjectType(typ));
      }
      SignedJWT jwt = new SignedJWT(h.build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
