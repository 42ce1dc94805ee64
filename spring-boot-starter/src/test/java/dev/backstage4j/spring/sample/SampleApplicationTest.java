package dev.backstage4j.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstage4j.micrometer.BackstageClientMetrics;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.scaffolder.ScaffolderClient;
import dev.backstage4j.spring.AutoConfigureFakeBackstage;
import dev.backstage4j.testkit.FakeBackstage;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample app on a real port against the testkit: beans, metrics, health and JSON as a user sees them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,prometheus",
    "management.endpoint.health.show-components=always",
    "management.endpoint.health.show-details=always",
    "backstage.application-name=sample-app"})
@AutoConfigureFakeBackstage
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired FakeBackstage fake;
  @Autowired ClientConfig config;
  @Autowired CatalogClient catalog;
  @Autowired ScaffolderClient scaffolder;
  @Autowired MeterRegistry registry;
  @Autowired BackstageClientMetrics metrics;

  @Test
  @Order(1)
  void clients_pointAtTheFake_withPropertiesBound() {
    assertThat(config.baseUrl()).isEqualTo(fake.baseUrl());
    assertThat(config.credentials().token()).isEqualTo(fake.token());
    assertThat(config.applicationName()).contains("sample-app");
    assertThat(scaffolder).isNotNull();
  }

  @Test
  @Order(2)
  void entityFromAController_isBackstageJson() throws Exception {
    HttpResponse<String> response = get("/components/storefront-web");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("apiVersion").asString()).isEqualTo("backstage.io/v1alpha1");
    assertThat(body.path("kind").asString()).isEqualTo("Component");
    assertThat(body.path("metadata").path("name").asString()).isEqualTo("storefront-web");
    assertThat(body.path("metadata").path("namespace").asString()).isEqualTo("default");
    assertThat(body.path("spec").path("owner").asString()).isEqualTo("group:web-team");
    assertThat(body.path("relations").isArray()).isTrue();
    // Same tree the catalog itself serves.
    assertThat(body).isEqualTo(JSON.readTree(rawCatalog("/api/catalog/entities/by-name/component/default/"
        + "storefront-web")));
    assertThat(get("/components/no-such-thing").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void entityRef_readsAndWritesAsItsStringForm() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/refs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("\"Component:payments\"")).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("\"component:default/payments\"");
    HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(url("/refs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("\"payments\"")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  @Order(4)
  void clientMetrics_areInPrometheus_countedOnce() throws Exception {
    double before = count();
    for (int i = 0; i < 3; i++) {
      assertThat(get("/components/storefront-web").statusCode()).isEqualTo(200);
    }
    assertThat(count() - before).isEqualTo(3.0);
    String scrape = get("/actuator/prometheus").body();
    String series = scrape.lines()
        .filter(l -> l.startsWith("backstage_client_requests_seconds_count{")
            && l.contains("uri=\"/entities/by-name/{kind}/{namespace}/{name}\"") && l.contains("status=\"200\""))
        .findFirst().orElseThrow(() -> new AssertionError("no client request series in:\n" + scrape));
    assertThat(Double.parseDouble(series.substring(series.lastIndexOf(' ') + 1))).isEqualTo(count());
    assertThat(series).contains("backend=\"backstage-catalog\"", "method=\"GET\"", "outcome=\"SUCCESS\"");
  }

  @Test
  @Order(5)
  void health_isUpWhileTheBackendIsReady() throws Exception {
    HttpResponse<String> response = get("/actuator/health");
    JsonNode backstage = JSON.readTree(response.body()).path("components").path("backstage");
    assertThat(backstage.path("status").asString()).isEqualTo("UP");
    assertThat(backstage.path("details").path("url").asString())
        .isEqualTo(fake.baseUrl() + "/.backstage/health/v1/readiness");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  @DirtiesContext
  void health_isDownWhenTheBackendIsGone() throws Exception {
    fake.stop();
    HttpResponse<String> response = get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode backstage = JSON.readTree(response.body()).path("components").path("backstage");
    assertThat(backstage.path("status").asString()).isEqualTo("DOWN");
    assertThat(backstage.path("details").path("error").asString()).contains("ConnectException");
  }

  private double count() {
    var timer = registry.find("backstage.client.requests")
        .tags("uri", "/entities/by-name/{kind}/{namespace}/{name}", "status", "200").timer();
    return timer == null ? 0 : timer.count();
  }

  private String rawCatalog(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
        .header("Authorization", "Bearer " + fake.token()).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
