package dev.backstage4j.spring.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.plugin.PluginIdentity;
import dev.backstage4j.plugin.PluginResponse;
import dev.backstage4j.plugin.actions.Action;
import dev.backstage4j.plugin.actions.ActionAttributes;
import dev.backstage4j.spring.AutoConfigureFakeBackstage;
import dev.backstage4j.spring.PluginRouterCustomizer;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot service that is a Backstage plugin with two properties' worth of setup: {@code backstage.plugin.id}
 * and a route bean. The testkit plays Backstage: it routes the plugin id to the app, calls it with its
 * scaffolder's plugin tokens, and accepts the app's own plugin tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "backstage.plugin.id=springtest")
@AutoConfigureFakeBackstage
class PluginApplicationTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootApplication
  static class PluginApp {
    record Owner(String entityRef) {
    }

    /** An action bean: listed and invoked through Backstage's actions registry routes. */
    @Bean
    Action entityOwner(CatalogClient catalog) {
      return Action.builder("entity-owner").title("Entity owner").description("The owner of a catalog entity")
          .attributes(ActionAttributes.READ_ONLY).input(Owner.class)
          .handler(call -> Map.of("owner", String.valueOf(catalog.withCredentials(call.credentialsOnBehalfOf("catalog"))
              .entities().find(EntityRef.parse(call.input(Owner.class).entityRef())).orElseThrow().spec()
              .get("owner"))))
          .build();
    }

    @Bean
    PluginRouterCustomizer whoami() {
      return router -> router.get("/whoami", r -> PluginResponse.json(200,
          Map.of("subject", r.principal().subject(), "actor", String.valueOf(r.principal().actor()))));
    }
  }

  @LocalServerPort int port;
  @Autowired FakeBackstage fake;
  @Autowired PluginIdentity identity;
  @Autowired CatalogClient catalog;

  @BeforeEach
  void routeThePluginToThisApp() {
    fake.plugin("springtest", URI.create("http://127.0.0.1:" + port + "/api/springtest"));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/springtest" + path))
        .timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesItsJwks_unauthenticated() throws Exception {
    HttpResponse<String> res = get("/.backstage/auth/v1/jwks.json", null);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(identity.jwksJson());
  }

  @Test
  void backstagePluginsCallIt_asThemselvesOrForAUser_andForgedTokensGet401() throws Exception {
    assertThat(get("/whoami", fake.pluginToken("scaffolder", "springtest")).body())
        .contains("\"subject\":\"plugin:scaffolder\"");
    String alice = fake.userToken("user:default/alice");
    assertThat(get("/whoami", fake.pluginToken("scaffolder", "springtest", alice)).body())
        .contains("\"subject\":\"user:default/alice\"").contains("\"actor\":\"plugin:scaffolder\"");
    assertThat(get("/whoami", fake.pluginToken("scaffolder", "other")).statusCode()).isEqualTo(401);
    assertThat(get("/whoami", null).statusCode()).isEqualTo(401);
  }

  @Test
  void actionBeans_areListedAndInvokedAsBackstagesScaffolderDoes() throws Exception {
    String token = fake.pluginToken("scaffolder", "springtest", fake.userToken("user:default/alice"));
    HttpResponse<String> list = get("/.backstage/actions/v1/actions", token);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"id\":\"springtest:entity-owner\"").contains("\"readOnly\":true");
    HttpResponse<String> invoked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/springtest/.backstage/actions/v1/actions/springtest%3Aentity-owner/invoke"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"entityRef\":\"component:default/storefront-web\"}"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(invoked.statusCode()).isEqualTo(200);
    assertThat(invoked.body()).startsWith("{\"output\":{\"owner\":");
  }

  @Test
  void theCatalogClientBean_callsBackstageAsThePlugin() {
    assertThat(catalog.entities().find(EntityRef.parse("group:default/web-team"))).isPresent();
  }
}
