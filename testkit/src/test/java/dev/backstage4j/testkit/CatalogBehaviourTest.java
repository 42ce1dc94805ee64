package dev.backstage4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogBehaviourTest {
  static FakeBackstage fake;
  static Http http;

  @BeforeAll
  static void start() {
    fake = FakeBackstage.builder().sampleCatalog().build().start();
    http = new Http(fake);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  @Test
  void sampleCatalog_holdsTheSameEntitiesAsTheRealBackend() {
    assertEquals(27, fake.entityCount());
    JsonNode all = http.get("/api/catalog/entities?fields=kind,metadata.name").json();
    assertEquals(27, all.size());
  }

  @Test
  void byName_returnsEntityWithUidEtagLocationAnnotationsAndRelations() {
    Http.Res r = http.get("/api/catalog/entities/by-name/component/default/payments-service");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/json"));
    JsonNode e = r.json();
    assertEquals(36, e.at("/metadata/uid").asText().length());
    assertEquals(40, e.at("/metadata/etag").asText().length());
    assertTrue(e.at("/metadata/annotations/backstage.io~1managed-by-location").asText().startsWith("file:"));
    Set<String> rels = new HashSet<>();
    e.get("relations").forEach(x -> rels.add(x.get("type").asText() + " " + x.get("targetRef").asText()));
    assertTrue(rels.contains("ownedBy group:default/payments-team"), rels.toString());
    assertTrue(rels.contains("partOf system:default/payments"), rels.toString());
    // reverse relation on the owner, emitted by the component's processing
    JsonNode team = http.get("/api/catalog/entities/by-name/group/default/payments-team").json();
    Set<String> teamRels = new HashSet<>();
    team.get("relations").forEach(x -> teamRels.add(x.get("type").asText() + " " + x.get("targetRef").asText()));
    assertTrue(teamRels.contains("ownerOf component:default/payments-service"), teamRels.toString());
    assertTrue(teamRels.contains("childOf group:default/engineering"), teamRels.toString());
  }

  @Test
  void byName_unknown_is404WithTheStandardEnvelope() {
    Http.Res r = http.get("/api/catalog/entities/by-name/component/default/does-not-exist");
    assertEquals(404, r.status());
    assertEquals("{\"error\":{\"name\":\"NotFoundError\",\"message\":\"No entity named 'does-not-exist' found, with "
        + "kind 'component' in namespace 'default'\"},\"request\":{\"method\":\"GET\",\"url\":"
        + "\"/entities/by-name/component/default/does-not-exist\"},\"response\":{\"statusCode\":404}}", r.body());
  }

  @Test
  void auth_missingAndWrongToken_are401LikeTheRealBackend() {
    var noAuth = HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/api/catalog/entities")).GET().build();
    Http.Res r = http.send(noAuth);
    assertEquals(401, r.status());
    assertEquals("Missing credentials", r.json().at("/error/message").asText());
    var wrong = HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/api/catalog/entities"))
        .header("Authorization", "Bearer wrong-token-123").GET().build();
    r = http.send(wrong);
    assertEquals(401, r.status());
    assertEquals("AuthenticationError", r.json().at("/error/name").asText());
    assertEquals("Illegal token", r.json().at("/error/message").asText());
    var health = HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/.backstage/health/v1/readiness"))
        .GET().build();
    assertEquals("{\"status\":\"ok\"}", http.send(health).body());
  }

  @Test
  void unknownRoute_is404WithEmptyBody() {
    Http.Res r = http.get("/api/catalog/nope");
    assertEquals(404, r.status());
    assertEquals("", r.body());
  }

  @Test
  void legacyList_pagesWithRelativeLinkHeader() {
    Http.Res r = http.get("/api/catalog/entities?filter=kind=component&fields=kind,metadata.name&limit=3");
    assertEquals(3, r.json().size());
    String link = r.header("Link");
    assertTrue(link.startsWith("</entities?filter=kind%3Dcomponent&fields=kind%2Cmetadata.name&limit=3&after="),
        link);
    String after = link.substring(link.indexOf("after=") + 6, link.indexOf('>'));
    assertEquals("{\"limit\":3,\"offset\":3}", new String(Base64.getDecoder().decode(
        java.net.URLDecoder.decode(after, StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    Set<String> names = new HashSet<>();
    String next = "/entities?filter=kind%3Dcomponent&fields=kind%2Cmetadata.name&limit=3";
    while (next != null) {
      Http.Res page = http.get("/api/catalog" + next);
      page.json().forEach(e -> names.add(e.at("/metadata/name").asText()));
      String l = page.header("Link");
      next = l == null ? null : l.substring(1, l.indexOf('>'));
    }
    assertEquals(8, names.size());
    assertEquals(400, http.get("/api/catalog/entities?limit=2&after=").status());
    assertEquals("Empty value found for query parameter 'after'",
        http.get("/api/catalog/entities?limit=2&after=").json().at("/error/message").asText());
  }

  @Test
  void filters_andWithinSetOrAcrossSets_caseInsensitive_existsAndRelations() {
    JsonNode r = http.get("/api/catalog/entities?filter=KIND=component,spec.lifecycle=PRODUCTION&filter=kind=api"
        + "&fields=kind,metadata.name&order=asc:metadata.name").json();
    List<String> names = new ArrayList<>();
    r.forEach(e -> names.add(e.at("/metadata/name").asText()));
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(String::compareTo);
    assertEquals(sorted, names);
    assertTrue(names.contains("payments-api"));
    JsonNode members = http.get("/api/catalog/entities?filter=relations.memberof=group:default/payments-team"
        + "&fields=metadata.name").json();
    assertTrue(members.size() >= 1);
    JsonNode withSystem = http.get("/api/catalog/entities?filter=kind=component,spec.system&fields=spec").json();
    withSystem.forEach(e -> assertNotNull(e.at("/spec/system").textValue()));
  }

  @Test
  void byQuery_cursorPagingCoversEverythingOnceWithTotalItems() {
    Set<String> seen = new HashSet<>();
    String url = "/api/catalog/entities/by-query?limit=4&orderField=metadata.name,asc&fields=kind,metadata.name";
    JsonNode page = http.get(url).json();
    assertEquals(27, page.get("totalItems").asInt());
    String prev = null;
    int pages = 0;
    while (true) {
      pages++;
      page.get("items").forEach(e -> assertTrue(seen.add(e.get("kind").asText() + "/"
          + e.at("/metadata/name").asText())));
      if (pages > 1) {
        assertNotNull(page.at("/pageInfo/prevCursor").textValue());
      }
      String next = page.at("/pageInfo/nextCursor").textValue();
      if (next == null) {
        break;
      }
      String decoded = new String(Base64.getDecoder().decode(next), StandardCharsets.UTF_8);
      assertTrue(decoded.startsWith("{\"orderFields\":[{\"field\":\"metadata.name\",\"order\":\"asc\"}]"), decoded);
      prev = next;
      page = http.get("/api/catalog/entities/by-query?limit=4&fields=kind,metadata.name&cursor="
          + URLEncoder.encode(next, StandardCharsets.UTF_8)).json();
    }
    assertEquals(27, seen.size());
    assertEquals(7, pages);
    assertNotNull(prev);
    Http.Res bad = http.get("/api/catalog/entities/by-query?cursor=garbage");
    assertEquals(400, bad.status());
    assertTrue(bad.json().at("/error/message").asText().startsWith("Malformed cursor"));
    assertEquals("request/query/limit must be integer",
        http.get("/api/catalog/entities/by-query?limit=abc").json().at("/error/message").asText());
  }

  @Test
  void byQuery_fullTextAndTotalItemsExclude() {
    JsonNode r = http.get("/api/catalog/entities/by-query?filter=kind=component&fullTextFilterTerm=PAY"
        + "&fullTextFilterFields=metadata.name&fields=metadata.name").json();
    assertTrue(r.get("items").size() >= 1);
    r.get("items").forEach(e -> assertTrue(e.at("/metadata/name").asText().contains("pay")));
    assertEquals("{}", r.get("pageInfo").toString());
    JsonNode ex = http.get("/api/catalog/entities/by-query?limit=1&totalItems=exclude").json();
    assertEquals(0, ex.get("totalItems").asInt());
  }

  @Test
  void postByQuery_predicates() {
    JsonNode r = http.post("/api/catalog/entities/by-query", "{\"query\":{\"$all\":[{\"kind\":\"Component\"},"
        + "{\"$not\":{\"spec.lifecycle\":\"deprecated\"}},{\"relations\":{\"$contains\":{\"type\":\"ownedBy\","
        + "\"targetRef\":{\"$in\":[\"group:default/payments-team\"]}}}}]},\"fields\":[\"metadata.name\","
        + "\"spec.lifecycle\"],\"orderBy\":[{\"field\":\"metadata.name\",\"order\":\"desc\"}]}").json();
    assertTrue(r.get("items").size() >= 1);
    r.get("items").forEach(e -> assertFalse("deprecated".equals(e.at("/spec/lifecycle").asText())));
    JsonNode pref = http.post("/api/catalog/entities/by-query",
        "{\"query\":{\"metadata.name\":{\"$hasPrefix\":\"PAY\"}},\"fields\":[\"metadata.name\"]}").json();
    pref.get("items").forEach(e -> assertTrue(e.at("/metadata/name").asText().startsWith("pay")));
  }

  @Test
  void byRefs_keepsOrderWithNullForUnknownOrFiltered() {
    JsonNode r = http.post("/api/catalog/entities/by-refs?filter=kind=api", "{\"entityRefs\":["
        + "\"component:default/payments-service\",\"api:default/payments-api\",\"component:default/nope\"],"
        + "\"fields\":[\"metadata.name\"]}").json();
    assertEquals("{\"items\":[null,{\"metadata\":{\"name\":\"payments-api\"}},null]}", r.toString());
  }

  @Test
  void facets_countByOriginalValueSortedByValue() {
    JsonNode r = http.get("/api/catalog/entity-facets?facet=kind&facet=spec.lifecycle").json();
    JsonNode kinds = r.at("/facets/kind");
    assertEquals("API", kinds.get(0).get("value").asText());
    int total = 0;
    for (JsonNode k : kinds) {
      total += k.get("count").asInt();
    }
    assertEquals(27, total);
    JsonNode post = http.post("/api/catalog/entity-facets", "{\"facets\":[\"spec.type\"],\"query\":{\"kind\":"
        + "\"Component\"}}").json();
    assertTrue(post.at("/facets/spec.type").size() >= 3);
  }

  @Test
  void ancestry_walksUpToTheGeneratedLocation() {
    JsonNode r = http.get("/api/catalog/entities/by-name/component/default/payments-service/ancestry").json();
    assertEquals("component:default/payments-service", r.get("rootEntityRef").asText());
    JsonNode items = r.get("items");
    assertEquals("location:default/backstage4j-sample", items.get(0).at("/parentEntityRefs/0").asText());
    JsonNode last = items.get(items.size() - 1);
    assertTrue(last.at("/entity/metadata/name").asText().startsWith("generated-"));
    assertEquals(0, last.get("parentEntityRefs").size());
  }

  @Test
  void validateEntity_validIsEmpty200_invalidIsErrorsArray() {
    Http.Res ok = http.post("/api/catalog/validate-entity", "{\"location\":\"url:http://localhost/x.yaml\","
        + "\"entity\":{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":{\"name\":"
        + "\"ok\"},\"spec\":{\"type\":\"service\",\"lifecycle\":\"production\",\"owner\":\"me\"}}}");
    assertEquals(200, ok.status());
    assertEquals("", ok.body());
    Http.Res bad = http.post("/api/catalog/validate-entity", "{\"location\":\"url:http://localhost/x.yaml\","
        + "\"entity\":{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":{\"name\":"
        + "\"Bad Name!\"},\"spec\":{\"type\":\"service\"}}}");
    assertEquals(400, bad.status());
    assertEquals("InputError", bad.json().at("/errors/0/name").asText());
    assertTrue(bad.json().at("/errors/0/message").asText().startsWith("Policy check failed for component:default/"
        + "bad name!"), bad.body());
    Http.Res missing = http.post("/api/catalog/validate-entity", "{\"entity\":{}}");
    assertEquals("request/body must have required property 'location'",
        missing.json().at("/error/message").asText());
  }

  @Test
  void locations_registerConflictListByEntityRefreshDelete(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("extra.yaml");
    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: extra-service\n"
        + "spec:\n  type: service\n  lifecycle: experimental\n  owner: group:web-team\n");
    String body = "{\"type\":\"file\",\"target\":\"" + file + "\"}";
    JsonNode dry = http.post("/api/catalog/locations?dryRun=true", body).json();
    assertFalse(dry.get("exists").asBoolean());
    assertEquals("file:" + file, dry.at("/location/id").asText());
    assertEquals("Location", dry.at("/entities/0/kind").asText());
    assertEquals("extra-service", dry.at("/entities/1/metadata/name").asText());
    assertEquals(404, http.get("/api/catalog/entities/by-name/component/default/extra-service").status());

    Http.Res created = http.post("/api/catalog/locations", body);
    assertEquals(201, created.status());
    String id = created.json().at("/location/id").asText();
    assertEquals(0, created.json().get("entities").size());
    assertEquals(200, http.get("/api/catalog/entities/by-name/component/default/extra-service").status());
    Http.Res again = http.post("/api/catalog/locations", body);
    assertEquals(409, again.status());
    assertEquals("Location file:" + file + " already exists", again.json().at("/error/message").asText());
    assertEquals(id, http.get("/api/catalog/locations").json().get(0).at("/data/id").asText());
    assertEquals(id, http.get("/api/catalog/locations/" + id).json().get("id").asText());
    assertEquals(id, http.get("/api/catalog/locations/by-entity/component/default/extra-service").json()
        .get("id").asText());
    assertEquals(404, http.get("/api/catalog/locations/by-entity/component/default/payments-service").status());

    Files.writeString(file, Files.readString(file).replace("experimental", "production"));
    assertEquals(200, http.post("/api/catalog/refresh", "{\"entityRef\":\"component:default/extra-service\"}")
        .status());
    assertEquals("production", http.get("/api/catalog/entities/by-name/component/default/extra-service").json()
        .at("/spec/lifecycle").asText());
    assertEquals(404, http.post("/api/catalog/refresh", "{\"entityRef\":\"component:default/nope\"}").status());

    assertEquals(204, http.delete("/api/catalog/locations/" + id).status());
    assertEquals(404, http.delete("/api/catalog/locations/" + id).status());
    assertEquals(404, http.get("/api/catalog/entities/by-name/component/default/extra-service").status());
  }

  @Test
  void deleteByUid_is204EvenWhenUnknown_andTheEntityComesBackWithANewUid() throws Exception {
    assertEquals(204, http.delete("/api/catalog/entities/by-uid/00000000-0000-0000-0000-000000000000").status());
    String path = "/api/catalog/entities/by-name/resource/default/product-db";
    String uid = http.get(path).json().at("/metadata/uid").asText();
    assertEquals(204, http.delete("/api/catalog/entities/by-uid/" + uid).status());
    assertEquals(404, http.get(path).status());
    Http.Res back = null;
    for (int i = 0; i < 100 && (back == null || back.status() != 200); i++) {
      Thread.sleep(50);
      back = http.get(path);
    }
    assertEquals(200, back.status());
    assertFalse(uid.equals(back.json().at("/metadata/uid").asText()));
  }

  @Test
  void ancestryOfUnknownEntity_namesIt() {
    Http.Res r = http.get("/api/catalog/entities/by-name/component/default/no-such-component/ancestry");
    assertEquals(404, r.status());
    assertEquals("No such entity component:default/no-such-component", r.json().at("/error/message").asText());
  }

  @Test
  void invalidSeedEntity_failsStartNamingTheField() {
    FakeBackstage bad = FakeBackstage.builder().entitiesYaml("apiVersion: backstage.io/v1alpha1\nkind: Component\n"
        + "metadata:\n  name: Bad Name!\nspec:\n  type: service\n  lifecycle: x\n  owner: me\n").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::start);
    assertTrue(e.getMessage().contains("metadata.name"), e.getMessage());
  }

  @Test
  void faults_failNextDisconnectAndLatency() {
    try (FakeBackstage f = FakeBackstage.builder().build().start()) {
      Http h = new Http(f);
      f.faults().failNext(2, 503);
      Http.Res r = h.get("/api/catalog/entities");
      assertEquals(503, r.status());
      assertEquals("ServiceUnavailableError", r.json().at("/error/name").asText());
      assertEquals(503, h.get("/api/catalog/entities").status());
      assertEquals(200, h.get("/api/catalog/entities").status());
      f.faults().disconnectNext(1);
      // a POST, because the JDK client silently repeats a GET once after a dropped connection
      assertThrows(UncheckedIOException.class, () -> h.post("/api/catalog/entities/by-refs", "{\"entityRefs\":[]}"));
      assertEquals(200, h.get("/api/catalog/entities").status());
      f.faults().latency(Duration.ofMillis(300));
      long t0 = System.nanoTime();
      h.get("/api/catalog/entities");
      assertTrue(System.nanoTime() - t0 >= 300_000_000L);
      f.faults().clear();
    }
  }

  @Test
  void builderEntities_areStoredWithRelations() {
    try (FakeBackstage f = FakeBackstage.builder().entitiesYaml("apiVersion: backstage.io/v1alpha1\nkind: Group\n"
        + "metadata:\n  name: a-team\nspec:\n  type: team\n  children: []\n---\napiVersion: backstage.io/v1alpha1\n"
        + "kind: User\nmetadata:\n  name: u1\nspec:\n  memberOf: [a-team]\n").build().start()) {
      JsonNode g = new Http(f).get("/api/catalog/entities/by-name/group/default/a-team").json();
      assertEquals("hasMember", g.at("/relations/0/type").asText());
      assertEquals("user:default/u1", g.at("/relations/0/targetRef").asText());
      assertNull(g.at("/metadata/annotations").textValue());
    }
  }
}
