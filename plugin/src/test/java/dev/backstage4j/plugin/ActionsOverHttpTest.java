package dev.backstage4j.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.backstage4j.core.CircuitBreakerOptions;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.plugin.actions.ActionsRegistry;
import dev.backstage4j.testsupport.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java plugin ({@code javatest}) serving actions over real HTTP as Node's actions registry does, called with
 * the plugin tokens Backstage's scaffolder sends (its keys served by MockWebServer standing in for Backstage).
 */
class ActionsOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "s3cr3t-api-key-value-0123456789abcdef";

  /** Input bound to a record; its schema is generated from it. */
  record Lookup(String key, @Nullable Integer limit) {}

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface Nullable {}

  private final MockWebServer backstage = new MockWebServer();
  private final PluginIdentity scaffolder = PluginIdentity.generate("scaffolder");
  private final ECKey authKey = Tokens.ecKey("auth-key");
  private final Map<String, String> catalogAuthorization = new ConcurrentHashMap<>();
  private final AtomicReference<BackstagePrincipal> seenCaller = new AtomicReference<>();
  private final AtomicInteger helloCalls = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private PluginServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    backstage.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        switch (r.getPath()) {
          case "/api/scaffolder/.backstage/auth/v1/jwks.json":
            return json(scaffolder.jwksJson());
          case "/api/auth/.well-known/jwks.json":
            return json(Tokens.jwks(authKey));
          case "/api/catalog/entities/by-name/component/default/svc":
            catalogAuthorization.put("svc", r.getHeader("Authorization"));
            return json("{\"kind\":\"Component\",\"metadata\":{\"name\":\"svc\"}}");
          default:
            return new MockResponse().setResponseCode(404);
        }
      }
    });
    backstage.start();
    ClientConfig config = ClientConfig.builder().baseUrl(backstage.url("/").toString().replaceAll("/$", ""))
        .retry(RetryOptions.disabled()).circuitBreaker(CircuitBreakerOptions.disabled()).build();
    PluginIdentity identity = PluginIdentity.generate("javatest");
    TokenVerifier verifier = TokenVerifier.builder().pluginTokens("javatest", config).userTokens(config).build();

    Action hello = Action.builder("hello")
        .title("Say hello").description("Greets someone")
        .inputSchema("""
            {"type":"object","properties":{"name":{"type":"string","description":"who"}},"required":["name"],
             "additionalProperties":false}""")
        .outputSchema("""
            {"type":"object","properties":{"greeting":{"type":"string"}},"required":["greeting"]}""")
        .handler(call -> {
          helloCalls.incrementAndGet();
          seenCaller.set(call.principal());
          return Map.of("greeting", "Hello, " + call.input().get("name") + "!");
        })
        .build();
    Action lookup = Action.builder("lookup")
        .description("Looks a key up in the catalog as the caller")
        .attributes(ActionAttributes.READ_ONLY)
        .input(Lookup.class)
        .example(new Action.Example("svc", null, Map.of("key", "svc"), null))
        .handler(call -> {
          Lookup in = call.input(Lookup.class);
          seenCaller.set(call.principal());
          String token = call.credentialsOnBehalfOf("catalog").token();
          HttpResponse<String> entity = http.send(HttpRequest.newBuilder(URI.create(config.baseUrl()
              + "/api/catalog/entities/by-name/component/default/" + in.key()))
              .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
          return Map.of("status", entity.statusCode(), "limit", in.limit() == null ? 0 : in.limit());
        })
        .build();
    Action broken = Action.builder("broken")
        .description("Returns output its schema refuses")
        .inputSchema("{\"type\":\"object\"}")
        .outputSchema("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}")
        .handler(call -> Map.of("n", "not a number"))
        .build();
    Action fail = Action.builder("fail")
        .description("Throws")
        .inputSchema("{\"type\":\"object\"}")
        .secretsSchema("{\"type\":\"object\",\"properties\":{\"apiKey\":{\"type\":\"string\",\"minLength\":30}},"
            + "\"required\":[\"apiKey\"]}")
        .handler(call -> {
          throw new IllegalStateException("the upstream refused " + call.input().get("what"));
        })
        .build();
    Action conflict = Action.builder("conflict")
        .description("Refuses with a Backstage error")
        .inputSchema("{\"type\":\"object\"}")
        .handler(call -> {
          throw new HttpError("ConflictError", "java side refused");
        })
        .build();
    PluginRouter router = ActionsRegistry.of(hello, lookup, broken, fail, conflict)
        .mount(PluginRouter.builder(identity, verifier)).build();
    server = PluginServer.start(router, 0);
    base = "http://127.0.0.1:" + server.port() + "/api/javatest";
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    backstage.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private String scaffolderToken() {
    return scaffolder.mintToken("javatest");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> invoke(String id, String body) throws Exception {
    return post("/.backstage/actions/v1/actions/" + id.replace(":", "%3A") + "/invoke", scaffolderToken(), body);
  }

  private static JsonNode tree(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void list_sendsEveryFieldNodeSends_withResolvedAttributes() throws Exception {
    HttpResponse<String> r = get("/.backstage/actions/v1/actions", scaffolderToken());

    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode actions = tree(r).get("actions");
    assertEquals(5, actions.size());
    assertEquals(JSON.readTree("""
        {"id":"javatest:hello","name":"hello","title":"Say hello","description":"Greets someone",
         "pluginId":"javatest","attributes":{"destructive":true,"idempotent":false,"readOnly":false},
         "schema":{
          "input":{"type":"object","properties":{"name":{"type":"string","description":"who"}},"required":["name"],
                   "additionalProperties":false,"$schema":"http://json-schema.org/draft-07/schema#"},
          "output":{"type":"object","properties":{"greeting":{"type":"string"}},"required":["greeting"],
                   "$schema":"http://json-schema.org/draft-07/schema#"}}}"""), actions.get(0));
    JsonNode lookup = actions.get(1);
    assertEquals("lookup", lookup.get("title").asText(), "the title defaults to the name");
    assertEquals(JSON.readTree("{\"destructive\":false,\"idempotent\":true,\"readOnly\":true}"),
        lookup.get("attributes"));
    assertEquals(JSON.readTree("""
        {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
         "properties":{"key":{"type":"string"},"limit":{"type":"integer"}},
         "required":["key"],"additionalProperties":false}"""), lookup.get("schema").get("input"));
    assertEquals(JSON.readTree("[{\"title\":\"svc\",\"input\":{\"key\":\"svc\"}}]"), lookup.get("examples"));
    assertTrue(actions.get(3).get("schema").has("secrets"), "a secrets schema is listed");
  }

  @Test
  void v1Invoke_takesTheInputObject_andTheHandlerSeesTheVerifiedCaller() throws Exception {
    HttpResponse<String> r = invoke("javatest:hello", "{\"name\":\"ada\"}");

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JSON.readTree("{\"output\":{\"greeting\":\"Hello, ada!\"}}"), tree(r));
    assertEquals("plugin:scaffolder", seenCaller.get().subject());
    assertEquals(BackstagePrincipal.Kind.PLUGIN, seenCaller.get().kind());
  }

  @Test
  void v2Invoke_takesInputAndSecrets_rawColonInTheIdWorksToo() throws Exception {
    HttpResponse<String> r = post("/.backstage/actions/v2/actions/javatest:hello/invoke", scaffolderToken(),
        "{\"input\":{\"name\":\"bob\"}}");

    assertEquals(200, r.statusCode(), r.body());
    assertEquals("Hello, bob!", tree(r).at("/output/greeting").asText());

    HttpResponse<String> refused = post("/.backstage/actions/v2/actions/javatest%3Ahello/invoke",
        scaffolderToken(), "{\"input\":{\"name\":\"bob\"},\"secrets\":{\"apiKey\":\"" + SECRET + "\"}}");
    assertEquals(400, refused.statusCode());
    assertEquals("Action \"javatest:hello\" does not accept secrets", tree(refused).at("/error/message").asText());
  }

  @Test
  void badInput_is400InputErrorNamingTheField_andTheHandlerNeverRuns() throws Exception {
    HttpResponse<String> r = invoke("javatest:hello", "{\"name\":42}");

    assertEquals(400, r.statusCode());
    JsonNode error = tree(r).get("error");
    assertEquals("InputError", error.get("name").asText());
    String message = error.get("message").asText();
    assertTrue(message.startsWith("Invalid input to action \"javatest:hello\"; caused by "), message);
    assertTrue(message.contains("name"), message);
    assertEquals("$.name", error.at("/cause/issues/0/path").asText());
    assertEquals(400, tree(r).at("/response/statusCode").asInt());
    assertEquals("POST", tree(r).at("/request/method").asText());
    assertEquals(0, helloCalls.get());

    HttpResponse<String> missing = invoke("javatest:hello", "{}");
    assertTrue(tree(missing).at("/error/message").asText().contains("name"), missing.body());
    HttpResponse<String> extra = invoke("javatest:lookup", "{\"key\":\"svc\",\"color\":\"red\"}");
    assertEquals(400, extra.statusCode());
    assertTrue(tree(extra).at("/error/message").asText().contains("color"), extra.body());
    assertEquals(0, helloCalls.get());
  }

  @Test
  void outputAgainstItsSchema_isChecked() throws Exception {
    HttpResponse<String> r = invoke("javatest:broken", "{}");

    assertEquals(400, r.statusCode());
    assertTrue(tree(r).at("/error/message").asText().startsWith("Invalid output from action \"javatest:broken\""),
        r.body());
  }

  @Test
  void unknownAction_is404_likeNode() throws Exception {
    HttpResponse<String> r = invoke("javatest:nope", "{}");

    assertEquals(404, r.statusCode());
    assertEquals("Action \"javatest:nope\" not found", tree(r).at("/error/message").asText());
    assertEquals(404, invoke("catalog:hello", "{}").statusCode(), "another plugin's prefix is not ours");
  }

  @Test
  void noToken_is401_onListAndInvoke() throws Exception {
    HttpResponse<String> list = get("/.backstage/actions/v1/actions", null);
    HttpResponse<String> call = post("/.backstage/actions/v1/actions/javatest%3Ahello/invoke", null,
        "{\"name\":\"ada\"}");

    assertEquals(401, list.statusCode());
    assertEquals("Missing credentials", tree(list).at("/error/message").asText());
    assertEquals(401, call.statusCode());
    assertEquals(0, helloCalls.get());
  }

  @Test
  void aFailingAction_isLoggedWithTheCallerAndWhy_butSecretsNever() throws Exception {
    HttpResponse<String> r;
    HttpResponse<String> badSecret;
    HttpResponse<String> conflict;
    try (LogCapture logs = LogCapture.start()) {
      r = post("/.backstage/actions/v2/actions/javatest%3Afail/invoke", scaffolderToken(),
          "{\"input\":{\"what\":\"the deploy\"},\"secrets\":{\"apiKey\":\"" + SECRET + "\"}}");
      badSecret = post("/.backstage/actions/v2/actions/javatest%3Afail/invoke", scaffolderToken(),
          "{\"input\":{},\"secrets\":{\"apiKey\":\"short-" + SECRET.substring(0, 5) + "\"}}");
      conflict = invoke("javatest:conflict", "{}");
      String text = logs.text();
      assertTrue(text.contains("Action javatest:fail invoked by plugin:scaffolder threw"), text);
      assertTrue(text.contains("the upstream refused the deploy"), text);
      assertTrue(text.contains("Action javatest:conflict invoked by plugin:scaffolder failed: ConflictError: "
          + "java side refused"), text);
      assertFalse(text.contains(SECRET) || text.contains("short-s3cr3"), text);
    }
    assertEquals(500, r.statusCode());
    assertEquals("Action \"javatest:fail\" failed", tree(r).at("/error/message").asText());
    assertFalse(r.body().contains("upstream"), "the exception message stays in the server log");
    assertEquals(400, badSecret.statusCode());
    assertTrue(tree(badSecret).at("/error/message").asText().contains("$.apiKey"), badSecret.body());
    assertFalse(badSecret.body().contains("short-"), badSecret.body());
    assertEquals(409, conflict.statusCode());
    assertEquals("ConflictError", tree(conflict).at("/error/name").asText());
    HttpResponse<String> none = invoke("javatest:fail", "{}");
    assertEquals("Action \"javatest:fail\" requires secrets but none were provided",
        tree(none).at("/error/message").asText());
  }

  @Test
  void aTaskStartedByAUser_reachesTheActionAsThatUser_andItCallsTheCatalogOnTheirBehalf() throws Exception {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String limitedUser = Tokens.sign(authKey, new JWTClaimsSet.Builder().subject("user:default/alice")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build(),
        "vnd.backstage.limited-user");
    String taskToken = scaffolder.credentialsOnBehalfOf("javatest", limitedUser).token();

    HttpResponse<String> r = post("/.backstage/actions/v1/actions/javatest%3Alookup/invoke", taskToken,
        "{\"key\":\"svc\",\"limit\":3}");

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JSON.readTree("{\"output\":{\"status\":200,\"limit\":3}}"), tree(r));
    assertEquals("user:default/alice", seenCaller.get().subject());
    assertEquals("plugin:scaffolder", seenCaller.get().actor());
    String catalogToken = catalogAuthorization.get("svc").substring("Bearer ".length());
    JWTClaimsSet claims = SignedJWT.parse(catalogToken).getJWTClaimsSet();
    assertEquals("javatest", claims.getSubject());
    assertEquals(List.of("catalog"), claims.getAudience());
    assertEquals(limitedUser, claims.getStringClaim("obo"), "the user's limited token is forwarded unchanged");
    assertNotNull(claims.getIssueTime());
  }
}
