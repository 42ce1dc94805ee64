package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.testkit.FakeBackstage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin against FakeBackstage, the testkit's in-memory Backstage: the fake routes {@value ExamplePlugin#PLUGIN_ID}
 * to the plugin (as discovery.endpoints does), mints the tokens Backstage's plugins would send, and answers the
 * plugin's catalog calls from its sample organisation.
 */
class ExamplePluginTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeBackstage backstage;
  private ExamplePlugin plugin;

  @BeforeEach
  void start() throws Exception {
    backstage = FakeBackstage.builder().sampleCatalog().build().start();
    plugin = ExamplePlugin.start(backstage.baseUrl().toString(), new InetSocketAddress("127.0.0.1", 0));
    backstage.plugin(ExamplePlugin.PLUGIN_ID, URI.create(baseUrl()));
  }

  @AfterEach
  void stop() {
    plugin.close();
    backstage.close();
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + plugin.port() + "/api/" + ExamplePlugin.PLUGIN_ID;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> owner(String ref, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/entities/"
        + URLEncoder.encode(ref, StandardCharsets.UTF_8) + "/owner"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  @Test
  void aUserRunningATemplate_readsTheOwnerFromTheCatalog() throws Exception {
    // What the scaffolder sends when alice's task calls this plugin: a plugin token carrying her.
    String token = backstage.pluginToken("scaffolder", ExamplePlugin.PLUGIN_ID,
        backstage.userToken("user:default/alice"));
    HttpResponse<String> response = owner("component:default/payments-service", token);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"owner\":\"group:payments-team\""), response.body());
    assertTrue(response.body().contains("\"caller\":\"user:default/alice\""), response.body());
  }

  /** What Backstage's scaffolder does for a step {@code action: ${pluginId}:entity-owner} of alice's task. */
  @Test
  void theScaffolderListsAndRunsTheAction() throws Exception {
    String token = backstage.pluginToken("scaffolder", ExamplePlugin.PLUGIN_ID,
        backstage.userToken("user:default/alice"));
    HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/.backstage/actions/v1/actions"))
        .header("Authorization", "Bearer " + token));
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("\"id\":\"" + ExamplePlugin.PLUGIN_ID + ":entity-owner\""), list.body());

    String invoke = baseUrl() + "/.backstage/actions/v1/actions/" + ExamplePlugin.PLUGIN_ID + ":entity-owner/invoke";
    HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(invoke))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"entityRef\":\"component:default/payments-service\"}")));
    assertEquals(200, run.statusCode(), run.body());
    assertEquals("{\"output\":{\"owner\":\"group:payments-team\"}}", run.body());

    HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(invoke))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(400, bad.statusCode(), "the input schema requires entityRef: " + bad.body());
  }

  @Test
  void anUnknownEntity_isBackstagesNotFoundError() throws Exception {
    HttpResponse<String> response = owner("component:default/nope",
        backstage.pluginToken("scaffolder", ExamplePlugin.PLUGIN_ID));
    assertEquals(404, response.statusCode(), response.body());
    assertTrue(response.body().contains("NotFoundError"), response.body());
  }

  @Test
  void aCallWithoutATokenOrWithATokenForAnotherPlugin_is401() throws Exception {
    assertEquals(401, owner("component:default/payments-service", null).statusCode());
    assertEquals(401, owner("component:default/payments-service",
        backstage.pluginToken("scaffolder", "catalog")).statusCode());
  }
}
