package dev.backstage4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.UnsupportedEndpointException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class QueryEncodingTest extends CatalogTestSupport {

  @Test
  void filter_matchesTypeScriptClientVector() throws Exception {
    // @backstage/catalog-client expects ?filter=a=1,b=2,b=3,%C3%B6=%3D&filter=a=2&filter=c for these sets.
    EntityFilter f = EntityFilter.builder().where("a", "1").where("b", "2", "3").where("ö", "=")
        .or().where("a", "2").or().exists("c").build();
    assertEquals(List.of("a=1,b=2,b=3,ö==", "a=2", "c"), f.toQueryValues());
    enqueueJson(200, "[]");
    catalog.entities().streamAll(EntityQuery.builder().filter(f).build()).close();
    RecordedRequest r = take();
    assertEquals(List.of("a=1,b=2,b=3,ö==", "a=2", "c"), r.getRequestUrl().queryParameterValues("filter"));
  }

  @Test
  void filter_annotationRelationAndExists_keepSlashes() {
    EntityFilter f = EntityFilter.builder().kind("Component")
        .annotation("backstage.io/orphan", "true").relation("ownedBy", "group:default/team-a")
        .exists("metadata.annotations.github.com/project-slug").build();
    assertEquals(List.of("kind=Component,metadata.annotations.backstage.io/orphan=true,"
        + "relations.ownedby=group:default/team-a,metadata.annotations.github.com/project-slug"),
        f.toQueryValues());
    assertTrue(f.fitsQueryString());
  }

  @Test
  void query_commaInFilterValue_switchesToPostPredicate() throws Exception {
    enqueueJson(200, page(null, "x"));
    EntityFilter f = EntityFilter.builder().kind("Component").where("metadata.title", "Payments, EU").or()
        .kind("API").build();
    assertFalse(f.fitsQueryString());
    catalog.entities().query(EntityQuery.builder().filter(f).build()).toList();
    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals(Map.of("$any", List.of(
        Map.of("$all", List.of(Map.of("kind", "Component"), Map.of("metadata.title", "Payments, EU"))),
        Map.of("kind", "API"))), body(r).get("query"));
  }

  @Test
  void query_commaOnOldServer_saysWhyPostWasNeeded() {
    server.enqueue(new MockResponse().setResponseCode(404));
    EntityFilter f = EntityFilter.builder().where("metadata.title", "a,b").build();
    UnsupportedEndpointException e = assertThrows(UnsupportedEndpointException.class,
        () -> catalog.entities().query(EntityQuery.builder().filter(f).build()).iterator().hasNext());
    assertTrue(e.getMessage().contains("'a,b'"), e.getMessage());
  }

  @Test
  void list_commaInFilter_refusedBeforeAnyRequest() {
    EntityFilter f = EntityFilter.builder().where("metadata.title", "a,b").build();
    assertThrows(IllegalArgumentException.class,
        () -> catalog.entities().list(EntityQuery.builder().filter(f).build()));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void predicate_builderProducesServerGrammar() {
    EntityPredicate p = EntityPredicate.all(
        EntityPredicate.eq("kind", "Component"),
        EntityPredicate.in("spec.type", "service", "website"),
        EntityPredicate.not(EntityPredicate.eq("metadata.annotations.backstage.io/orphan", "true")),
        EntityPredicate.any(EntityPredicate.exists("spec.system"), EntityPredicate.hasPrefix("metadata.name", "pay")),
        EntityPredicate.contains("metadata.tags", "java"),
        EntityPredicate.hasRelation("ownedBy", "group:default/team-a"));
    assertEquals(Map.of("$all", List.of(
        Map.of("kind", "Component"),
        Map.of("spec.type", Map.of("$in", List.of("service", "website"))),
        Map.of("$not", Map.of("metadata.annotations.backstage.io/orphan", "true")),
        Map.of("$any", List.of(Map.of("spec.system", Map.of("$exists", true)),
            Map.of("metadata.name", Map.of("$hasPrefix", "pay")))),
        Map.of("metadata.tags", Map.of("$contains", "java")),
        Map.of("relations", Map.of("$contains", Map.of("type", "ownedBy",
            "targetRef", Map.of("$in", List.of("group:default/team-a"))))))), p.toMap());
  }

  @Test
  void query_getForm_sendsFullTextOrderTotalAndFields() throws Exception {
    enqueueJson(200, page(null));
    EntityQuery q = EntityQuery.builder().filter(EntityFilter.builder().kind("component").build())
        .fullText("PAY", "metadata.name", "metadata.title").orderBy("metadata.name", SortOrder.DESC)
        .totalItems(false).fields("spec").pageSize(50).build();
    catalog.entities().queryPage(q);
    assertEquals("/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,desc"
        + "&fullTextFilterTerm=PAY&fullTextFilterFields=metadata.name,metadata.title&totalItems=exclude&limit=50"
        + "&fields=spec,apiVersion,kind,metadata.name,metadata.namespace", decoded(take()));
  }

  @Test
  void query_bothFilterAndPredicate_rejected() {
    assertThrows(IllegalStateException.class, () -> EntityQuery.builder()
        .filter(EntityFilter.builder().kind("a").build()).predicate(EntityPredicate.eq("kind", "b")).build());
  }

  @Test
  void getByRefs_manyRefs_chunkedInOrderWithNullsInPlace() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.incrementAndGet();
        @SuppressWarnings("unchecked")
        List<String> refs = (List<String>) body(request).get("entityRefs");
        StringBuilder s = new StringBuilder("{\"items\":[");
        for (int i = 0; i < refs.size(); i++) {
          String name = refs.get(i).substring(refs.get(i).indexOf('/') + 1);
          s.append(i == 0 ? "" : ",").append(name.endsWith("7") ? "null" : entityJson("Component", name));
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(s.append("]}").toString());
      }
    });
    List<EntityRef> refs = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      refs.add(EntityRef.parse("Component:Svc-" + i));
    }
    List<Entity> got = catalog.entities().getByRefs(refs);
    assertEquals(3, calls.get());
    assertEquals(2500, got.size());
    for (int i = 0; i < 2500; i++) {
      if (i % 10 == 7) {
        assertEquals(null, got.get(i));
      } else {
        assertEquals("svc-" + i, got.get(i).metadata().name());
      }
    }
    @SuppressWarnings("unchecked")
    List<String> first = (List<String>) body(take()).get("entityRefs");
    assertEquals(1000, first.size());
    assertEquals("component:default/svc-0", first.get(0));
  }

  @Test
  void getByRefs_longRefs_chunkedByBodySize() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int n = ((List<?>) body(request).get("entityRefs")).size();
        return new MockResponse().setHeader("Content-Type", "application/json")
            .setBody("{\"items\":[" + String.join(",", java.util.Collections.nCopies(n, "null")) + "]}");
      }
    });
    List<EntityRef> refs = new ArrayList<>();
    String longName = "x".repeat(200);
    for (int i = 0; i < 900; i++) {
      refs.add(EntityRef.of("component", "default", longName + i));
    }
    assertEquals(900, catalog.entities().getByRefs(refs).size());
    RecordedRequest r = take();
    assertTrue(r.getBodySize() < 100_000, "body " + r.getBodySize());
    assertTrue(server.getRequestCount() >= 2);
  }

  @Test
  void getByRefs_commaInFilter_refusedBeforeAnyRequest() {
    EntityFilter f = EntityFilter.builder().where("metadata.title", "a,b").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> catalog.entities()
        .getByRefs(List.of(EntityRef.parse("component:x")), f, List.of()));
    assertTrue(e.getMessage().contains("'a,b'"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void facets_commaInFilter_switchesToPostPredicate() throws Exception {
    enqueueJson(200, "{\"facets\":{\"kind\":[{\"value\":\"API\",\"count\":2}]}}");
    EntityFacets f = catalog.entities().facetsAsync(List.of("kind"),
        EntityFilter.builder().where("metadata.title", "a,b").build()).get();
    assertEquals(2, f.facet("kind").get(0).count());
    RecordedRequest r = take();
    assertEquals("POST", r.getMethod());
    assertEquals(Map.of("facets", List.of("kind"), "query", Map.of("metadata.title", "a,b")), body(r));
  }
}
