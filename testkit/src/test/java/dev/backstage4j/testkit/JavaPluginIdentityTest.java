package dev.backstage4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.AuthenticationException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.core.internal.JsonCodec;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.PluginRouter;
import dev.backstage4j.plugin.PluginServer;
import dev.backstage4j.plugin.TokenVerifier;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.scaffolder.TaskRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java plugin ({@code javatest}) and the fake, both ways, with no static token on the Java side: the plugin
 * calls the catalog and scaffolder as itself or on behalf of its caller, and the fake's scaffolder calls the
 * plugin with plugin tokens, with or without a user behind them.
 */
class JavaPluginIdentityTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeBackstage fake;
  private PluginIdentity identity;
  private PluginServer server;

  @BeforeEach
  void start() throws Exception {
    fake = FakeBackstage.builder().sampleCatalog().build().start();
    ClientConfig backstage = ClientConfig.builder().baseUrl(fake.baseUrl()).build();
    identity = PluginIdentity.generate("javatest");
    TokenVerifier callers = TokenVerifier.builder().pluginTokens("javatest", backstage).userTokens(backstage)
        .build();
    PluginRouter router = PluginRouter.builder(identity, callers)
        .get("/whoami", r -> {
          Map<String, Object> who = new LinkedHashMap<>();
          who.put("subject", r.principal().subject());
          who.put("kind", r.principal().kind().toString());
          who.put("actor", String.valueOf(r.principal().actor()));
          return PluginResponse.json(200, who);
        })
        .post("/docs-site", r -> {
          try (ScaffolderClient scaffolder = ScaffolderClient.create(fake.baseUrl(),
              r.credentialsOnBehalfOf("scaffolder"))) {
            String id = scaffolder.tasks().create(TaskRequest.builder().templateRef("template:default/docs-site")
                .value("name", "handbook").value("owner", "group:default/web-team").build());
            return PluginResponse.json(201, Map.of("id", id));
          }
        })
        .build();
    server = PluginServer.start(router, new InetSocketAddress("127.0.0.1", 0), "/api/javatest", 4);
    fake.plugin("javatest", URI.create("http://127.0.0.1:" + server.port() + "/api/javatest"));
  }

  @AfterEach
  void stop() {
    server.close();
    fake.close();
  }

  private HttpResponse<String> call(String method, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/javatest" + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> res) {
    return JsonCodec.shared().readMap(res.body().getBytes(), "response");
  }

  @Test
  void javaPlugin_readsTheCatalogAsItself_withItsOwnPluginToken() {
    try (CatalogClient catalog = CatalogClient.create(fake.baseUrl(), identity.credentialsFor("catalog"))) {
      assertEquals("web-team",
          catalog.entities().find(EntityRef.parse("group:default/web-team")).orElseThrow().metadata().name());
    }
  }

  @Test
  void tokensOfAnotherKeyOrForAnotherPlugin_areRefused() {
    PluginIdentity impostor = PluginIdentity.generate("javatest");
    try (CatalogClient catalog = CatalogClient.create(fake.baseUrl(), impostor.credentialsFor("catalog"))) {
      assertThrows(AuthenticationException.class,
          () -> catalog.entities().find(EntityRef.parse("group:default/web-team")));
    }
    try (CatalogClient catalog = CatalogClient.create(fake.baseUrl(),
        CredentialsProvider.staticToken(identity.mintToken("scaffolder")))) {
      assertThrows(AuthenticationException.class,
          () -> catalog.entities().find(EntityRef.parse("group:default/web-team")));
    }
  }

  @Test
  void fakeScaffolder_callsTheJavaPlugin_asAPluginOrOnBehalfOfAUser() throws Exception {
    Map<String, Object> plugin = json(call("GET", "/whoami", fake.pluginToken("scaffolder", "javatest")));
    assertEquals(Map.of("subject", "plugin:scaffolder", "kind", "PLUGIN", "actor", "null"), plugin);

    String alice = fake.userToken("user:default/alice");
    Map<String, Object> user = json(call("GET", "/whoami", fake.pluginToken("scaffolder", "javatest", alice)));
    assertEquals(Map.of("subject", "user:default/alice", "kind", "USER", "actor", "plugin:scaffolder"), user);

    assertEquals(401, call("GET", "/whoami", fake.pluginToken("scaffolder", "catalog")).statusCode());
  }

  @Test
  void aTaskStartedOnBehalfOfAUser_isCreatedByThatUser() throws Exception {
    String alice = fake.userToken("user:default/alice");
    String asUser = (String) json(call("POST", "/docs-site", fake.pluginToken("scaffolder", "javatest", alice)))
        .get("id");
    String asPlugin = (String) json(call("POST", "/docs-site", fake.pluginToken("scaffolder", "javatest")))
        .get("id");
    String byUserDirectly = (String) json(call("POST", "/docs-site", alice)).get("id");

    try (ScaffolderClient scaffolder = ScaffolderClient.create(fake.baseUrl(),
        CredentialsProvider.staticToken(fake.token()))) {
      assertEquals("user:default/alice", scaffolder.tasks().get(asUser).createdBy());
      assertNull(scaffolder.tasks().get(asPlugin).createdBy());
      assertEquals("user:default/alice", scaffolder.tasks().get(byUserDirectly).createdBy());
    }
  }
}
