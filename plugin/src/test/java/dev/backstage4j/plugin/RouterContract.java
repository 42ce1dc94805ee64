package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.internal.JsonCodec;
import dev.backstage4j.testsupport.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link PluginRouter} must do, over real HTTP: the same routes, barrier and error envelope
 * whether the JDK server or a servlet container serves them. Subclasses start the server and give its plugin base.
 */
abstract class RouterContract {
  static final String STATIC_TOKEN = "ci-token-0123456789";
  static final PluginIdentity IDENTITY = PluginIdentity.generate("javatest");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** {@return the plugin's base URL on the running server, e.g. {@code http://127.0.0.1:1234/api/javatest}} */
  abstract String base();

  static PluginRouter router() {
    TokenVerifier verifier = TokenVerifier.builder().addStaticToken(STATIC_TOKEN, "ci-pipeline").build();
    return PluginRouter.builder(IDENTITY, verifier)
        .get("/items/{id}", r -> PluginResponse.json(200, Map.of("id", r.pathParam("id"),
            "caller", r.principal().subject(), "q", String.valueOf(r.queryAll("tag")))))
        .post("/echo", r -> PluginResponse.json(201, r.bodyAs(Map.class)))
        .get("/missing", r -> {
          throw new HttpError("NotFoundError", "no such thing").withCause(Map.of("name", "Why", "message", "gone"));
        })
        .get("/boom", r -> {
          throw new IllegalStateException("database password=hunter2 rejected");
        })
        .get("/as-plugin", r -> PluginResponse.json(200,
            Map.of("token", r.credentialsOnBehalfOf("catalog").token())))
        .unauthenticated("GET", "/health", r -> PluginResponse.json(200, Map.of("status", "ok")))
        .maxBodyBytes(1000)
        .build();
  }

  HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, Object> json(HttpResponse<String> res) {
    return JsonCodec.shared().readMap(res.body().getBytes(), "response");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(HttpResponse<String> res) {
    return (Map<String, Object>) json(res).get("error");
  }

  @Test
  void jwks_servedUnauthenticatedWhereBackstageFetchesIt() throws Exception {
    HttpResponse<String> res = send("GET", "/.backstage/auth/v1/jwks.json", null, null);

    assertEquals(200, res.statusCode());
    assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(IDENTITY.jwksJson(), res.body());
  }

  @Test
  void route_withVerifiedCaller_getsDecodedPathParamsAndQuery() throws Exception {
    HttpResponse<String> res = send("GET", "/items/javatest%3Ahello?tag=a&tag=b%20c", STATIC_TOKEN, null);

    assertEquals(200, res.statusCode(), res.body());
    assertEquals(Map.of("id", "javatest:hello", "caller", "ci-pipeline", "q", "[a, b c]"), json(res));
  }

  @Test
  void malformedQueryEscape_isKeptAsSent_asBackstagesExpressDoes() throws Exception {
    // HTTP clients refuse to send %zz, so the router is called as an adapter calls it.
    PluginResponse res = router().handle("GET", "/items/x", "tag=100%25&tag=%zz",
        Map.of("Authorization", List.of("Bearer " + STATIC_TOKEN)), new byte[0]);

    assertEquals(200, res.status(), res.bodyText());
    assertEquals("[100%, %zz]", JsonCodec.shared().readMap(res.body(), "response").get("q"));
  }

  @Test
  void route_withoutCredentials_is401MissingCredentials() throws Exception {
    HttpResponse<String> res = send("GET", "/items/x", null, null);

    assertEquals(401, res.statusCode());
    assertEquals(Map.of("name", "AuthenticationError", "message", "Missing credentials"), error(res));
    assertEquals(Map.of("statusCode", 401), json(res).get("response"));
  }

  @Test
  void route_withRejectedToken_is401IllegalToken_andTheReasonIsLoggedWithoutTheToken() throws Exception {
    try (LogCapture logs = LogCapture.start()) {
      HttpResponse<String> res = send("GET", "/items/x", "forged-token-abcdefgh", null);

      assertEquals(401, res.statusCode());
      assertEquals("Illegal token", error(res).get("message"));
      assertTrue(logs.text().contains("NOT_RECOGNIZED"), logs.text());
      assertFalse(logs.text().contains("forged-token-abcdefgh"));
    }
  }

  @Test
  void unauthenticatedRoute_answersWithoutCredentials() throws Exception {
    assertEquals(200, send("GET", "/health", null, null).statusCode());
  }

  @Test
  void httpError_becomesBackstagesEnvelopeWithItsStatusAndCause() throws Exception {
    HttpResponse<String> res = send("GET", "/missing", STATIC_TOKEN, null);

    assertEquals(404, res.statusCode());
    assertEquals(Map.of("name", "NotFoundError", "message", "no such thing",
        "cause", Map.of("name", "Why", "message", "gone")), error(res));
    assertEquals(Map.of("method", "GET", "url", "/missing"), json(res).get("request"));
  }

  @Test
  void unexpectedException_is500WithoutItsMessage_andLoggedServerSide() throws Exception {
    try (LogCapture logs = LogCapture.start()) {
      HttpResponse<String> res = send("GET", "/boom", STATIC_TOKEN, null);

      assertEquals(500, res.statusCode());
      assertEquals("Internal server error", error(res).get("message"));
      assertFalse(res.body().contains("hunter2"));
      assertTrue(logs.text().contains("GET /boom failed"), logs.text());
    }
  }

  @Test
  void unknownPathOrMethod_is404NotFoundError() throws Exception {
    assertEquals("NotFoundError", error(send("GET", "/nope", STATIC_TOKEN, null)).get("name"));
    assertEquals(404, send("DELETE", "/items/x", STATIC_TOKEN, null).statusCode());
  }

  @Test
  void jsonBody_isRead_badJsonIs400_tooLargeIs413() throws Exception {
    HttpResponse<String> ok = send("POST", "/echo", STATIC_TOKEN, "{\"a\":[1,2]}");
    assertEquals(201, ok.statusCode());
    assertEquals(Map.of("a", List.of(1, 2)), json(ok));

    HttpResponse<String> bad = send("POST", "/echo", STATIC_TOKEN, "{\"a\":");
    assertEquals(400, bad.statusCode());
    assertEquals("InputError", error(bad).get("name"));

    HttpResponse<String> big = send("POST", "/echo", STATIC_TOKEN, "{\"a\":\"" + "x".repeat(2000) + "\"}");
    assertEquals(413, big.statusCode());
    assertEquals("PayloadTooLargeError", error(big).get("name"));
  }

  @Test
  void credentialsOnBehalfOfAService_areThisPluginsOwnToken() throws Exception {
    String token = (String) json(send("GET", "/as-plugin", STATIC_TOKEN, null)).get("token");

    SignedJWT jwt = SignedJWT.parse(token);
    assertEquals("vnd.backstage.plugin", jwt.getHeader().getType().getType());
    assertEquals("javatest", jwt.getJWTClaimsSet().getSubject());
    assertEquals(List.of("catalog"), jwt.getJWTClaimsSet().getAudience());
    assertEquals(null, jwt.getJWTClaimsSet().getClaim("obo"));
  }
}
