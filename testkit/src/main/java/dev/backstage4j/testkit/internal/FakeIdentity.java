package dev.backstage4j.testkit.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.Discovery;
import dev.backstage4j.core.internal.JsonCodec;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.TokenVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's auth side, as Backstage's auth backend and plugins do it: an ES256 key that signs user tokens (with
 * the {@code uip} proof their limited-user form needs) published at {@code /api/auth/.well-known/jwks.json}, a
 * plugin identity per fake plugin published at {@code /api/{id}/.backstage/auth/v1/jwks.json}, and the verdict
 * on incoming tokens per target plugin (static token, user tokens, and plugin tokens from plugins discovery routes
 * to, e.g. a Java plugin under test). Thread-safe.
 */
public final class FakeIdentity {
  private static final Duration USER_TOKEN_TTL = Duration.ofHours(1);

  private final String staticToken;
  private final Map<String, URI> externalPlugins;
  private final ECKey authKey;
  private final Map<String, PluginIdentity> plugins = new ConcurrentHashMap<>();
  private final Map<String, TokenVerifier> verifiers = new ConcurrentHashMap<>();
  private volatile URI baseUrl;

  /**
   * Creates the auth side.
   *
   * @param staticToken the static external-access token accepted everywhere (subject {@code external:testkit})
   * @param externalPlugins plugin ids routed elsewhere (Backstage's {@code discovery.endpoints}) to their base URL
   */
  public FakeIdentity(String staticToken, Map<String, URI> externalPlugins) {
    this.staticToken = staticToken;
    this.externalPlugins = new ConcurrentHashMap<>(externalPlugins);
    try {
      this.authKey = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
          .algorithm(JWSAlgorithm.ES256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the fake auth key", e);
    }
  }

  /** Called once the server is bound: tokens name this URL, and callers' keys are fetched through it. */
  void started(URI baseUrl) {
    this.baseUrl = baseUrl;
    verifiers.clear();
  }

  /** Routes {@code pluginId} to {@code baseUrl} from now on, as a reloaded {@code discovery.endpoints} does. */
  public void route(String pluginId, URI baseUrl) {
    externalPlugins.put(pluginId, baseUrl);
    verifiers.clear();
  }

  /** {@return where every plugin lives: the fake, except the external plugins} */
  public Discovery discovery() {
    Discovery.Builder b = Discovery.builder(baseUrl);
    externalPlugins.forEach((id, target) -> b.endpoint(target.toString().replaceAll("/+$", ""), id));
    return b.build();
  }

  /** {@return the ids of the plugins routed elsewhere: the scaffolder's action sources, as pluginSources lists them} */
  java.util.Set<String> externalPluginIds() {
    return new java.util.TreeSet<>(externalPlugins.keySet());
  }

  /** {@return a client config reaching every plugin through {@link #discovery()}, without retries or breaker} */
  ClientConfig selfConfig() {
    return ClientConfig.builder().baseUrl(baseUrl).discovery(discovery()).credentials(CredentialsProvider.none())
        .retry(dev.backstage4j.core.RetryOptions.disabled())
        .circuitBreaker(dev.backstage4j.core.CircuitBreakerOptions.disabled()).build();
  }

  /**
   * Credentials the fake's plugin {@code from} calls {@code to} with for {@code initiator}, as Backstage's
   * {@code auth.getPluginRequestToken({onBehalfOf})}: carrying the user when the initiator is one.
   */
  CredentialsProvider credentials(String from, String to, BackstagePrincipal initiator) {
    return initiator == null || !initiator.isUser() ? plugin(from).credentialsFor(to)
        : initiator.credentialsOnBehalfOf(plugin(from), to);
  }

  /** {@return the auth backend's public keys} */
  String authJwks() {
    return new JWKSet(authKey.toPublicJWK()).toString(true);
  }

  /** {@return the public keys of the fake's plugin {@code pluginId}} */
  String pluginJwks(String pluginId) {
    return plugin(pluginId).jwksJson();
  }

  private PluginIdentity plugin(String pluginId) {
    return plugins.computeIfAbsent(pluginId, PluginIdentity::generate);
  }

  /**
   * Issues a user token as the auth backend does after sign-in: header {@code typ vnd.backstage.user}, claims
   * {@code iss sub ent aud iat exp uip}, valid one hour.
   *
   * @param userEntityRef the user, e.g. {@code user:default/alice}
   * @param ownershipRefs the {@code ent} claim (the user and their groups)
   * @return the token
   */
  public String userToken(String userEntityRef, List<String> ownershipRefs) {
    Instant now = Instant.now();
    long iat = now.getEpochSecond();
    long exp = now.plus(USER_TOKEN_TTL).getEpochSecond();
    // The uip claim is the signature of the limited-user token, so that one can be derived from this one.
    String[] limited = limitedParts(userEntityRef, iat, exp);
    String uip = sign(limited[0] + "." + limited[1]);
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(baseUrl + "/api/auth").subject(userEntityRef)
        .claim("ent", ownershipRefs).audience("backstage").issueTime(new Date(iat * 1000))
        .expirationTime(new Date(exp * 1000)).claim("uip", uip).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
        .type(new JOSEObjectType("vnd.backstage.user")).keyID(authKey.getKeyID()).build(), claims);
    try {
      jwt.sign(new ECDSASigner(authKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a user token", e);
    }
    return jwt.serialize();
  }

  /**
   * Derives the limited-user token of a user token byte for byte as Backstage's {@code UserTokenHandler} does.
   *
   * @param userToken a token from {@link #userToken}
   * @return {@code base64url(header).base64url(payload).uip}
   */
  public String limitedUserToken(String userToken) {
    try {
      JWTClaimsSet claims = SignedJWT.parse(userToken).getJWTClaimsSet();
      String[] parts = limitedParts(claims.getSubject(), claims.getIssueTime().getTime() / 1000,
          claims.getExpirationTime().getTime() / 1000);
      return parts[0] + "." + parts[1] + "." + claims.getStringClaim("uip");
    } catch (java.text.ParseException | RuntimeException e) {
      throw new IllegalArgumentException("not a user token issued by this fake");
    }
  }

  /**
   * Mints a plugin token of the fake's plugin {@code from} for {@code to}, as Backstage's
   * {@code auth.getPluginRequestToken} does, optionally on behalf of a user.
   *
   * @param from the calling plugin, e.g. {@code scaffolder}
   * @param to the target plugin, e.g. a Java plugin's id
   * @param onBehalfOfUserToken a user token from {@link #userToken} to carry as {@code obo}, or null
   * @return the token
   */
  public String pluginToken(String from, String to, String onBehalfOfUserToken) {
    PluginIdentity identity = plugin(from);
    return onBehalfOfUserToken == null ? identity.mintToken(to)
        : identity.credentialsOnBehalfOf(to, limitedUserToken(onBehalfOfUserToken)).token();
  }

  /**
   * Verifies a request's {@code Authorization} header for plugin {@code targetPluginId}.
   *
   * @throws dev.backstage4j.plugin.TokenRejectedException when the caller is not accepted
   */
  BackstagePrincipal authenticate(String targetPluginId, String authorizationHeader) {
    TokenVerifier verifier = verifiers.computeIfAbsent(targetPluginId, id -> {
      ClientConfig self = ClientConfig.builder().baseUrl(baseUrl).discovery(discovery())
          .credentials(CredentialsProvider.none()).build();
      // No refetch interval: tests restart Java plugins with fresh keys, and a loopback fake needs no flood guard.
      return TokenVerifier.builder().addStaticToken(staticToken, "external:testkit").userTokens(self)
          .pluginTokens(id, self).jwksMinRefreshInterval(Duration.ZERO).build();
    });
    return verifier.authenticate(authorizationHeader);
  }

  /** The limited-user header and payload, base64url-encoded, with Backstage's key order and no whitespace. */
  private String[] limitedParts(String sub, long iat, long exp) {
    JsonCodec json = JsonCodec.shared();
    String header = "{\"typ\":\"vnd.backstage.limited-user\",\"alg\":\"ES256\",\"kid\":"
        + json.writeString(authKey.getKeyID()) + "}";
    String payload = "{\"sub\":" + json.writeString(sub) + ",\"iat\":" + iat + ",\"exp\":" + exp + "}";
    return new String[] {b64(header), b64(payload)};
  }

  private String sign(String signingInput) {
    try {
      return new ECDSASigner(authKey).sign(new JWSHeader(JWSAlgorithm.ES256),
          signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a limited-user token", e);
    }
  }

  private static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public String toString() {
    return "FakeIdentity[" + plugins.keySet() + ", external " + externalPlugins.keySet() + "]";
  }
}
