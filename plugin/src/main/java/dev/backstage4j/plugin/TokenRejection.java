package dev.backstage4j.plugin;

/**
 * Says why a token was not accepted, so callers can react without parsing messages.
 *
 * <p>Every value means "the caller is not authenticated" (HTTP 401). A verifier that cannot check a token at all
 * because the key set is unreachable throws {@link JwksUnavailableException} instead (HTTP 503).
 */
public enum TokenRejection {
  /** No token was sent (no {@code Authorization} header, or an empty one). */
  MISSING,
  /** The header or token could not be read: not a bearer token, not a JWT, too long, or unreadable claims. */
  MALFORMED,
  /** The token's algorithm is not allowed: {@code none}, any HMAC ({@code HS*}), encryption, or not configured. */
  ALGORITHM_NOT_ALLOWED,
  /** The signature does not match the key named by the token (forged, tampered or signed with another key). */
  BAD_SIGNATURE,
  /** The token names a key ({@code kid}) the issuer does not publish, even after refreshing the key set. */
  UNKNOWN_KEY,
  /** The token's {@code exp} has passed (beyond the allowed clock skew). */
  EXPIRED,
  /** The token's {@code nbf} is still in the future (beyond the allowed clock skew). */
  NOT_YET_VALID,
  /** The token's {@code iss} is not a trusted issuer. */
  WRONG_ISSUER,
  /** The token's {@code aud} does not name this service's audience. */
  WRONG_AUDIENCE,
  /** The token is of another Backstage token type (e.g. a limited-user or plugin token). */
  WRONG_TYPE,
  /** A required claim ({@code sub}, {@code exp}) is missing or has the wrong shape. */
  MISSING_CLAIM,
  /** The token is neither a configured static token nor a JWT, or a kind of JWT this verifier does not accept. */
  NOT_RECOGNIZED,
  /**
   * A plugin token whose source ({@code sub}) is not a plugin this service can verify: its JWKS endpoint answered
   * 404 or no key set (Backstage: "plugin unexpectedly does not have a JWKS endpoint").
   */
  NOT_A_PLUGIN
}
