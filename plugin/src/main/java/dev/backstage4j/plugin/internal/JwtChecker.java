package dev.backstage4j.plugin.internal;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.TokenRejectedException;
import dev.backstage4j.plugin.TokenRejection;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and checks JWTs against a {@link JwtPolicy} with Nimbus. Stateless apart from the clock; thread-safe. */
public final class JwtChecker {
  /** Longest token accepted; Backstage issues at most 32 768 characters. */
  public static final int MAX_TOKEN_LENGTH = 65_536;
  /** The JOSE {@code typ} of a Backstage user token (header or payload). */
  public static final String USER_TYP = "vnd.backstage.user";
  /** The JOSE {@code typ} of the limited-user token a plugin token carries in {@code obo}. */
  public static final String LIMITED_USER_TYP = "vnd.backstage.limited-user";
  /** The JOSE {@code typ} of a plugin token. */
  public static final String PLUGIN_TYP = "vnd.backstage.plugin";
  private static final String USER_AUDIENCE = "backstage";

  private final Clock clock;
  private final Duration skew;

  /** Creates a checker reading time from {@code clock} and tolerating {@code skew} on exp/nbf. */
  public JwtChecker(Clock clock, Duration skew) {
    this.clock = clock;
    this.skew = skew;
  }

  /** {@return whether {@code token} has the shape of a compact JWS/JWT (three or five dot-separated parts)} */
  public static boolean looksLikeJwt(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        dots++;
      }
    }
    return dots == 2 || dots == 4;
  }

  /**
   * Parses a compact JWT, rejecting {@code alg: none}, encrypted tokens and unreadable ones.
   *
   * @throws TokenRejectedException with MALFORMED or ALGORITHM_NOT_ALLOWED
   */
  public static SignedJWT parse(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "token is longer than " + MAX_TOKEN_LENGTH
          + " characters");
    }
    String[] parts = token.split("\\.", -1);
    Header header;
    try {
      header = Header.parse(new Base64URL(parts[0]));
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the JWT header cannot be read");
    }
    Algorithm alg = header.getAlgorithm();
    if (Algorithm.NONE.equals(alg) || !(header instanceof JWSHeader)) {
      throw new TokenRejectedException(TokenRejection.ALGORITHM_NOT_ALLOWED, "algorithm " + alg
          + " is not allowed (only signed tokens with an asymmetric algorithm are accepted)");
    }
    if (parts.length != 3) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "a signed JWT has three parts");
    }
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the JWT cannot be read");
    }
  }

  /** {@return the unverified {@code iss} claim, used only to pick the policy to verify with} */
  public static String unverifiedIssuer(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the JWT claims cannot be read");
    }
  }

  /**
   * Verifies signature, algorithm, type, time, issuer and audience of {@code jwt} under {@code policy}, then
   * returns the principal. For {@link JwtPolicy.Kind#USER} and {@link JwtPolicy.Kind#EXTERNAL} policies.
   *
   * @throws TokenRejectedException naming the first check that failed
   * @throws dev.backstage4j.plugin.JwksUnavailableException when the keys cannot be fetched
   */
  public BackstagePrincipal verify(SignedJWT jwt, String rawToken, JwtPolicy policy) {
    JWTClaimsSet claims = check(jwt, policy);
    Instant exp = claims.getExpirationTime().toInstant();
    String sub = claims.getSubject();
    if (policy.kind() == JwtPolicy.Kind.EXTERNAL) {
      String prefix = policy.subjectPrefix() == null ? "external:" : "external:" + policy.subjectPrefix() + ":";
      return BackstagePrincipal.service(prefix + sub, exp, visibleClaims(claims), rawToken);
    }
    return BackstagePrincipal.user(sub, ownership(claims, sub), exp, visibleClaims(claims), rawToken);
  }

  /**
   * Checks {@code jwt} under {@code policy} the way Backstage's backend does for that kind of token and returns
   * its verified claims: the algorithm and {@code typ}, the signature against the policy's keys, {@code exp}
   * (always required) and {@code nbf}, the issuer and audience when the policy names them, and the claims
   * Backstage requires ({@code iat} and {@code sub} for typed user, limited-user and plugin tokens, {@code aud}
   * too for plugin tokens).
   *
   * @throws TokenRejectedException naming the first check that failed
   * @throws dev.backstage4j.plugin.JwksUnavailableException when the keys cannot be fetched
   */
  public JWTClaimsSet check(SignedJWT jwt, JwtPolicy policy) {
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!policy.algorithms().contains(alg)) {
      throw new TokenRejectedException(TokenRejection.ALGORITHM_NOT_ALLOWED, "algorithm " + alg
          + " is not allowed for " + policy.description() + " (allowed: " + sorted(policy.algorithms()) + ")");
    }
    String typ = header.getType() == null ? null : header.getType().getType();
    boolean typed = checkType(typ, policy);
    verifySignature(jwt, header, policy);
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejection.MALFORMED, "the JWT claims cannot be read");
    }
    Instant now = clock.instant();
    if (claims.getExpirationTime() == null) {
      throw new TokenRejectedException(TokenRejection.MISSING_CLAIM, "the token has no exp claim");
    }
    Instant exp = claims.getExpirationTime().toInstant();
    if (now.isAfter(exp.plus(skew))) {
      throw new TokenRejectedException(TokenRejection.EXPIRED, "the token expired at " + exp);
    }
    if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant().minus(skew))) {
      throw new TokenRejectedException(TokenRejection.NOT_YET_VALID, "the token is not valid before "
          + claims.getNotBeforeTime().toInstant());
    }
    if (typed && claims.getIssueTime() == null) {
      throw new TokenRejectedException(TokenRejection.MISSING_CLAIM, "the token has no iat claim");
    }
    if (!policy.acceptsIssuer(claims.getIssuer())) {
      throw new TokenRejectedException(TokenRejection.WRONG_ISSUER, "issuer " + shown(claims.getIssuer())
          + " is not trusted for " + policy.description() + " (expected one of " + policy.issuers() + ")");
    }
    List<String> aud = claims.getAudience();
    boolean audienceChecked = !policy.audiences().isEmpty()
        && !(typed && policy.kind() == JwtPolicy.Kind.USER);  // Backstage checks aud only on untyped user tokens
    if (audienceChecked && aud.stream().noneMatch(policy.audiences()::contains)) {
      throw new TokenRejectedException(TokenRejection.WRONG_AUDIENCE, "audience " + shown(String.valueOf(aud))
          + " does not include "
          + (policy.audiences().size() == 1 ? policy.audiences().get(0) : "one of " + policy.audiences()));
    }
    String sub = claims.getSubject();
    if (sub == null || sub.isEmpty()) {
      throw new TokenRejectedException(TokenRejection.MISSING_CLAIM, "the token has no sub claim");
    }
    return claims;
  }

  /**
   * Checks the header {@code typ} for the policy's kind; returns whether the token is a typed Backstage token
   * (which must then carry {@code iat}). Other types are accepted only where Backstage accepts them: legacy
   * user tokens (any {@code typ}, audience {@code backstage}) and external-access tokens.
   */
  private static boolean checkType(String typ, JwtPolicy policy) {
    String expected = switch (policy.kind()) {
      case USER -> USER_TYP;
      case LIMITED_USER -> LIMITED_USER_TYP;
      case PLUGIN -> PLUGIN_TYP;
      case EXTERNAL -> null;
    };
    if (expected == null) {
      return false;
    }
    if (policy.kind() == JwtPolicy.Kind.USER && !USER_TYP.equals(typ)) {
      return false;  // legacy: Backstage ignores the typ and requires audience backstage instead
    }
    if (!expected.equals(typ)) {
      throw new TokenRejectedException(TokenRejection.WRONG_TYPE, "token type " + shown(typ) + " is not "
          + expected);
    }
    return true;
  }

  /** The claims a principal shows: every verified claim except the credential parts ({@code uip}, {@code obo}). */
  public static Map<String, Object> visibleClaims(JWTClaimsSet claims) {
    Map<String, Object> visible = new LinkedHashMap<>(claims.getClaims());
    visible.remove("uip");
    visible.remove("obo");
    visible.replaceAll((k, v) -> immutable(v));
    return visible;
  }

  /**
   * Derives the limited-user token of a verified user token exactly as Backstage's {@code UserTokenHandler}
   * does: {@code base64url({"typ":"vnd.backstage.limited-user","alg","kid"}) . base64url({"sub","iat","exp"})
   * . uip}, the JSON byte for byte as Node writes it, because the auth backend signed exactly those bytes.
   *
   * @param userToken a verified user token
   * @return the limited-user token, or null when the token has no {@code uip} (issued without an identity proof)
   */
  public static String limitedUserTokenOf(String userToken) {
    try {
      SignedJWT jwt = SignedJWT.parse(userToken);
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Object uip = claims.getClaim("uip");
      if (!(uip instanceof String) || claims.getIssueTime() == null || claims.getExpirationTime() == null) {
        return null;
      }
      com.fasterxml.jackson.databind.ObjectMapper json = dev.backstage4j.core.internal.JsonCodec.shared().mapper();
      String header = "{\"typ\":\"" + LIMITED_USER_TYP + "\",\"alg\":"
          + json.writeValueAsString(jwt.getHeader().getAlgorithm().getName())
          + (jwt.getHeader().getKeyID() == null ? "" : ",\"kid\":" + json.writeValueAsString(
              jwt.getHeader().getKeyID())) + "}";
      String payload = "{\"sub\":" + json.writeValueAsString(claims.getSubject()) + ",\"iat\":"
          + claims.getIssueTime().getTime() / 1000 + ",\"exp\":" + claims.getExpirationTime().getTime() / 1000
          + "}";
      return Base64URL.encode(header) + "." + Base64URL.encode(payload) + "." + uip;
    } catch (ParseException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /**
   * Returns a value taken from an unverified or untrusted token fit for a message or log line: control
   * characters replaced (no forged log lines) and at most 80 characters.
   */
  public static String shown(String value) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < value.length() && b.length() < 80; i++) {
      char c = value.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return value.length() > 80 ? b + "…" : b.toString();
  }

  private void verifySignature(SignedJWT jwt, JWSHeader header, JwtPolicy policy) {
    String kid = header.getKeyID();
    List<JWK> candidates = policy.keys().keysFor(kid);
    if (candidates.isEmpty()) {
      throw new TokenRejectedException(TokenRejection.UNKNOWN_KEY, kid == null
          ? "no key at " + policy.keys().source() + " fits the token"
          : "key id " + shown(kid) + " is not published at " + policy.keys().source());
    }
    boolean anyUsable = false;
    for (JWK key : candidates) {
      JWSVerifier verifier = verifierFor(key, header.getAlgorithm());
      if (verifier == null) {
        continue;
      }
      anyUsable = true;
      try {
        if (jwt.verify(verifier)) {
          return;
        }
      } catch (JOSEException e) {
        // a key of the wrong size or curve for the algorithm: try the next one, then report a bad signature
      }
    }
    if (!anyUsable) {
      throw new TokenRejectedException(TokenRejection.ALGORITHM_NOT_ALLOWED, "algorithm "
          + header.getAlgorithm() + " does not match the type or declared algorithm of key "
          + (kid == null ? "(none named)" : shown(kid)));
    }
    throw new TokenRejectedException(TokenRejection.BAD_SIGNATURE, "the signature does not verify with key "
        + (kid == null ? "(none named)" : shown(kid)) + " from " + policy.keys().source());
  }

  /** {@return a verifier only when the key's type (and declared alg, if any) fits the token's algorithm} */
  private static JWSVerifier verifierFor(JWK key, JWSAlgorithm alg) {
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      return null;
    }
    try {
      if (key instanceof ECKey && JWSAlgorithm.Family.EC.contains(alg)) {
        return new ECDSAVerifier((ECKey) key);
      }
      if (key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(alg)) {
        return new RSASSAVerifier((RSAKey) key);
      }
    } catch (JOSEException e) {
      return null;
    }
    return null;
  }

  /** Dates become Instants; nested lists and objects become unmodifiable copies. */
  private static Object immutable(Object v) {
    if (v instanceof java.util.Date) {
      return ((java.util.Date) v).toInstant();
    }
    if (v instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) v).forEach(o -> copy.add(immutable(o)));
      return java.util.Collections.unmodifiableList(copy);
    }
    if (v instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) v).forEach((k, o) -> copy.put(String.valueOf(k), immutable(o)));
      return java.util.Collections.unmodifiableMap(copy);
    }
    return v;
  }

  private static List<String> ownership(JWTClaimsSet claims, String sub) {
    Object ent = claims.getClaim("ent");
    if (ent == null) {
      return List.of(sub);
    }
    if (!(ent instanceof List)) {
      throw new TokenRejectedException(TokenRejection.MISSING_CLAIM, "the ent claim is not a list of entity refs");
    }
    List<String> refs = new ArrayList<>();
    for (Object o : (List<?>) ent) {
      if (!(o instanceof String)) {
        throw new TokenRejectedException(TokenRejection.MISSING_CLAIM, "the ent claim is not a list of entity refs");
      }
      refs.add((String) o);
    }
    return refs;
  }

  private static List<String> sorted(java.util.Set<JWSAlgorithm> algs) {
    return algs.stream().map(JWSAlgorithm::getName).sorted().toList();
  }

  /** The audience Backstage puts in user tokens. */
  public static String userAudience() {
    return USER_AUDIENCE;
  }
}
