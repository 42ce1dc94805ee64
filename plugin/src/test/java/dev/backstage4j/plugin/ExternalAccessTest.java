package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** External-access tokens: {@code type: static} and {@code type: jwks} entries. */
class ExternalAccessTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final String IDP = "https://idp.example.com";
  private static final String STATIC_TOKEN = "ci-static-token-0123456789";

  private final MockWebServer idp = new MockWebServer();
  private final MutableClock clock = new MutableClock(T0);
  private static final RSAKey RSA = Tokens.rsaKey("r1"); // RSA key generation is slow: once per class
  private final RSAKey rsa = RSA;

  @BeforeEach
  void start() throws Exception {
    idp.start();
  }

  @AfterEach
  void stop() throws Exception {
    idp.close();
  }

  private URI jwksUrl() {
    return idp.url("/oauth2/v1/keys").uri();
  }

  private void serveKeys(String jwks) {
    idp.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(jwks));
  }

  private JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder().issuer(IDP).subject("bot").audience("backstage-java")
        .issueTime(Date.from(T0)).expirationTime(Date.from(T0.plusSeconds(600)));
  }

  private TokenVerifier jwksVerifier(String prefix) {
    JwksAccess.Builder access = JwksAccess.builder(jwksUrl()).addIssuer(IDP).addAudience("backstage-java");
    if (prefix != null) {
      access.subjectPrefix(prefix);
    }
    return TokenVerifier.builder().addJwksAccess(access.build()).clock(clock).build();
  }

  @Test
  void verify_staticToken_returnsServiceWithConfiguredSubject() {
    TokenVerifier v = TokenVerifier.builder().addStaticToken(STATIC_TOKEN, "ci-pipeline")
        .addStaticToken("other-token-abcdefgh", "other").build();

    BackstagePrincipal p = v.verify(STATIC_TOKEN);

    assertEquals(BackstagePrincipal.Kind.SERVICE, p.kind());
    assertEquals("ci-pipeline", p.subject());
    assertNull(p.expiresAt());
    assertTrue(p.ownershipEntityRefs().isEmpty());
    assertEquals(STATIC_TOKEN, p.credentials().token());
    assertFalse(p.toString().contains(STATIC_TOKEN));
    assertFalse(v.toString().contains(STATIC_TOKEN));
  }

  @Test
  void verify_nearMissStaticToken_rejectedNotRecognized() {
    TokenVerifier v = TokenVerifier.builder().addStaticToken(STATIC_TOKEN, "ci-pipeline").build();

    TokenRejectedException e = assertThrows(TokenRejectedException.class,
        () -> v.verify(STATIC_TOKEN.substring(0, STATIC_TOKEN.length() - 1) + "X"));

    assertEquals(TokenRejection.NOT_RECOGNIZED, e.reason());
    assertFalse(e.getMessage().contains(STATIC_TOKEN.substring(0, 10)));
  }

  @Test
  void addStaticToken_backstageRulesEnforced_messagesOmitTheToken() {
    TokenVerifier.Builder b = TokenVerifier.builder().addStaticToken(STATIC_TOKEN, "ci");

    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> TokenVerifier.builder().addStaticToken("short7!", "ci"));
    IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
        () -> TokenVerifier.builder().addStaticToken("has a space in it", "ci"));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> b.addStaticToken(STATIC_TOKEN, "again"));
    assertThrows(IllegalArgumentException.class, () -> TokenVerifier.builder().addStaticToken(STATIC_TOKEN, "a b"));

    assertFalse(tooShort.getMessage().contains("short7!"), tooShort.getMessage());
    assertFalse(space.getMessage().contains("has a space"), space.getMessage());
    assertTrue(twice.getMessage().contains("declared twice"), twice.getMessage());
    assertFalse(twice.getMessage().contains(STATIC_TOKEN));
  }

  @Test
  void verify_jwksToken_returnsExternalSubject() {
    serveKeys(Tokens.jwks(rsa));

    BackstagePrincipal p = jwksVerifier(null).verify(Tokens.sign(rsa, claims().build()));

    assertEquals(BackstagePrincipal.Kind.SERVICE, p.kind());
    assertEquals("external:bot", p.subject());
    assertEquals(T0.plusSeconds(600), p.expiresAt());
  }

  @Test
  void verify_jwksTokenWithPrefix_returnsPrefixedSubject() {
    serveKeys(Tokens.jwks(rsa));

    assertEquals("external:ci:bot", jwksVerifier("ci").verify(Tokens.sign(rsa, claims().build())).subject());
  }

  @Test
  void verify_jwksFetch_hitsTheConfiguredUrlWithoutBackstageCredentials() throws Exception {
    serveKeys(Tokens.jwks(rsa));
    ClientConfig backstage = ClientConfig.builder().baseUrl("http://127.0.0.1:9").token("backstage-secret-token")
        .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build();
    TokenVerifier v = TokenVerifier.builder().userTokens(backstage).clock(clock)
        .addJwksAccess(JwksAccess.builder(jwksUrl()).addIssuer(IDP).build()).build();

    assertEquals("external:bot", v.verify(Tokens.sign(rsa, claims().build())).subject());

    RecordedRequest r = idp.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("/oauth2/v1/keys", r.getPath());
    assertNull(r.getHeader("Authorization"), "Backstage credentials must not go to a third-party key server");
  }

  @Test
  void verify_jwksWrongAudienceOrIssuer_rejectedTyped() {
    serveKeys(Tokens.jwks(rsa));
    TokenVerifier v = jwksVerifier(null);

    assertEquals(TokenRejection.WRONG_AUDIENCE, assertThrows(TokenRejectedException.class,
        () -> v.verify(Tokens.sign(rsa, claims().audience("someone-else").build()))).reason());
    assertEquals(TokenRejection.WRONG_ISSUER, assertThrows(TokenRejectedException.class,
        () -> v.verify(Tokens.sign(rsa, claims().issuer("https://other-idp.example.com").build()))).reason());
  }

  @Test
  void verify_jwksTokenWithoutSub_rejectedMissingClaim() {
    serveKeys(Tokens.jwks(rsa));

    assertEquals(TokenRejection.MISSING_CLAIM, assertThrows(TokenRejectedException.class,
        () -> jwksVerifier(null).verify(Tokens.sign(rsa, claims().subject(null).build()))).reason());
  }

  @Test
  void verify_symmetricKeyPublishedInJwks_isNeverUsed() throws Exception {
    // Even if the key server lists an "oct" key, an HS256 token signed with it must not pass.
    OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).keyID("o1").algorithm(JWSAlgorithm.HS256).generate();
    serveKeys("{\"keys\":[" + oct.toJSONString() + "," + rsa.toPublicJWK().toJSONString() + "]}");
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("o1").build(), claims().build());
    jwt.sign(new MACSigner(oct));

    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, assertThrows(TokenRejectedException.class,
        () -> jwksVerifier(null).verify(jwt.serialize())).reason());
  }

  @Test
  void verify_algorithmNotConfigured_rejected() {
    ECKey ec = Tokens.ecKey("e1");
    serveKeys(Tokens.jwks(rsa, ec));
    TokenVerifier v = TokenVerifier.builder().clock(clock)
        .addJwksAccess(JwksAccess.builder(jwksUrl()).addIssuer(IDP).addAlgorithm("RS256").build()).build();

    assertEquals(TokenRejection.ALGORITHM_NOT_ALLOWED, assertThrows(TokenRejectedException.class,
        () -> v.verify(Tokens.sign(ec, claims().build()))).reason());
  }

  @Test
  void addAlgorithm_hmacOrNone_refused() {
    JwksAccess.Builder b = JwksAccess.builder(jwksUrl());

    assertThrows(IllegalArgumentException.class, () -> b.addAlgorithm("HS256"));
    assertThrows(IllegalArgumentException.class, () -> b.addAlgorithm("none"));
    assertThrows(IllegalArgumentException.class, () -> TokenVerifier.builder().userTokenAlgorithm("HS512"));
  }

  @Test
  void build_nothingConfigured_refused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenVerifier.builder().build());

    assertTrue(e.getMessage().contains("userTokens"), e.getMessage());
  }

  @Test
  void verify_staticAndJwksTogether_eachRecognised() {
    serveKeys(Tokens.jwks(rsa));
    TokenVerifier v = TokenVerifier.builder().clock(clock).addStaticToken(STATIC_TOKEN, "ci-pipeline")
        .addJwksAccess(JwksAccess.builder(jwksUrl()).addIssuer(IDP).build()).build();

    assertEquals("ci-pipeline", v.verify(STATIC_TOKEN).subject());
    assertEquals("external:bot", v.verify(Tokens.sign(rsa, claims().build())).subject());
    assertEquals(List.of(), v.verify(STATIC_TOKEN).ownershipEntityRefs());
  }
}
