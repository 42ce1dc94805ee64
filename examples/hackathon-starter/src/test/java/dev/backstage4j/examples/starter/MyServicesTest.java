package dev.backstage4j.examples.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/my-services}: a Backstage user token (ES256, keys published by a stand-in auth backend) is verified,
 * and the catalog is read with that caller's token. The fake catalog accepts only the user's token, so a 200
 * proves the starter acted on behalf of the caller rather than with its own credentials.
 */
class MyServicesTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static MockWebServer auth;
  static FakeBackstage fake;
  static StarterApp app;
  static ECKey key;
  static ECKey otherKey;
  static String userToken;

  @BeforeAll
  static void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_256).keyID("k1").algorithm(JWSAlgorithm.ES256).generate();
    otherKey = new ECKeyGenerator(Curve.P_256).keyID("k1").algorithm(JWSAlgorithm.ES256).generate();
    auth = new MockWebServer();
    auth.start();
    for (int i = 0; i < 5; i++) {
      auth.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody(new JWKSet(key).toPublicJWKSet().toString()));
    }
    String backend = auth.url("/").toString().replaceAll("/$", "");
    userToken = sign(key, backend + "/api/auth", Instant.now().plusSeconds(3600));
    fake = FakeBackstage.builder().sampleCatalog().token(userToken).build().start();
    CatalogClient serviceCatalog = CatalogClient.create(fake.baseUrl(),
        CredentialsProvider.staticToken("the-starters-own-token-is-not-accepted"));
    TokenVerifier verifier = TokenVerifier.builder().userTokens(ClientConfig.builder().baseUrl(backend).build())
        .build();
    app = StarterApp.start(0, serviceCatalog, verifier);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    fake.close();
    auth.shutdown();
  }

  static String sign(ECKey with, String issuer, Instant expires) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("user:default/alice")
        .claim("ent", List.of("user:default/alice", "group:default/web-team")).audience("backstage")
        .issueTime(new Date()).expirationTime(Date.from(expires)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1")
        .type(new JOSEObjectType("vnd.backstage.user")).build(), claims);
    jwt.sign(new ECDSASigner(with));
    return jwt.serialize();
  }

  static HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/my-services"));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void verifiedUser_seesTheServicesOfTheirOwnTeams_readAsThemselves() throws Exception {
    HttpResponse<String> r = get(userToken);

    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertEquals("user:default/alice", body.get("caller").asText());
    List<String> refs = new java.util.ArrayList<>();
    body.get("services").forEach(s -> refs.add(s.get("ref").asText()));
    assertEquals(List.of("component:default/product-service", "component:default/storefront-web"), refs);
  }

  @Test
  void missingOrForgedToken_is401WithABackstageShapedBody_andNeverEchoesTheToken() throws Exception {
    HttpResponse<String> none = get(null);
    assertEquals(401, none.statusCode());
    assertEquals("AuthenticationError",
        new ObjectMapper().readTree(none.body()).get("error").get("name").asText());

    String forged = sign(otherKey, auth.url("/").toString().replaceAll("/$", "") + "/api/auth",
        Instant.now().plusSeconds(3600));
    HttpResponse<String> bad = get(forged);
    assertEquals(401, bad.statusCode(), bad.body());
    assertFalse(bad.body().contains(forged.substring(forged.lastIndexOf('.') + 1)), bad.body());

    HttpResponse<String> expired = get(sign(key, auth.url("/").toString().replaceAll("/$", "") + "/api/auth",
        Instant.now().minusSeconds(3600)));
    assertEquals(401, expired.statusCode());
    assertTrue(expired.body().toLowerCase().contains("expired"), expired.body());
  }
}
