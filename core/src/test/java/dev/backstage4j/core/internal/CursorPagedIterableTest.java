package dev.backstage4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.BackstageTransportException;
import dev.backstage4j.core.ClientConfig;
import dev.backstage4j.core.Page;
import dev.backstage4j.core.PagedIterable;
import dev.backstage4j.core.RetryOptions;
import dev.backstage4j.core.ServerException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging through the real stack: transport, streaming decode and the cursor-following iterable. */
class CursorPagedIterableTest {
  private MockWebServer server;
  private HttpTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    transport = HttpTransport.create(ClientConfig.builder().baseUrl(server.url("/").uri())
        .retry(RetryOptions.disabled()).build(), "catalog");
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static String page(String cursor, String... names) {
    String items = java.util.Arrays.stream(names).map(n -> "{\"metadata\":{\"name\":\"" + n + "\"}}")
        .collect(Collectors.joining(","));
    return "{\"items\":[" + items + "],\"totalItems\":5,\"pageInfo\":{"
        + (cursor == null ? "" : "\"nextCursor\":\"" + cursor + "\"") + "}}";
  }

  @SuppressWarnings("unchecked")
  private PagedIterable<String> names() {
    return new CursorPagedIterable<>(cursor -> transport.execute(
        (cursor == null
            ? ApiRequest.get("/entities/by-query").query("filter", "kind=component").query("limit", 2)
            : ApiRequest.get("/entities/by-query").query("cursor", cursor).query("limit", 2))
            .streaming().build(),
        r -> {
          r.retain();
          return transport.json().streamItems(r.body(), "items",
              (p, codec) -> (String) ((Map<String, Object>) JsonCodec.mapReader().read(p, codec).get("metadata"))
                  .get("name"), "by-query page")
              .closing(r)
              .paging(f -> (String) ((Map<String, Object>) f.getOrDefault("pageInfo", Map.of())).get("nextCursor"),
                  f -> f.get("totalItems") == null ? null : ((Number) f.get("totalItems")).longValue());
        }), "components");
  }

  private void enqueueThreePages() {
    server.enqueue(new MockResponse().setBody(page("c+/=1", "a", "b")));
    server.enqueue(new MockResponse().setBody(page("c2", "c", "d")));
    server.enqueue(new MockResponse().setBody(page(null, "e")));
  }

  /** Serves the three pages by cursor, however often and in whatever order they are asked for. */
  private void serveThreePagesByCursor() {
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String cursor = r.getRequestUrl().queryParameter("cursor");
        return new MockResponse().setBody(cursor == null ? page("c+/=1", "a", "b")
            : cursor.equals("c+/=1") ? page("c2", "c", "d") : page(null, "e"));
      }
    });
  }

  @Test
  void iteration_isLazy_followsCursors_andSendsOnlyCursorOnFollowUps() throws Exception {
    enqueueThreePages();
    PagedIterable<String> names = names();
    assertEquals(0, server.getRequestCount(), "no request before iteration");

    List<String> all = new ArrayList<>();
    names.forEach(all::add);

    assertEquals(List.of("a", "b", "c", "d", "e"), all);
    assertEquals(3, server.getRequestCount());
    assertEquals("/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=2", server.takeRequest().getPath());
    RecordedRequest second = server.takeRequest();
    assertEquals("/api/catalog/entities/by-query?cursor=c%2B%2F%3D1&limit=2", second.getPath());
    assertEquals("c+/=1", second.getRequestUrl().queryParameter("cursor"));
  }

  @Test
  void stoppingEarly_causesNoFurtherRequest() {
    serveThreePagesByCursor();
    for (String name : names()) {
      if (name.equals("b")) {
        break;
      }
    }
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of("a", "b", "c"), names().stream().limit(3).collect(Collectors.toList()));
    assertEquals(3, server.getRequestCount(), "limit(3) needed exactly the first two pages of the second run");
    assertEquals(2, names().stream().limit(2).count());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void eachIterator_startsAgainFromPageOne() throws Exception {
    enqueueThreePages();
    enqueueThreePages();
    PagedIterable<String> names = names();
    assertEquals(5, names.toList().size());
    assertEquals(5, names.toList().size());
    assertEquals(6, server.getRequestCount());
  }

  @Test
  void errorOnPageTwo_isThrownTypedFromHasNext() {
    server.enqueue(new MockResponse().setBody(page("c1", "a", "b")));
    server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":{\"name\":\"Error\",\"message\":\"db down\"}}"));
    Iterator<String> it = names().iterator();
    assertEquals("a", it.next());
    assertEquals("b", it.next());

    ServerException e = assertThrows(ServerException.class, it::hasNext);
    assertEquals("db down", e.errorMessage());
  }

  @Test
  void sameCursorTwice_stopsWithAClearError() {
    server.enqueue(new MockResponse().setBody(page("same", "a")));
    server.enqueue(new MockResponse().setBody(page("same", "b")));
    server.enqueue(new MockResponse().setBody(page("same", "c")));
    Iterator<String> it = names().iterator();
    assertEquals("a", it.next());
    assertEquals("b", it.next());

    BackstageException e = assertThrows(BackstageException.class, it::hasNext);
    assertTrue(e.getMessage().contains("already returned"), e.getMessage());
    assertFalse(it.hasNext());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void cursorThatComesBackPagesLater_stopsInsteadOfLoopingOrRepeatingItems() {
    // A -> B -> A: only the previous cursor was compared once, so this looped forever, delivering duplicates.
    server.enqueue(new MockResponse().setBody(page("A", "a")));
    server.enqueue(new MockResponse().setBody(page("B", "b")));
    server.enqueue(new MockResponse().setBody(page("A", "c")));
    server.enqueue(new MockResponse().setBody(page("B", "d")));
    List<String> seen = new ArrayList<>();
    BackstageException e = assertThrows(BackstageException.class, () -> names().forEach(seen::add));
    assertTrue(e.getMessage().contains("already returned"), e.getMessage());
    assertEquals(List.of("a", "b", "c"), seen);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void pages_exposeItemsCursorAndTotal() {
    enqueueThreePages();
    List<Page<String>> pages = new ArrayList<>();
    names().pages().forEach(pages::add);

    assertEquals(3, pages.size());
    assertEquals(List.of("a", "b"), pages.get(0).items());
    assertEquals("c+/=1", pages.get(0).nextCursor().orElseThrow());
    assertEquals(5, pages.get(0).totalItems().getAsLong());
    assertTrue(pages.get(2).nextCursor().isEmpty());
  }

  @Test
  void malformedItem_givesDecodingErrorWithJsonPath() {
    server.enqueue(new MockResponse().setBody("{\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":"));
    Iterator<String> it = names().iterator();
    assertEquals("a", it.next());

    BackstageException e = assertThrows(BackstageException.class, it::hasNext);
    assertInstanceOf(BackstageDecodingException.class, e);
    assertTrue(((BackstageDecodingException) e).jsonPath().startsWith("$.items[1]"),
        ((BackstageDecodingException) e).jsonPath());
  }

  @Test
  void connectionLostInTheMiddleOfAPage_isResumed_withNothingLostOrRepeated() {
    String[] first = new String[40];
    for (int i = 0; i < first.length; i++) {
      first[i] = "item-" + i;
    }
    String full = page("c2", first);
    // The first answer breaks half-way through its body, after some items were already handed out.
    server.enqueue(new MockResponse().setBody(full).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setBody(full));
    server.enqueue(new MockResponse().setBody(page(null, "last")));
    List<String> seen = new ArrayList<>();
    names().forEach(seen::add);
    List<String> expected = new ArrayList<>(List.of(first));
    expected.add("last");
    assertEquals(expected, seen);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aPageThatKeepsBreaking_failsTypedAfterTwoResumes() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setBody(page("c2", "a", "b", "c", "d", "e", "f"))
          .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    }
    assertThrows(BackstageTransportException.class, () -> names().forEach(n -> { }));
    assertEquals(3, server.getRequestCount());
  }
}
