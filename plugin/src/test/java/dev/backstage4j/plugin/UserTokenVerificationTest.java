package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.testsupport.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User tokens as the auth backend issues them, checked against a JWKS served by MockWebServer. */
class UserTokenVerificationTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final AtomicReference<String> jwks = new AtomicReference<>();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private final MutableClock clock = new MutableClock(T0);
  private final ECKey key = Tokens.ecKey("k1");
  private String issuer;
  private ClientConfig config;
  private TokenVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (!"/api/auth/.well-known/jwks.json".equals(request.getPath())) {
          return new MockResponse().setResponseCode(404);
        }
        jwksFetches.incrementAndGet();
        if (down.get()) {
          return new MockResponse().setResponseCode(503).setBody("{\"error\":{\"name\":\"ServiceUnavailableError\","
              + "\"message\":\"auth is restarting\"}}");
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(jwks.get());
      }
    });
    server.start();
    jwks.set(Tokens.jwks(key));
    String base = server.url("/").toString().replaceAll("/$", "");
    issuer = base + "/api/auth";
    config = ClientConfig.builder().baseUrl(base).retry(RetryOptions.disabled())
        .circuitBreaker(CircuitBreakerOptions.disabled()).build();
    verifier = TokenVerifier.builder().userTokens(config).clock(clock).build();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String userToken(JWTClaimsSet.Builder claims) {
    return Tokens.sign(key, claims.build());
  }

  private JWTClaimsSet.Builder claims() {
    return Tokens.userClaims(issuer, T0);
  }

  private TokenRejection rejection(String token) {
    return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void verify_validUserToken_returnsUserWithOwnershipRefs() throws Exception {
    String token = userToken(claims().claim("department", "shop"));

    BackstagePrincipal p = verifier.verify(token);

    assertEquals(BackstagePrincipal.Kind.USER, p.kind());
    assertEquals("user:default/jdoe", p.subject());
    assertEquals(List.of("user:default/jdoe", "group:default/team-a"), p.ownershipEntityRefs());
    assertEquals(T0.plusSeconds(3600), p.expiresAt());
    assertEquals("shop", p.claims().get("department"));
    assertFalse(p.claims().containsKey("uip"), "uip is a credential fragment");
    RecordedRequest fetch = server.takeRequest();
    assertEquals("/api/auth/.well-known/jwks.json", fetch.getPath());
    assertTrue(fetch.getHeader("User-Agent").startsWith("backstage4j/"), "fetched through the core transport");
  }

  @Test
  void verify_typInHeader_isAccepted() {
    String token = Tokens.sign(key, claims().build(), "vnd.backstage.user");

    assertEquals("user:default/jdoe", verifier.verify(token).subject());
  }

  @Test
  void verify_noEntClaim_ownsItself() {
    String token = userToken(claims().claim("ent", null));

    assertEquals(List.of("user:default/jdoe"), verifier.verify(token).ownershipEntityRefs());
  }

  @Test
  void verify_secondToken_usesCachedKeys() {
    verifier.verify(userToken(claims()));
    verifier.verify(userToken(claims().subject("user:default/other")));

    assertEquals(1, jwksFetches.get());
  }

  @Test
  void verify_expired_rejectedExpired() {
    clock.advance(Duration.ofSeconds(3600 + 1));

    assertEquals(TokenRejection.EXPIRED, rejection(userToken(claims())));
  }

  @Test
  void verify_expiredWithinAConfiguredSkew_accepted() {
    clock.advance(Duration.ofSeconds(3600 + 29));
    TokenVerifier lenient = TokenVerifier.builder().userTokens(config).clock(clock)
        .clockSkew(Duration.ofSeconds(30)).build();

    assertEquals("user:default/jdoe", lenient.verify(userToken(claims())).subject());
    assertEquals(TokenRejection.EXPIRED, rejection(userToken(claims())), "no skew by default, as in Backstage");
  }

  @Test
  void verify_notBeforeInTheFuture_rejectedNotYetValid() {
    String token = userToken(claims().notBeforeTime(Date.from(T0.plusSeconds(120))));

    assertEquals(TokenRejection.NOT_YET_VALID, rejection(token));
  }

  @Test
  void verify_noExp_rejectedMissingClaim() {
    assertEquals(TokenRejection.MISSING_CLAIM, rejection(userToken(claims().expirationTime(null))));
  }

  @Test
  void verify_otherIssuer_acceptedLikeBackstageUnlessIssuersAreConfigured() {
    assertEquals("user:default/jdoe",
        verifier.verify(userToken(claims().issuer("https://other.example.com/api/auth"))).subject());

    TokenVerifier strict = TokenVerifier.builder().userTokens(config).userTokenIssuer(issuer).clock(clock).build();
    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> strict.verify(userToken(claims().issuer("https://evil.example.com/api/auth"))));

    assertEquals(TokenRejection.WRONG_ISSUER, e.reason());
    assertTrue(e.getMessage().contains("https://evil.example.com/api/auth"), e.getMessage());
  }

  @Test
  void verify_issuerWithLineBreaks_cannotForgeLogLines() {
    String evil = "https://evil.example.com\nINFO accepted token for user:default/admin";
    TokenVerifier strict = TokenVerifier.builder().userTokens(config).userTokenIssuer(issuer).clock(clock).build();
    try (LogCapture logs = LogCapture.start()) {
      TokenRejectedException e = assertThrows(TokenRejectedException.class,
          () -> strict.verify(userToken(claims().issuer(evil))));

      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertFalse(logs.text().contains("\nINFO"), logs.text());
    }
  }

  @Test
  void verify_principalClaims_areDeeplyUnmodifiable() {
    BackstagePrincipal p = verifier.verify(userToken(claims().claim("groups", List.of("a", "b"))));

    assertThrows(UnsupportedOperationException.class, () -> p.claims().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) p.claims().get("groups")).clear());
    assertEquals(T0.plusSeconds(3600), p.claims().get("exp"));
  }

  @Test
  void verify_configuredExternalIssuer_isTheOneAccepted() {
    TokenVerifier external = TokenVerifier.builder().userTokens(config).clock(clock)
        .userTokenIssuer("https://backstage.example.com/api/auth").build();

    assertEquals("user:default/jdoe", external.verify(
        userToken(claims().issuer("https://backstage.example.com/api/auth"))).subject());
    assertEquals(TokenRejection.WRONG_ISSUER, assertThrows(TokenRejectedException.class,
        () -> external.verify(userToken(claims()))).reason());
  }

  @Test
  void verify_untypedWithOtherAudience_notAUserToken() {
    assertEquals(TokenRejection.NOT_RECOGNIZED, rejection(userToken(claims().audience("catalog"))));
  }

  @Test
  void verify_limitedUserOrPluginType_rejected() {
    assertEquals(TokenRejection.WRONG_TYPE,
        rejection(Tokens.sign(key, claims().build(), "vnd.backstage.limited-user")),
        "a limited-user token alone: Backstage answers Illegal limited user token");
    assertEquals(TokenRejection.NOT_RECOGNIZED,
        rejection(Tokens.sign(key, claims().build(), "vnd.backstage.plugin")),
        "plugin tokens are not accepted unless pluginTokens is configured");
    assertEquals("user:default/jdoe", verifier.verify(Tokens.sign(key, claims().build(), "JWT")).subject(),
        "any other typ with audience backstage is a legacy user token to Backstage");
    assertEquals(TokenRejection.NOT_RECOGNIZED,
        rejection(Tokens.sign(key, claims().audience("catalog").build(), "JWT")), "Backstage: Illegal token");
  }

  @Test
  void verify_signedWithAnotherKeyUnderTheSameKid_rejectedBadSignature() {
    ECKey impostor = Tokens.ecKey("k1");

    assertEquals(TokenRejection.BAD_SIGNATURE, rejection(Tokens.sign(impostor, claims().build())));
  }

  @Test
  void verify_tamperedPayload_rejectedBadSignature() {
    String[] parts = userToken(claims()).split("\\.");
    String forged = Base64URL.encode(claims().subject("user:default/admin")
        .claim("ent", List.of("group:default/admins")).build().toString()).toString();

    assertEquals(TokenRejection.BAD_SIGNATURE, rejection(parts[0] + "." + forged + "." + parts[2]));
  }

  @Test
  void verify_algNone_rejectedAlgorithmNotAllowed() {
    String header = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"k1\"}").toString();
    String payload = Base64URL.encode(claims().build().toString()).toString();

    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, rejection(header + "." + payload + "."));
    assertEquals(0, jwksFetches.get(), "an unsigned token never costs a key fetch");
  }

  @Test
  void verify_hs256SignedWithThePublicKey_rejectedAlgorithmNotAllowed() throws Exception {
    // The classic confusion attack: use the published public key as an HMAC secret.
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
    jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
    SignedJWT der = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
    der.sign(new MACSigner(key.toECPublicKey().getEncoded()));

    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, rejection(jwt.serialize()));
    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, rejection(der.serialize()));
  }

  @Test
  void verify_algorithmRestricted_otherAsymmetricRejected() {
    TokenVerifier es256Only = TokenVerifier.builder().userTokens(config).clock(clock).userTokenAlgorithm("ES256")
        .build();
    com.nimbusds.jose.jwk.RSAKey rsa = Tokens.rsaKey("r1");
    jwks.set(Tokens.jwks(key, rsa));

    assertEquals("user:default/jdoe", es256Only.verify(userToken(claims())).subject());
    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, assertThrows(TokenRejectedException.class,
        () -> es256Only.verify(Tokens.sign(rsa, claims().build()))).reason());
  }

  @Test
  void verify_unknownKid_refetchesOnceThenRejects() {
    verifier.verify(userToken(claims()));
    ECKey unpublished = Tokens.ecKey("k-unpublished");
    clock.advance(Duration.ofSeconds(31));

    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> verifier.verify(Tokens.sign(unpublished, claims().build())));

    assertEquals(TokenRejection.UNKNOWN_KEY, e.reason());
    assertTrue(e.getMessage().contains("k-unpublished"), e.getMessage());
    assertEquals(2, jwksFetches.get(), "one initial fetch, one refresh for the unknown kid");
  }

  @Test
  void verify_rotatedKey_isPickedUpByTheRefresh() {
    verifier.verify(userToken(claims()));
    ECKey rotated = Tokens.ecKey("k2");
    jwks.set(Tokens.jwks(key, rotated));
    clock.advance(Duration.ofSeconds(31));

    assertEquals("user:default/jdoe", verifier.verify(Tokens.sign(rotated, claims().build())).subject());
    assertEquals(2, jwksFetches.get());
  }

  @Test
  void verify_floodOfUnknownKids_atMostOneFetchPerInterval() {
    verifier.verify(userToken(claims()));
    clock.advance(Duration.ofSeconds(31));
    List<String> forged = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      forged.add(Tokens.sign(Tokens.ecKey("bogus-" + i), claims().build()));
    }

    for (String t : forged) {
      assertEquals(TokenRejection.UNKNOWN_KEY, rejection(t));
    }
    assertEquals(2, jwksFetches.get(), "initial fetch + one refresh in the first 30 s window");

    clock.advance(Duration.ofSeconds(31));
    for (String t : forged) {
      assertEquals(TokenRejection.UNKNOWN_KEY, rejection(t));
    }
    assertEquals(3, jwksFetches.get(), "one more refresh in the next window");
  }

  @Test
  void verify_floodFromManyThreads_atMostOneFetchPerInterval() throws Exception {
    verifier.verify(userToken(claims()));
    clock.advance(Duration.ofSeconds(31));
    List<String> forged = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      forged.add(Tokens.sign(Tokens.ecKey("bogus-" + i), claims().build()));
    }
    String good = userToken(claims());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<TokenRejection>> results = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        for (String t : forged) {
          results.add(pool.submit(() -> rejection(t)));
        }
        results.add(pool.submit(() -> {
          verifier.verify(good);
          return null;
        }));
      }
      for (Future<TokenRejection> f : results) {
        TokenRejection r = f.get(10, TimeUnit.SECONDS);
        assertTrue(r == null || r == TokenRejection.UNKNOWN_KEY, String.valueOf(r));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, jwksFetches.get(), "200 forged tokens from 8 threads: one refresh in the window");
  }

  @Test
  void verify_whileARefreshHangs_knownKeysStillVerify() throws Exception {
    verifier.verify(userToken(claims()));
    clock.advance(Duration.ofSeconds(31));
    CountDownLatch refreshStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        refreshStarted.countDown();
        release.await(10, TimeUnit.SECONDS);
        return new MockResponse().setBody(jwks.get());
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<TokenRejection> forged = pool.submit(() -> rejection(Tokens.sign(Tokens.ecKey("bogus"),
          claims().build())));
      assertTrue(refreshStarted.await(5, TimeUnit.SECONDS));
      String known = userToken(claims());

      // Liveness, not performance: with the refresh parked for 10 s, this must finish long before.
      assertEquals("user:default/jdoe", pool.submit(() -> verifier.verify(known).subject()).get(3, TimeUnit.SECONDS),
          "a token with a known kid does not wait for the hanging refresh");

      release.countDown();
      assertEquals(TokenRejection.UNKNOWN_KEY, forged.get(5, TimeUnit.SECONDS));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void verify_noAuthBackend_errorSaysSo() {
    jwks.set(null);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse().setResponseCode(404).setBody("{\"error\":{\"name\":\"NotFoundError\","
            + "\"message\":\"Not Found\"}}");
      }
    });

    JwksUnavailableException e = assertThrows(JwksUnavailableException.class,
        () -> verifier.verify(userToken(claims())));
    assertTrue(e.getMessage().contains("plugin-auth-backend"), e.getMessage());
  }

  @Test
  void verify_jwksDownOnFirstUse_throwsJwksUnavailableNamingTheUrl() {
    down.set(true);
    String token = userToken(claims());

    JwksUnavailableException e = assertThrows(JwksUnavailableException.class, () -> verifier.verify(token));

    assertTrue(e.getMessage().contains("/api/auth/.well-known/jwks.json"), e.getMessage());
    assertTrue(e.isRetryable());
    assertFalse(e.getMessage().contains(token));
  }

  @Test
  void verify_jwksDownOnFirstUse_doesNotRetryBeforeTheInterval() {
    down.set(true);
    String token = userToken(claims());
    for (int i = 0; i < 20; i++) {
      assertThrows(JwksUnavailableException.class, () -> verifier.verify(token));
    }
    assertEquals(1, jwksFetches.get());

    down.set(false);
    clock.advance(Duration.ofSeconds(31));
    assertEquals("user:default/jdoe", verifier.verify(token).subject());
  }

  @Test
  void verify_jwksDownAfterWarmUp_cachedKeysUsedUntilTheyExpire() {
    String token = userToken(claims().expirationTime(Date.from(T0.plusSeconds(86_400))));
    verifier.verify(token);
    down.set(true);

    clock.advance(Duration.ofMinutes(9));
    assertEquals("user:default/jdoe", verifier.verify(token).subject(), "keys younger than the TTL still work");

    awaitFetches(2);  // past 80 % of the TTL: one refetch ahead of expiry, in the background (it fails)

    clock.advance(Duration.ofMinutes(2));
    JwksUnavailableException e = assertThrows(JwksUnavailableException.class, () -> verifier.verify(token));
    assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
    // warm-up, the failed refetch ahead of expiry, and (unless that one was still running) one after the TTL
    assertTrue(jwksFetches.get() <= 3, "at most one fetch per attempt: " + jwksFetches.get());
  }

  @Test
  void verify_keysAreRefreshedAheadOfExpiry_soTheyNeverExpireWhileTheEndpointAnswers() {
    String token = userToken(claims().expirationTime(Date.from(T0.plusSeconds(86_400))));
    verifier.verify(token);
    clock.advance(Duration.ofMinutes(8).plusSeconds(30));
    assertEquals("user:default/jdoe", verifier.verify(token).subject(), "served from the cache at once");
    awaitFetches(2);
    down.set(true);
    clock.advance(Duration.ofMinutes(3));  // 11.5 min after the first fetch, 3 min after the one ahead of expiry
    assertEquals("user:default/jdoe", verifier.verify(token).subject());
    assertEquals(2, jwksFetches.get());
  }

  @Test
  void verify_whenTheKeysExpiredAndTheEndpointHangs_aRequestWaitsOnlyTheBoundedTime() throws Exception {
    String token = userToken(claims().expirationTime(Date.from(T0.plusSeconds(86_400))));
    verifier.verify(token);
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(20, TimeUnit.SECONDS);
        return new MockResponse().setBody(jwks.get());
      }
    });
    clock.advance(Duration.ofMinutes(11));
    try {
      long t0 = System.nanoTime();
      JwksUnavailableException e = assertThrows(JwksUnavailableException.class, () -> verifier.verify(token));
      // Liveness, not speed: the endpoint holds the answer for 20 s; the request gives up after its bound (3 s).
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15), "waited the bounded time only");
      assertTrue(e.getMessage().contains("no answer within"), e.getMessage());
    } finally {
      release.countDown();
    }
  }

  private void awaitFetches(int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (jwksFetches.get() < n && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(n, jwksFetches.get());
  }

  @Test
  void verify_garbageJwks_throwsJwksUnavailable() {
    jwks.set("<html>not json</html>");

    JwksUnavailableException e = assertThrows(JwksUnavailableException.class,
        () -> verifier.verify(userToken(claims())));
    assertTrue(e.getMessage().contains("not a valid JWK set"), e.getMessage());
  }

  @Test
  void verify_malformedInputs_rejectedTyped() {
    assertEquals(TokenRejection.MISSING, rejection(""));
    assertEquals(TokenRejection.NOT_RECOGNIZED, rejection("just-some-opaque-token"));
    assertEquals(TokenRejection.MALFORMED, rejection("a.b.c"));
    assertEquals(TokenRejection.MALFORMED, rejection("x".repeat(70_000) + ".a.b"));
  }

  @Test
  void toStringsMessagesAndLogs_neverContainTheToken() {
    String token = userToken(claims());
    String expired;
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      BackstagePrincipal p = verifier.verify(token);
      texts.add(p.toString());
      texts.add(p.credentials().toString());
      texts.add(verifier.toString());
      clock.advance(Duration.ofHours(2));
      expired = token;
      texts.add(assertThrows(TokenRejectedException.class, () -> verifier.verify(expired)).getMessage());
      texts.add(assertThrows(TokenRejectedException.class, () -> verifier.authenticate("Bearer " + expired))
          .getMessage());
      String[] parts = token.split("\\.");
      String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2].substring(14);
      texts.add(assertThrows(TokenRejectedException.class, () -> verifier.verify(tampered)).getMessage());
      texts.add(logs.text());
    }
    String signature = token.substring(token.lastIndexOf('.') + 1);
    for (String text : texts) {
      assertFalse(text.contains(token), text);
      assertFalse(text.contains(signature), text);
    }
  }

  @Test
  void credentials_forwardTheCallersToken() {
    String token = userToken(claims());

    assertEquals(token, verifier.verify(token).credentials().token());
  }
}
