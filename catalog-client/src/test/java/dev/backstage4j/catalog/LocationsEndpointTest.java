package dev.backstage4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ConflictException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.UnsupportedEndpointException;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class LocationsEndpointTest extends CatalogTestSupport {
  private static final String ID = "6a41de01-aec9-4573-b7bb-0c50d10b081c";
  private static final String TARGET = "/backstage4j/tmp/extra/catalog-info.yaml";

  @Test
  void register_created_thenConflict() throws Exception {
    enqueue("post-locations/created-201");
    LocationRegistration r = catalog.locations().register("file", TARGET);
    assertEquals(ID, r.location().id());
    assertTrue(r.location().entityRef().startsWith("location:default/generated-"));
    assertTrue(r.entities().isEmpty());
    RecordedRequest req = take();
    assertEquals("/api/catalog/locations", req.getPath());
    assertEquals(Fixtures.requestBody("post-locations/created-201"), body(req));
    enqueue("post-locations/conflict-409");
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> catalog.locations().registerAsync("file", TARGET).get());
    assertTrue(e.getCause() instanceof ConflictException, String.valueOf(e.getCause()));
  }

  @Test
  void register_onConflict_isSent_andAConflictDespiteRefreshSaysTheServerIgnoredIt() throws Exception {
    enqueue("post-locations/created-201");
    assertEquals(ID, catalog.locations().register("file", TARGET, LocationConflict.REFRESH).location().id());
    RecordedRequest req = take();
    assertEquals("/api/catalog/locations?onConflict=refresh", req.getPath());
    assertEquals(Fixtures.requestBody("post-locations/created-201"), body(req));

    enqueue("post-locations/conflict-409");
    ConflictException rejected = assertThrows(ConflictException.class,
        () -> catalog.locations().register("file", TARGET, LocationConflict.REJECT));
    assertEquals("/api/catalog/locations?onConflict=reject", take().getPath());
    assertFalse(rejected.getMessage().contains("ignored"), rejected.getMessage());

    // An older catalog ignores the option and reports the conflict: say why, keep the server's error.
    enqueue("post-locations/conflict-409");
    ConflictException ignored = assertThrows(ConflictException.class,
        () -> catalog.locations().register("file", TARGET, LocationConflict.REFRESH));
    assertTrue(ignored.getMessage().contains("already exists"), ignored.getMessage());
    assertTrue(ignored.getMessage().contains("ignored onConflict=refresh"), ignored.getMessage());
    assertEquals(409, ignored.statusCode());
    assertTrue(ignored.getCause() instanceof ConflictException);
    take();
    enqueue("post-locations/conflict-409");
    java.util.concurrent.ExecutionException async = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> catalog.locations().registerAsync("file", TARGET, LocationConflict.REFRESH).get());
    assertTrue(async.getCause().getMessage().contains("ignored onConflict=refresh"), async.getCause().getMessage());
    enqueue("post-locations/created-201");
    assertEquals(ID, catalog.locations().registerAsync("file", TARGET, LocationConflict.REFRESH).get()
        .location().id());
  }

  @Test
  void dryRun_returnsEntitiesAndExists() throws Exception {
    enqueue("post-locations/dry-run");
    LocationRegistration r = catalog.locations().dryRun("file", TARGET);
    assertEquals("file:" + TARGET, r.location().id());
    assertFalse(r.exists());
    assertEquals("Location", r.entities().get(0).kind());
    assertEquals("/api/catalog/locations?dryRun=true", take().getPath());
  }

  @Test
  void list_unwrapsData() throws Exception {
    enqueue("get-locations/list");
    List<Location> all = catalog.locations().list();
    assertEquals(List.of(Location.of(ID, "file", TARGET,
        "location:default/generated-fe3a19774eebd149fd2f4afa960751f9c7545cdc")), all);
  }

  @Test
  void query_pagesLocationsWithPredicate() throws Exception {
    enqueue("post-locations-by-query/all");
    List<Location> got = catalog.locations().query(null, 10).toList();
    assertEquals(1, got.size());
    assertEquals(Fixtures.requestBody("post-locations-by-query/all"), body(take()));
    server.enqueue(new MockResponse().setResponseCode(404));
    assertThrows(UnsupportedEndpointException.class,
        () -> catalog.locations().query(EntityPredicate.eq("type", "url"), 10).iterator().hasNext());
    assertEquals(Map.of("query", Map.of("type", "url"), "limit", 10), body(take()));
  }

  @Test
  void find_okAndUnknown() throws Exception {
    enqueue("get-location/ok");
    enqueue("get-location/unknown-404");
    assertEquals(ID, catalog.locations().find(ID).orElseThrow().id());
    assertTrue(catalog.locations().findAsync("00000000-0000-0000-0000-000000000000").get().isEmpty());
    assertEquals("/api/catalog/locations/" + ID, take().getPath());
  }

  @Test
  void findByEntity_okAndConfigLocationEmpty() throws Exception {
    enqueue("get-location-by-entity/ok");
    enqueue("get-location-by-entity/config-location-404");
    assertTrue(catalog.locations().findByEntity(EntityRef.parse("Component:default/Extra-Service")).isPresent());
    assertTrue(catalog.locations().findByEntity(EntityRef.parse("component:payments-service")).isEmpty());
    assertTrue(take().getPath().startsWith("/api/catalog/locations/by-entity/component/default/"));
  }

  @Test
  void update_putsTypeAndTarget() throws Exception {
    enqueue("put-location/ok");
    Location l = catalog.locations().update(ID, "file", TARGET);
    assertEquals(TARGET, l.target());
    RecordedRequest r = take();
    assertEquals("PUT", r.getMethod());
    assertEquals(Fixtures.requestBody("put-location/ok"), body(r));
  }

  @Test
  void update_oldServer_isUnsupported_butUnknownIdIsNotFound() {
    server.enqueue(new MockResponse().setResponseCode(404));
    assertThrows(UnsupportedEndpointException.class, () -> catalog.locations().update(ID, "file", TARGET));
    enqueue("get-location/unknown-404");
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> catalog.locations().update(ID, "file", TARGET));
    assertFalse(e instanceof UnsupportedEndpointException);
  }

  @Test
  void delete_okThenNotFound() throws Exception {
    enqueue("delete-location/ok-204");
    enqueue("delete-location/again-404");
    catalog.locations().deleteAsync(ID).get();
    assertEquals("DELETE", take().getMethod());
    assertThrows(NotFoundException.class, () -> catalog.locations().delete(ID));
  }

  @Test
  void analyze_readsGeneratedEntities() throws Exception {
    enqueue("post-analyze-location/url");
    String target = "https://git.tinyshop.example/new-thing/blob/main/catalog-info.yaml";
    LocationAnalysis a = catalog.locations().analyze("url", target, null);
    assertTrue(a.existingEntityFiles().isEmpty());
    assertEquals(1, a.generatedEntities().size());
    assertEquals(Fixtures.requestBody("post-analyze-location/url"), body(take()));
    enqueueJson(200, "{\"existingEntityFiles\":[],\"generateEntities\":[]}");
    catalog.locations().analyze("url", target, "backstage.yaml");
    assertEquals("backstage.yaml", body(take()).get("catalogFilename"));
  }
}
