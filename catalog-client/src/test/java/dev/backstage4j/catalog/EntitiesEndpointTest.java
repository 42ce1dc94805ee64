package dev.backstage4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.Violation;
import dev.backstage4j.core.BackstageApiException;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.NotFoundException;
import dev.backstage4j.core.UnsupportedEndpointException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EntitiesEndpointTest extends CatalogTestSupport {

  @Test
  void find_byName_readsEntityAndEncodesCanonicalSegments() throws Exception {
    enqueue("get-entity-by-name/component");
    Entity e = catalog.entities().find(EntityRef.parse("Component:Default/payments-service")).orElseThrow();
    assertEquals("component:default/payments-service", e.ref().toString());
    assertFalse(e.relations().isEmpty());
    assertEquals("/api/catalog/entities/by-name/component/default/payments-service", take().getPath());
  }

  @Test
  void find_nameWithSlash_staysOneSegment() throws Exception {
    enqueue("get-entity-by-name/unknown-404");
    assertTrue(catalog.entities().find(EntityRef.of("component", "default", "a/b")).isEmpty());
    assertEquals("/api/catalog/entities/by-name/component/default/a%2Fb", take().getPath());
  }

  @Test
  void find_unknown_isEmpty() {
    enqueue("get-entity-by-name/unknown-404");
    assertEquals(Optional.empty(), catalog.entities().find(EntityRef.parse("component:default/nope")));
  }

  @Test
  void findAsync_unknown_completesEmpty() throws Exception {
    enqueue("get-entity-by-name/unknown-404");
    assertEquals(Optional.empty(), catalog.entities().findAsync(EntityRef.parse("component:default/x")).get());
  }

  @Test
  void find_routeMissing_isUnsupportedNotEmpty() {
    server.enqueue(new MockResponse().setResponseCode(404));
    UnsupportedEndpointException e = assertThrows(UnsupportedEndpointException.class,
        () -> catalog.entities().find(EntityRef.parse("component:default/x")));
    assertTrue(e.getMessage().contains("does not support"), e.getMessage());
  }

  @Test
  void findByUid_okAndUnknown() throws Exception {
    enqueue("get-entity-by-uid/ok");
    enqueue("get-entity-by-uid/unknown-404");
    Entity e = catalog.entities().findByUid("6fb13d76-7b4a-4a93-9310-317251c1ff16").orElseThrow();
    assertEquals("6fb13d76-7b4a-4a93-9310-317251c1ff16", e.metadata().uid());
    assertTrue(catalog.entities().findByUidAsync("00000000-0000-0000-0000-000000000000").get().isEmpty());
    assertEquals("/api/catalog/entities/by-uid/6fb13d76-7b4a-4a93-9310-317251c1ff16", take().getPath());
  }

  @Test
  void ancestry_readsChainAndUnknownThrowsNotFound() throws Exception {
    enqueue("get-entity-ancestry/ok");
    EntityAncestry a = catalog.entities().ancestry(EntityRef.parse("component:default/payments-web"));
    assertFalse(a.items().isEmpty());
    assertEquals(a.rootRef(), a.items().get(0).entity().ref());
    assertTrue(a.items().get(a.items().size() - 1).parentRefs().isEmpty());
    assertTrue(take().getPath().endsWith("/ancestry"));
    enqueue("get-entity-ancestry/unknown-404");
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> catalog.entities().ancestryAsync(EntityRef.parse("component:default/no-such-component")).get());
    assertInstanceOf(NotFoundException.class, e.getCause());
    assertFalse(e.getCause() instanceof UnsupportedEndpointException);
  }

  @Test
  void facets_getWithFilter_andPostWithPredicate() throws Exception {
    enqueue("get-entity-facets/with-filter");
    EntityFacets f = catalog.entities().facets(List.of("spec.lifecycle", "metadata.tags"),
        EntityFilter.builder().kind("component").build());
    assertFalse(f.facet("spec.lifecycle").isEmpty());
    assertEquals("/api/catalog/entity-facets?facet=spec.lifecycle&facet=metadata.tags&filter=kind=component",
        decoded(take()));
    enqueue("post-entity-facets/predicate");
    EntityFacets p = catalog.entities().facets(List.of("spec.owner"), EntityPredicate.eq("kind", "component"));
    assertEquals(3, p.facet("spec.owner").stream().filter(c -> c.value().equals("group:payments-team"))
        .findFirst().orElseThrow().count());
    assertEquals(Fixtures.requestBody("post-entity-facets/predicate"), body(take()));
  }

  @Test
  void facets_serverError_isTypedOnEveryPath() {
    EntityPredicate apis = EntityPredicate.eq("kind", "api");
    EntityFilter components = EntityFilter.builder().kind("component").build();
    List<Executable> blocking = List.of(
        () -> catalog.entities().facets(List.of("kind"), components),
        () -> catalog.entities().facets(List.of("kind"), apis));
    for (Executable call : blocking) {
      server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
          .setBody("{\"error\":{\"name\":\"DatabaseError\",\"message\":\"db down\"}}"));
      BackstageApiException e = assertThrows(BackstageApiException.class, call);
      assertEquals(500, e.statusCode());
      assertEquals("DatabaseError", e.errorName());
      assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().equals(getClass().getName())),
          "the caller's frames are in the stack");
    }
    server.enqueue(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/json")
        .setBody("{\"error\":{\"name\":\"DatabaseError\",\"message\":\"db down\"}}"));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> catalog.entities().facetsAsync(List.of("kind"), components).get(5, TimeUnit.SECONDS));
    assertInstanceOf(BackstageApiException.class, async.getCause());
  }

  @Test
  void facets_postOnOldServer_isUnsupportedEndpoint() {
    server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "text/html")
        .setBody("<pre>Cannot POST /api/catalog/entity-facets</pre>"));
    UnsupportedEndpointException e = assertThrows(UnsupportedEndpointException.class,
        () -> catalog.entities().facets(List.of("kind"), EntityPredicate.eq("kind", "api")));
    assertTrue(e.getMessage().contains("POST /entity-facets"), e.getMessage());
    assertTrue(e.getMessage().contains("4.x"), e.getMessage());
  }

  @Test
  void refresh_sendsCanonicalRef_unknownIsNotFound() throws Exception {
    enqueue("post-refresh/ok");
    catalog.entities().refresh(EntityRef.parse("Component:payments-service"));
    RecordedRequest r = take();
    assertEquals(Fixtures.requestBody("post-refresh/ok"), body(r));
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
    enqueue("post-refresh/unknown-404");
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> catalog.entities().refreshAsync(EntityRef.parse("component:default/no-such-component")).get());
    assertInstanceOf(NotFoundException.class, e.getCause());
  }

  @Test
  void validate_validInvalidAndMalformed() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> valid = (Map<String, Object>) ((Map<?, ?>) Fixtures.requestBody("post-validate-entity/valid"))
        .get("entity");
    String location = (String) ((Map<?, ?>) Fixtures.requestBody("post-validate-entity/valid")).get("location");
    enqueue("post-validate-entity/valid");
    assertEquals(List.of(), catalog.entities().validate(valid, location));
    assertEquals(Fixtures.requestBody("post-validate-entity/valid"), body(take()));

    enqueue("post-validate-entity/invalid-name-400");
    List<Violation> v = catalog.entities().validate(valid, location);
    assertEquals(1, v.size());
    assertEquals("metadata.name", v.get(0).path());
    assertTrue(v.get(0).message().startsWith("\"metadata.name\" is not valid"), v.get(0).message());

    enqueue("post-validate-entity/missing-spec-field-400");
    assertEquals("spec.owner", catalog.entities().validateAsync(valid, location).get().get(0).path());

    enqueue("post-validate-entity/unknown-kind-400");
    assertEquals("", catalog.entities().validate(valid, location).get(0).path());

    enqueue("post-validate-entity/missing-location-400");
    InputException e = assertThrows(InputException.class, () -> catalog.entities().validate(valid, location));
    assertTrue(e.getMessage().contains("required property 'location'"), e.getMessage());
  }

  @Test
  void deleteByUid_sends204Delete() throws Exception {
    enqueue("delete-entity-by-uid/ok-204");
    enqueue("delete-entity-by-uid/unknown-204");
    catalog.entities().deleteByUid("283f64bb-ed4a-4a47-b26e-23a5b03b0c83");
    catalog.entities().deleteByUidAsync("00000000-0000-0000-0000-000000000000").get();
    RecordedRequest r = take();
    assertEquals("DELETE", r.getMethod());
    assertEquals("/api/catalog/entities/by-uid/283f64bb-ed4a-4a47-b26e-23a5b03b0c83", r.getPath());
  }

  @Test
  void withCredentials_sendsOtherToken() throws Exception {
    enqueue("get-entity-by-name/component");
    catalog.withCredentials(() -> "user-token-abcdef").entities().find(EntityRef.parse("component:default/x"));
    assertEquals("Bearer user-token-abcdef", take().getHeader("Authorization"));
  }

  @Test
  void getByRefs_keepsOrderAndNullForUnknown() throws Exception {
    enqueue("post-entities-by-refs/with-unknown");
    List<Entity> got = catalog.entities().getByRefs(List.of(EntityRef.parse("Component:payments-service"),
        EntityRef.parse("component:default/no-such-component"), EntityRef.parse("user:alice")));
    assertEquals(3, got.size());
    assertEquals("payments-service", got.get(0).metadata().name());
    assertNull(got.get(1));
    assertEquals("user:default/alice", got.get(2).ref().toString());
    assertEquals(Fixtures.requestBody("post-entities-by-refs/with-unknown"), body(take()));
  }

  @Test
  void getByRefs_withFilterAndFields_usesQueryStringAndIdentityFields() throws Exception {
    server.enqueue(Fixtures.response("post-entities-by-refs/with-filter", b -> {
      for (Object o : (List<?>) ((Map<?, ?>) b).get("items")) {
        if (o != null) {
          Fixtures.addIdentity(Map.of("items", List.of(o)));
        }
      }
    }));
    List<Entity> got = catalog.entities().getByRefs(List.of(EntityRef.parse("component:payments-service"),
        EntityRef.parse("api:payments-api")), EntityFilter.builder().kind("component").build(),
        List.of("metadata.name"));
    assertEquals(2, got.size());
    RecordedRequest r = take();
    assertEquals("/api/catalog/entities/by-refs?filter=kind=component", decoded(r));
    assertEquals(List.of("metadata.name", "apiVersion", "kind", "metadata.namespace"), body(r).get("fields"));
  }
}
