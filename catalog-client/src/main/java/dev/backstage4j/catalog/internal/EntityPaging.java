package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.EntityPredicate;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.SortOrder;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.core.Page;
import dev.backstage4j.core.PagedIterable;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.CursorPagedIterable;
import dev.backstage4j.core.internal.JsonItemStream;
import dev.backstage4j.core.internal.ResponseHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The listing operations: cursor paging over {@code /entities/by-query} (GET, or POST for predicates), the
 * legacy {@code GET /entities} with {@code Link} headers, and the one-response whole-catalog stream.
 */
final class EntityPaging {
  private static final String BY_QUERY = "/entities/by-query";
  private static final String LIST = "/entities";

  private final Calls calls;

  EntityPaging(Calls calls) {
    this.calls = calls;
  }

  PagedIterable<Entity> query(EntityQuery query) {
    String description = "entities matching " + query;
    if (query.pageSizeSet()) {
      return new CursorPagedIterable<>(cursor -> fetchStreaming(query, query.pageSize(), cursor), description);
    }
    return CursorPagedIterable.fetchingEachWalkWith(() -> {
      PageSizing sizing = new PageSizing();
      return cursor -> sizing.fetch(pageSize -> fetchStreaming(query, pageSize, cursor));
    }, description);
  }

  Page<Entity> queryPage(EntityQuery query, String cursor) {
    return calls.run(pageRequest(query, query.pageSize(), cursor, false), pageHandler(), query.needsPost(),
        unsupportedHint(query));
  }

  CompletableFuture<Page<Entity>> queryPageAsync(EntityQuery query, String cursor) {
    return calls.runAsync(pageRequest(query, query.pageSize(), cursor, false), pageHandler(), query.needsPost(),
        unsupportedHint(query));
  }

  PagedIterable<Entity> list(EntityQuery query) {
    checkGetOnly(query, "GET /entities");
    return new CursorPagedIterable<>(link -> {
      ApiRequest request = link == null
          ? listRequest(query).query("limit", query.pageSize()).streaming().build()
          : ApiRequest.getRelative(link, LIST).streaming().build();
      return calls.run(request, r -> {
        String next = Wire.nextLink(r.headers("Link"));
        r.retain();
        return calls.transport().json().streamItems(r.body(), null, Wire.ENTITY, "GET /entities response")
            .closing(r).paging(m -> next, m -> null);
      });
    }, "entities (legacy list) matching " + query);
  }

  Stream<Entity> streamAll(EntityQuery query) {
    checkGetOnly(query, "GET /entities");
    JsonItemStream<Entity> items = calls.run(listRequest(query).streaming().build(), r -> {
      r.retain();
      return calls.transport().json().streamItems(r.body(), null, Wire.ENTITY, "GET /entities response")
          .closing(r);
    });
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(items::close);
  }

  private JsonItemStream<Entity> fetchStreaming(EntityQuery query, int pageSize, String cursor) {
    return calls.run(pageRequest(query, pageSize, cursor, true), r -> {
      r.retain();
      return calls.transport().json().streamItems(r.body(), "items", Wire.ENTITY, describe(query))
          .closing(r).paging(Wire::nextCursor, Wire::totalItems);
    }, query.needsPost(), unsupportedHint(query));
  }

  private ResponseHandler<Page<Entity>> pageHandler() {
    return r -> {
      try (JsonItemStream<Entity> items = calls.transport().json().streamItems(r.body(), "items", Wire.ENTITY,
          "entities/by-query response").paging(Wire::nextCursor, Wire::totalItems)) {
        List<Entity> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return Page.of(list, items.nextCursor(), items.totalItems());
      }
    };
  }

  /** The first request carries the whole query; follow-ups only the cursor, the page size and the projection. */
  private ApiRequest pageRequest(EntityQuery query, int pageSize, String cursor, boolean streaming) {
    ApiRequest.Builder b;
    if (query.needsPost()) {
      Map<String, Object> body = new LinkedHashMap<>();
      if (cursor != null) {
        body.put("cursor", cursor);
      } else {
        EntityPredicate predicate = query.effectivePredicate();
        if (predicate != null) {
          body.put("query", predicate.toMap());
        }
        if (!query.orderBy().isEmpty()) {
          List<Map<String, String>> order = new ArrayList<>();
          query.orderBy().forEach(o -> order.add(Map.of("field", o.getKey(), "order", direction(o.getValue()))));
          body.put("orderBy", order);
        }
        if (query.fullTextTerm() != null) {
          Map<String, Object> ft = new LinkedHashMap<>();
          ft.put("term", query.fullTextTerm());
          if (!query.fullTextFields().isEmpty()) {
            ft.put("fields", query.fullTextFields());
          }
          body.put("fullTextFilter", ft);
        }
        if (!query.totalItems()) {
          body.put("totalItems", "exclude");
        }
      }
      body.put("limit", pageSize);
      if (!query.fieldsSent().isEmpty()) {
        body.put("fields", query.fieldsSent());
      }
      b = ApiRequest.post(BY_QUERY).jsonBody(body).repeatable(true);
    } else {
      b = ApiRequest.get(BY_QUERY);
      if (cursor != null) {
        b.query("cursor", cursor);
      } else {
        b.queryAll("filter", query.filter().toQueryValues());
        query.orderBy().forEach(o -> b.query("orderField", o.getKey() + "," + direction(o.getValue())));
        if (query.fullTextTerm() != null) {
          b.query("fullTextFilterTerm", query.fullTextTerm());
          if (!query.fullTextFields().isEmpty()) {
            b.query("fullTextFilterFields", String.join(",", query.fullTextFields()));
          }
        }
        if (!query.totalItems()) {
          b.query("totalItems", "exclude");
        }
      }
      b.query("limit", pageSize);
      if (!query.fieldsSent().isEmpty()) {
        b.query("fields", String.join(",", query.fieldsSent()));
      }
    }
    if (streaming) {
      b.streaming();
    }
    return b.build();
  }

  private ApiRequest.Builder listRequest(EntityQuery query) {
    ApiRequest.Builder b = ApiRequest.get(LIST).queryAll("filter", query.filter().toQueryValues());
    if (!query.fieldsSent().isEmpty()) {
      b.query("fields", String.join(",", query.fieldsSent()));
    }
    query.orderBy().forEach(o -> b.query("order", direction(o.getValue()) + ":" + o.getKey()));
    return b;
  }

  private static void checkGetOnly(EntityQuery query, String endpoint) {
    if (query.predicate() != null) {
      throw new IllegalArgumentException(endpoint + " cannot take a predicate; use entities().query(...)");
    }
    if (query.fullTextTerm() != null) {
      throw new IllegalArgumentException(endpoint + " has no full-text search; use entities().query(...)");
    }
    String bad = query.filter().firstUnsendable();
    if (bad != null) {
      throw new IllegalArgumentException("the " + bad + " cannot be sent to " + endpoint + ": the server splits "
          + "filters at commas and trims them, so it would run a different query; use entities().query(...), "
          + "which sends such filters as a predicate");
    }
  }

  private static String unsupportedHint(EntityQuery query) {
    String bad = query.predicate() == null ? query.filter().firstUnsendable() : null;
    return bad == null ? "predicate queries were " + Calls.NEW_IN_4
        : "the " + bad + " cannot be sent in the GET form, so it needs POST /entities/by-query, which was "
            + Calls.NEW_IN_4;
  }

  private static String describe(EntityQuery query) {
    return (query.needsPost() ? "POST " : "GET ") + BY_QUERY + " response";
  }

  private static String direction(SortOrder order) {
    return order.name().toLowerCase(Locale.ROOT);
  }
}
