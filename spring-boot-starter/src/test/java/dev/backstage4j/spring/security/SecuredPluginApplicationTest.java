package dev.backstage4j.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.plugin.BackstagePrincipal;
import dev.backstage4j.plugin.PluginResponse;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Security with Backstage tokens: the app's own controllers need a Backstage caller (a user token or a
 * plugin token), who becomes the request's Authentication and can be acted for; the plugin router's routes keep
 * their own barrier and the JWKS stays public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "backstage.plugin.id=securetest")
@AutoConfigureFakeBackstage
class SecuredPluginApplicationTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootApplication
  @RestController
  static class SecuredApp {
    @Autowired CatalogClient catalog;
    @Autowired BackstageCaller caller;

    @GetMapping("/me")
    Map<String, Object> me(Authentication authentication) {
      return Map.of("name", authentication.getName(),
          "authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(),
          "kind", ((BackstagePrincipal) authentication.getPrincipal()).kind().toString());
    }

    /** Reads the catalog as the caller (a user's obo via this plugin). */
    @GetMapping("/as-caller")
    Map<String, Object> asCaller() {
      return Map.of("found", catalog.withCredentials(caller.credentialsFor("catalog")).entities()
          .find(EntityRef.parse("group:default/web-team")).isPresent());
    }

    @Bean
    PluginRouterCustomizer ping() {
      return router -> router.get("/ping", r -> PluginResponse.json(200, Map.of("caller", r.principal().subject())));
    }
  }

  @LocalServerPort int port;
  @Autowired FakeBackstage fake;

  @BeforeEach
  void route() {
    fake.plugin("securetest", URI.create("http://127.0.0.1:" + port + "/api/securetest"));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBackstageUserToken_authenticatesTheAppsOwnEndpoints() throws Exception {
    HttpResponse<String> res = get("/me", fake.userToken("user:default/alice"));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).contains("\"name\":\"user:default/alice\"").contains("\"kind\":\"USER\"")
        .contains("BACKSTAGE_USER").contains("user:default/alice");
    assertThat(get("/me", fake.pluginToken("scaffolder", "securetest")).body())
        .contains("\"name\":\"plugin:scaffolder\"").contains("BACKSTAGE_PLUGIN");
  }

  @Test
  void missingOrForgedTokens_get401InBackstagesEnvelope() throws Exception {
    HttpResponse<String> none = get("/me", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).contains("\"name\":\"AuthenticationError\"").contains("Missing credentials");
    HttpResponse<String> forged = get("/me", fake.pluginToken("scaffolder", "someone-else"));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).contains("Illegal token");
  }

  @Test
  void theCallerCanBeActedFor() throws Exception {
    HttpResponse<String> res = get("/as-caller", fake.userToken("user:default/alice"));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).contains("\"found\":true");
  }

  @Test
  void pluginRoutesKeepTheirOwnBarrier_andTheJwksStaysPublic() throws Exception {
    assertThat(get("/api/securetest/.backstage/auth/v1/jwks.json", null).statusCode()).isEqualTo(200);
    assertThat(get("/api/securetest/ping", fake.pluginToken("scaffolder", "securetest")).body())
        .contains("plugin:scaffolder");
    assertThat(get("/api/securetest/ping", null).statusCode()).isEqualTo(401);
  }
}
