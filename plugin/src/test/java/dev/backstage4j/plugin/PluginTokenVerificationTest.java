package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.Discovery;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.testsupport.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plugin tokens other plugins send to a Java plugin ({@code javatest}), checked as Backstage's PluginTokenHandler
 * checks them: the caller's keys come from its own JWKS endpoint (served here by MockWebServer as Backstage would),
 * a user behind the call ({@code obo}) is verified with the auth backend's keys.
 */
class PluginTokenVerificationTest {
  private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
  private static final String OWN = "javatest";

  private final MockWebServer backstage = new MockWebServer();
  private final MutableClock clock = new MutableClock(T0);
  private final ECKey scaffolderKey = Tokens.ecKey("scaffolder-key");
  private final ECKey authKey = Tokens.ecKey("auth-key");
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private ClientConfig config;
  private TokenVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    backstage.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        fetches.computeIfAbsent(r.getPath(), p -> new AtomicInteger()).incrementAndGet();
        if (r.getHeader("Authorization") != null) {
          return new MockResponse().setResponseCode(400);  // JWKS requests must carry no credentials
        }
        switch (r.getPath()) {
          case "/api/scaffolder/.backstage/auth/v1/jwks.json":
            return json(Tokens.jwks(scaffolderKey));
          case "/api/auth/.well-known/jwks.json":
            return json(Tokens.jwks(authKey));
          case "/api/catalog/.backstage/auth/v1/jwks.json":
            return json("{\"keys\":[]}");  // a Node plugin that has not signed anything yet
          default:
            return new MockResponse().setResponseCode(404);
        }
      }
    });
    backstage.start();
    config = ClientConfig.builder().baseUrl(backstage.url("/").toString().replaceAll("/$", ""))
        .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build();
    verifier = TokenVerifier.builder().pluginTokens(OWN, config).clock(clock).build();
  }

  @AfterEach
  void stop() throws Exception {
    backstage.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static JWTClaimsSet.Builder pluginClaims(String sub, String aud) {
    return new JWTClaimsSet.Builder().subject(sub).audience(aud).issueTime(Date.from(T0))
        .expirationTime(Date.from(T0.plusSeconds(3600)));
  }

  private String pluginToken(JWTClaimsSet.Builder claims) {
    return Tokens.sign(scaffolderKey, claims.build(), "vnd.backstage.plugin");
  }

  /** A limited-user token exactly as the auth backend derives it: header and payload JSON byte for byte. */
  private String limitedUserToken(String sub, Instant exp, ECKey key) throws Exception {
    SignedJWT user = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(
        "vnd.backstage.user")).keyID(key.getKeyID()).build(), Tokens.userClaims("x", T0).subject(sub)
        .expirationTime(Date.from(exp)).build());
    String header = Base64URL.encode("{\"typ\":\"vnd.backstage.limited-user\",\"alg\":\"ES256\",\"kid\":\""
        + key.getKeyID() + "\"}").toString();
    String payload = Base64URL.encode("{\"sub\":\"" + sub + "\",\"iat\":" + T0.getEpochSecond() + ",\"exp\":"
        + exp.getEpochSecond() + "}").toString();
    SignedJWT limited = new SignedJWT(new Base64URL(header), new Base64URL(payload), new Base64URL("x"));
    byte[] signingInput = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
    Base64URL signature = new com.nimbusds.jose.crypto.ECDSASigner(key).sign(limited.getHeader(), signingInput);
    assertTrue(user.getHeader().getType() != null);
    return header + "." + payload + "." + signature;
  }

  private TokenRejectedException rejected(String token) {
    return assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
  }

  private int fetchesOf(String path) {
    AtomicInteger n = fetches.get(path);
    return n == null ? 0 : n.get();
  }

  @Test
  void pluginToken_verifiesAsPluginPrincipal() {
    BackstagePrincipal p = verifier.verify(pluginToken(pluginClaims("scaffolder", OWN)));

    assertEquals(BackstagePrincipal.Kind.PLUGIN, p.kind());
    assertEquals("plugin:scaffolder", p.subject());
    assertEquals("scaffolder", p.pluginId());
    assertEquals("service", p.backstageType());
    assertNull(p.actor());
    assertEquals(T0.plusSeconds(3600), p.expiresAt());
    assertThrows(IllegalStateException.class, p::credentials, "a token addressed to us cannot be forwarded");
  }

  @Test
  void pluginTokenMintedByAPluginIdentity_verifies() {
    PluginIdentity scaffolder = PluginIdentity.generate("scaffolder");
    backstage.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return r.getPath().equals("/api/scaffolder/.backstage/auth/v1/jwks.json") ? json(scaffolder.jwksJson())
            : new MockResponse().setResponseCode(404);
      }
    });
    TokenVerifier real = TokenVerifier.builder().pluginTokens(OWN, config).build();

    assertEquals("plugin:scaffolder", real.verify(scaffolder.mintToken(OWN)).subject());
    assertEquals(TokenRejection.WRONG_AUDIENCE, assertThrows(TokenRejectedException.class,
        () -> real.verify(scaffolder.mintToken("catalog"))).reason());
  }

  @Test
  void oboToken_verifiesAsTheUserWithThePluginAsActor() throws Exception {
    Instant userExpiry = T0.plusSeconds(1800);
    String obo = limitedUserToken("user:default/alice", userExpiry, authKey);

    BackstagePrincipal p = verifier.verify(pluginToken(pluginClaims("scaffolder", OWN).claim("obo", obo)));

    assertEquals(BackstagePrincipal.Kind.USER, p.kind());
    assertEquals("user:default/alice", p.subject());
    assertEquals("plugin:scaffolder", p.actor());
    assertEquals("user", p.backstageType());
    assertEquals(userExpiry, p.expiresAt(), "Backstage takes the credentials' expiry from the obo token");
    assertEquals(obo, p.limitedUserToken(), "kept byte for byte to forward it");
    assertFalse(p.claims().containsKey("obo"));
    assertFalse(p.toString().contains(obo));
  }

  @Test
  void oboToken_forgedOrExpired_rejectedWithTheReason() throws Exception {
    String forged = limitedUserToken("user:default/admin", T0.plusSeconds(1800), Tokens.ecKey("auth-key"));
    TokenRejectedException e = rejected(pluginToken(pluginClaims("scaffolder", OWN).claim("obo", forged)));
    assertEquals(TokenRejection.BAD_SIGNATURE, e.reason());
    assertTrue(e.getMessage().contains("obo"), e.getMessage());

    String expired = limitedUserToken("user:default/alice", T0.minusSeconds(1), authKey);
    assertEquals(TokenRejection.EXPIRED,
        rejected(pluginToken(pluginClaims("scaffolder", OWN).claim("obo", expired))).reason());
    assertEquals(TokenRejection.MALFORMED,
        rejected(pluginToken(pluginClaims("scaffolder", OWN).claim("obo", 42))).reason());
  }

  @Test
  void wrongAudienceExpiredOrNoIat_rejectedAsBackstageRejectsThem() {
    assertEquals(TokenRejection.WRONG_AUDIENCE, rejected(pluginToken(pluginClaims("scaffolder", "catalog"))).reason());
    clock.advance(Duration.ofSeconds(3601));
    assertEquals(TokenRejection.EXPIRED, rejected(pluginToken(pluginClaims("scaffolder", OWN))).reason());
    clock.advance(Duration.ofSeconds(-3601));
    assertEquals(TokenRejection.MISSING_CLAIM,
        rejected(pluginToken(pluginClaims("scaffolder", OWN).issueTime(null))).reason());
    assertEquals(TokenRejection.NOT_RECOGNIZED,
        rejected(Tokens.sign(scaffolderKey, pluginClaims("scaffolder", OWN).build(), "JWT")).reason(),
        "typ JWT: Backstage answers Illegal token");
  }

  @Test
  void forgedTokens_rejectedWithAReason() throws Exception {
    assertEquals(TokenRejection.UNKNOWN_KEY, rejected(Tokens.sign(Tokens.ecKey("made-up"),
        pluginClaims("scaffolder", OWN).build(), "vnd.backstage.plugin")).reason());
    assertEquals(TokenRejection.BAD_SIGNATURE, rejected(Tokens.sign(Tokens.ecKey("scaffolder-key"),
        pluginClaims("scaffolder", OWN).build(), "vnd.backstage.plugin")).reason());

    String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"vnd.backstage.plugin\"}") + "."
        + Base64URL.encode(pluginClaims("scaffolder", OWN).build().toString()) + ".";
    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, rejected(none).reason());

    SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(
        "vnd.backstage.plugin")).keyID("scaffolder-key").build(), pluginClaims("scaffolder", OWN).build());
    hs.sign(new MACSigner(Tokens.jwks(scaffolderKey).repeat(2).getBytes(StandardCharsets.UTF_8)));
    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, rejected(hs.serialize()).reason());
  }

  @Test
  void callerWithoutJwksEndpoint_rejectedNotAPlugin_andNotProbedAgainWithinTheInterval() {
    String token = Tokens.sign(scaffolderKey, pluginClaims("ghost", OWN).build(), "vnd.backstage.plugin");

    TokenRejectedException e = rejected(token);
    assertEquals(TokenRejection.NOT_A_PLUGIN, e.reason());
    assertTrue(e.getMessage().contains("/api/ghost/.backstage/auth/v1/jwks.json"), e.getMessage());
    rejected(token);
    assertEquals(1, fetchesOf("/api/ghost/.backstage/auth/v1/jwks.json"));

    clock.advance(Duration.ofSeconds(30));
    rejected(token);
    assertEquals(2, fetchesOf("/api/ghost/.backstage/auth/v1/jwks.json"));
  }

  @Test
  void nodePluginWithEmptyKeySet_isAPluginButItsTokensDoNotVerify() {
    assertEquals(TokenRejection.UNKNOWN_KEY, rejected(Tokens.sign(scaffolderKey,
        pluginClaims("catalog", OWN).build(), "vnd.backstage.plugin")).reason());
  }

  @Test
  void subjectBackstageForbids_rejectedWithoutAnyRequest() {
    assertEquals(TokenRejection.MALFORMED, rejected(Tokens.sign(scaffolderKey,
        pluginClaims("../auth", OWN).build(), "vnd.backstage.plugin")).reason());
    assertEquals(TokenRejection.MISSING_CLAIM, rejected(Tokens.sign(scaffolderKey,
        pluginClaims(null, OWN).build(), "vnd.backstage.plugin")).reason());
    assertEquals(0, backstage.getRequestCount());
  }

  @Test
  void floodOfForgedKeyIds_costsBackstageOneFetchPerInterval() {
    verifier.verify(pluginToken(pluginClaims("scaffolder", OWN)));
    int before = fetchesOf("/api/scaffolder/.backstage/auth/v1/jwks.json");

    for (int i = 0; i < 1000; i++) {
      rejected(Tokens.sign(Tokens.ecKey(UUID.randomUUID().toString()), pluginClaims("scaffolder", OWN).build(),
          "vnd.backstage.plugin"));
    }
    assertTrue(fetchesOf("/api/scaffolder/.backstage/auth/v1/jwks.json") - before <= 1,
        "fetches during the flood: " + (fetchesOf("/api/scaffolder/.backstage/auth/v1/jwks.json") - before));
  }

  @Test
  void floodOfMadeUpPluginIds_probesAtMostTenNewIdsAMinute() {
    for (int i = 0; i < 200; i++) {
      rejected(Tokens.sign(scaffolderKey, pluginClaims("ghost-" + i, OWN).build(), "vnd.backstage.plugin"));
    }
    assertEquals(10, backstage.getRequestCount());

    clock.advance(Duration.ofSeconds(61));
    verifier.verify(pluginToken(pluginClaims("scaffolder", OWN)));
  }

  @Test
  void callerKeysAreFoundThroughDiscovery() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          return r.getPath().equals("/x/scaffolder/.backstage/auth/v1/jwks.json") ? json(Tokens.jwks(scaffolderKey))
              : new MockResponse().setResponseCode(404);
        }
      });
      elsewhere.start();
      ClientConfig routed = config.toBuilder().discovery(Discovery.builder(config.baseUrl())
          .endpoint(elsewhere.url("/x/").toString() + "{{pluginId}}", "scaffolder").build()).build();
      TokenVerifier v = TokenVerifier.builder().pluginTokens(OWN, routed).clock(clock).build();

      assertEquals("plugin:scaffolder", v.verify(pluginToken(pluginClaims("scaffolder", OWN))).subject());
      assertEquals(0, fetchesOf("/api/scaffolder/.backstage/auth/v1/jwks.json"));
    }
  }

  @Test
  void tokensNeverAppearInMessagesOrLogs() throws Exception {
    String obo = limitedUserToken("user:default/alice", T0.plusSeconds(60), Tokens.ecKey("auth-key"));
    String token = pluginToken(pluginClaims("scaffolder", OWN).claim("obo", obo));
    try (LogCapture logs = LogCapture.start()) {
      TokenRejectedException e = rejected(token);
      assertFalse(e.getMessage().contains(obo) || e.getMessage().contains(token));
      assertFalse(logs.text().contains(obo.substring(0, 40)) || logs.text().contains(token.substring(20, 60)));
    }
  }
}
