package dev.backstage4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.Page;
import dev.backstage4j.core.PagedIterable;
import dev.backstage4j.core.ServerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class EntityPagingTest extends CatalogTestSupport {
  private static final EntityQuery COMPONENTS = EntityQuery.builder()
      .filter(EntityFilter.builder().kind("component").build())
      .fields("kind", "metadata.name").orderBy("metadata.name", SortOrder.ASC).pageSize(3).build();

  @Test
  void query_beforeIteration_sendsNothing() {
    PagedIterable<Entity> all = catalog.entities().query(COMPONENTS);
    all.iterator();
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void query_fixturePages_followsCursorAndSendsOnlyCursorLimitFields() throws Exception {
    server.enqueue(Fixtures.response("get-entities-by-query/first-page", Fixtures::addIdentity));
    server.enqueue(Fixtures.response("get-entities-by-query/next-page", Fixtures::addIdentity));
    server.enqueue(Fixtures.response("get-entities-by-query/last-page", Fixtures::addIdentity));

    List<String> names = catalog.entities().query(COMPONENTS).stream()
        .map(e -> e.metadata().name()).collect(Collectors.toList());

    assertEquals(9, names.size());
    assertEquals(List.of("checkout-service", "ledger-export", "legacy-invoicing"), names.subList(0, 3));
    assertEquals(3, server.getRequestCount());
    RecordedRequest first = take();
    assertEquals("GET", first.getMethod());
    assertEquals("/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,asc&limit=3"
        + "&fields=kind,metadata.name,apiVersion,metadata.namespace", decoded(first));
    assertEquals("Bearer " + TOKEN, first.getHeader("Authorization"));
    String cursor = (String) ((java.util.Map<?, ?>) Fixtures.tree(Fixtures.JSON.writeValueAsString(
        ((java.util.Map<?, ?>) Fixtures.load("get-entities-by-query/first-page").get("response")).get("body")))
        .get("pageInfo")).get("nextCursor");
    RecordedRequest second = take();
    assertEquals(cursor, second.getRequestUrl().queryParameter("cursor"));
    assertEquals(List.of("cursor", "limit", "fields"), new ArrayList<>(second.getRequestUrl().queryParameterNames()));
    assertEquals("3", second.getRequestUrl().queryParameter("limit"));
    assertEquals("kind,metadata.name,apiVersion,metadata.namespace", second.getRequestUrl().queryParameter("fields"));
    RecordedRequest third = take();
    assertEquals(List.of("cursor", "limit", "fields"), new ArrayList<>(third.getRequestUrl().queryParameterNames()));
  }

  @Test
  void query_breakAfterFirstPage_fetchesNoMore() {
    enqueueJson(200, page("c1", "a", "b"));
    enqueueJson(200, page("c2", "c", "d"));
    int seen = 0;
    for (Entity e : catalog.entities().query(COMPONENTS)) {
      seen++;
      if (seen == 2) {
        break;
      }
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void query_requestsEqualPagesConsumed() {
    enqueueJson(200, page("c1", "a", "b"));
    enqueueJson(200, page("c2", "c", "d"));
    enqueueJson(200, page(null, "e"));
    Iterator<Entity> it = catalog.entities().query(COMPONENTS).iterator();
    it.next();
    it.next();
    assertEquals(1, server.getRequestCount());
    it.next();
    assertEquals(2, server.getRequestCount());
    it.next();
    it.next();
    assertFalse(it.hasNext());
    assertEquals(3, server.getRequestCount());
  }

  /** A page of {@code count} entities whose names are padded so that each weighs about {@code bytesEach}. */
  private static String pageOf(String next, int count, int bytesEach) {
    return pageOf(next, "e", count, bytesEach);
  }

  private static String pageOf(String next, String prefix, int count, int bytesEach) {
    String[] names = new String[count];
    int pad = Math.max(1, bytesEach - entityJson("Component", "").length());
    for (int i = 0; i < count; i++) {
      String n = prefix + i + "-";
      names[i] = n + "x".repeat(Math.max(0, pad - n.length()));
    }
    return page(next, names);
  }

  private static int limitOf(RecordedRequest r) {
    return Integer.parseInt(r.getRequestUrl().queryParameter("limit"));
  }

  @Test
  void query_noPageSizeSet_asksFor500First_thenForPagesOfAbout2MiB() throws Exception {
    String first = pageOf("c1", 500, 1000);
    enqueueJson(200, first);
    enqueueJson(200, pageOf(null, 3, 1000));
    EntityQuery all = EntityQuery.all();
    assertFalse(all.pageSizeSet());

    assertEquals(503, catalog.entities().query(all).stream().count());

    assertEquals(500, limitOf(take()));
    RecordedRequest second = take();
    assertEquals("c1", second.getRequestUrl().queryParameter("cursor"));
    assertEquals(2L * 1024 * 1024 * 500 / first.length(), limitOf(second), "2 MiB of such entities");
  }

  @Test
  void query_noPageSizeSet_neverAsksForMoreThan5000_norFewerThan500() throws Exception {
    enqueueJson(200, pageOf("small", 500, 120));
    enqueueJson(200, pageOf(null, 1, 120));
    enqueueJson(200, pageOf("big", 500, 20_000));
    enqueueJson(200, pageOf(null, 1, 20_000));

    assertEquals(501, catalog.entities().query(EntityQuery.all()).stream().count());
    assertEquals(501, catalog.entities().query(EntityQuery.all()).stream().count());

    assertEquals(500, limitOf(take()));
    assertEquals(5000, limitOf(take()), "tiny entities: capped");
    assertEquals(500, limitOf(take()), "a new walk starts over");
    assertEquals(500, limitOf(take()), "entities of 20 KB: not below 500");
  }

  @Test
  void query_noPageSizeSet_aPageFetchedAgainAfterALostConnection_isAskedForWithTheSameSize() throws Exception {
    enqueueJson(200, pageOf("c1", "first", 500, 200));
    String second = pageOf(null, "second", 700, 200);
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type", "application/json")
        .setBody(second).setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    enqueueJson(200, second);

    List<String> names = catalog.entities().query(EntityQuery.all()).stream().map(e -> e.metadata().name())
        .collect(Collectors.toList());

    assertEquals(1200, names.size());
    assertEquals(1200, names.stream().distinct().count(), "nothing repeated");
    assertEquals(500, limitOf(take()));
    int grown = limitOf(take());
    assertEquals(5000, grown);
    RecordedRequest again = take();
    assertEquals("c1", again.getRequestUrl().queryParameter("cursor"));
    assertEquals(grown, limitOf(again));
  }

  @Test
  void query_secondPageFails_throwsTypedFromNext() {
    enqueueJson(200, page("c1", "a"));
    enqueueJson(500, "{\"error\":{\"name\":\"Error\",\"message\":\"database is locked\"},"
        + "\"response\":{\"statusCode\":500}}");
    Iterator<Entity> it = catalog.entities().query(COMPONENTS).iterator();
    assertEquals("a", it.next().metadata().name());
    ServerException e = assertThrows(ServerException.class, it::next);
    assertTrue(e.getMessage().contains("database is locked"), e.getMessage());
  }

  @Test
  void query_serverRepeatsCursor_stopsInsteadOfLooping() {
    enqueueJson(200, page("same", "a"));
    enqueueJson(200, page("same", "b"));
    enqueueJson(200, page("same", "c"));
    Iterator<Entity> it = catalog.entities().query(COMPONENTS).iterator();
    it.next();
    it.next();
    BackstageException e = assertThrows(BackstageException.class, it::hasNext);
    assertTrue(e.getMessage().contains("already returned"), e.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void query_predicate_postsBodyThenCursorOnly() throws Exception {
    server.enqueue(Fixtures.response("post-entities-by-query/predicate", Fixtures::addIdentity));
    enqueueJson(200, page(null, "z"));
    EntityQuery q = EntityQuery.builder()
        .predicate(EntityPredicate.all(EntityPredicate.eq("kind", "component"),
            EntityPredicate.in("spec.lifecycle", "production", "deprecated")))
        .orderBy("metadata.name", SortOrder.ASC).fields("kind", "metadata.name", "spec.lifecycle").pageSize(3)
        .build();
    assertEquals(4, catalog.entities().query(q).toList().size());
    RecordedRequest first = take();
    assertEquals("POST", first.getMethod());
    assertEquals("/api/catalog/entities/by-query", first.getPath());
    java.util.Map<String, Object> sent = body(first);
    java.util.Map<?, ?> recorded = (java.util.Map<?, ?>) Fixtures.requestBody("post-entities-by-query/predicate");
    assertEquals(recorded.get("query"), sent.get("query"));
    assertEquals(recorded.get("orderBy"), sent.get("orderBy"));
    assertEquals(3, sent.get("limit"));
    java.util.Map<String, Object> follow = body(take());
    assertEquals(List.of("cursor", "limit", "fields"), new ArrayList<>(follow.keySet()));
  }

  @Test
  void queryPage_returnsItemsCursorAndTotal() throws Exception {
    enqueueJson(200, page("next-1", "a", "b"));
    Page<Entity> p = catalog.entities().queryPage(COMPONENTS);
    assertEquals(2, p.items().size());
    assertEquals("next-1", p.nextCursor().orElseThrow());
    assertEquals(42, p.totalItems().getAsLong());
    enqueueJson(200, page(null, "c"));
    Page<Entity> last = catalog.entities().queryPageAsync(COMPONENTS, "next-1").get();
    assertTrue(last.nextCursor().isEmpty());
    take();
    assertEquals("next-1", take().getRequestUrl().queryParameter("cursor"));
  }

  @Test
  void list_followsLinkHeaderRelativeToPluginRoot() throws Exception {
    server.enqueue(Fixtures.response("get-entities/limit-fields", Fixtures::addIdentity));
    server.enqueue(Fixtures.response("get-entities/after-cursor", b -> {
      Fixtures.addIdentity(b);
    }).removeHeader("link"));
    List<Entity> all = catalog.entities().list(COMPONENTS).toList();
    assertEquals(6, all.size());
    assertEquals("/api/catalog/entities?filter=kind=component&fields=kind,metadata.name,apiVersion,"
        + "metadata.namespace&order=asc:metadata.name&limit=3", decoded(take()));
    RecordedRequest second = take();
    assertTrue(second.getPath().startsWith("/api/catalog/entities?"), second.getPath());
    assertEquals("eyJsaW1pdCI6Mywib2Zmc2V0IjozfQ==", second.getRequestUrl().queryParameter("after"));
  }

  @Test
  void streamAll_readsOneUnpaginatedResponse() throws Exception {
    enqueue("get-entities/all");
    try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
      assertEquals(27, s.count());
    }
    RecordedRequest r = take();
    assertEquals("/api/catalog/entities", r.getPath());
    assertEquals("identity", r.getHeader("Accept-Encoding"));
  }

  @Test
  void streamAll_bodyInTinyChunks_decodesEveryEntityAcrossTheBoundaries() {
    // Backstage streams GET /entities one HTTP chunk per entity; reads are joined across chunks.
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      json.append(i == 0 ? "" : ",").append(entityJson("Component", "c\u00e9-" + i));
    }
    server.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type", "application/json")
        .setChunkedBody(json.append("]").toString(), 7));
    try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
      List<String> names = s.map(e -> e.metadata().name()).toList();
      assertEquals(300, names.size());
      assertEquals("c\u00e9-0", names.get(0));
      assertEquals("c\u00e9-299", names.get(299));
    }
  }

  @Test
  void streamAll_commaInFilterValue_failsClearlyWithoutRequest() {
    EntityQuery q = EntityQuery.builder().filter(EntityFilter.builder().where("metadata.title", "a, b").build())
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> catalog.entities().streamAll(q));
    assertTrue(e.getMessage().contains("'a, b'"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
