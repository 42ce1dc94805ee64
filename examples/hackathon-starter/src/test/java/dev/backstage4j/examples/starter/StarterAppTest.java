package dev.backstage4j.examples.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.CredentialsProvider;
import dev.backstage4j.testkit.FakeBackstage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starter over HTTP, on the testkit seeded with the sample organisation. */
class StarterAppTest {
  static FakeBackstage fake;
  static StarterApp app;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    fake = FakeBackstage.builder().sampleCatalog().build().start();
    app = StarterApp.start(0, CatalogClient.create(fake.baseUrl(), CredentialsProvider.staticToken(fake.token())));
  }

  @AfterAll
  static void stop() {
    app.close();
    fake.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void apiServices_ownerGiven_listsTheTeamsComponentsWithLevels() throws Exception {
    HttpResponse<String> r = get("/api/services?owner=web-team");
    assertEquals(200, r.statusCode());
    JsonNode list = new ObjectMapper().readTree(r.body());
    assertEquals(2, list.size(), r.body());
    assertEquals("component:default/product-service", list.get(0).get("ref").asText());
    assertEquals("component:default/storefront-web", list.get(1).get("ref").asText());
    assertEquals("Gold", list.get(1).get("level").asText(), r.body());
    assertEquals(0, list.get(1).get("missing").size());
  }

  @Test
  void apiServices_incompleteService_namesWhatIsMissing() throws Exception {
    JsonNode list = new ObjectMapper().readTree(get("/api/services?owner=group:default/payments-team").body());
    JsonNode legacy = null;
    for (JsonNode s : list) {
      if (s.get("ref").asText().equals("component:default/legacy-invoicing")) {
        legacy = s;
      }
    }
    assertEquals("none", legacy.get("level").asText());
    assertTrue(legacy.get("missing").toString().contains("has-description"), legacy.toString());
  }

  @Test
  void apiServices_badOwnerRef_400() throws Exception {
    assertEquals(400, get("/api/services?owner=group:").statusCode());
  }

  @Test
  void html_showsTheTeamTable() throws Exception {
    HttpResponse<String> r = get("/?owner=web-team");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("<td>component:default/storefront-web</td>"), r.body());
  }

  @Test
  void health_ok() throws Exception {
    assertEquals("ok", get("/health").body());
  }
}
