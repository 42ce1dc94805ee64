package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.List;
import java.util.Set;

/**
 * What one trusted issuer's tokens must satisfy. Immutable.
 *
 * @param description names the issuer in messages ("Backstage user tokens", "external access via <url>")
 * @param keys the issuer's public keys
 * @param algorithms the allowed signature algorithms (asymmetric only)
 * @param issuers accepted {@code iss} values; empty accepts any
 * @param audiences accepted {@code aud} values; empty accepts any
 * @param kind which kind of token this policy checks (decides the {@code typ} and required-claim rules)
 * @param subjectPrefix for external tokens: principal subject is {@code external:[prefix:]sub}
 */
public record JwtPolicy(String description, JwksCache keys, Set<JWSAlgorithm> algorithms, List<String> issuers,
    List<String> audiences, Kind kind, String subjectPrefix) {

  /** The kinds of JWT a Java plugin accepts, each checked the way Backstage's backend checks it. */
  public enum Kind {
    /** A user token from the auth backend ({@code typ vnd.backstage.user}, or legacy: no typ and aud backstage). */
    USER,
    /** The limited-user token in a plugin token's {@code obo} claim ({@code typ vnd.backstage.limited-user}). */
    LIMITED_USER,
    /** Another plugin's token ({@code typ vnd.backstage.plugin}, aud = this plugin). */
    PLUGIN,
    /** A third-party JWT accepted as external access ({@code type: jwks}). */
    EXTERNAL
  }

  /** Every asymmetric signature algorithm Nimbus verifies without extra libraries; never HMAC, never none. */
  public static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
      JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
      JWSAlgorithm.PS384, JWSAlgorithm.PS512);

  /** {@return whether this policy may check a token claiming issuer {@code iss}} */
  public boolean acceptsIssuer(String iss) {
    return issuers.isEmpty() || (iss != null && issuers.contains(iss));
  }
}
