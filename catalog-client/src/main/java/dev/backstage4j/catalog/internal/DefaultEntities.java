package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.CatalogEntities;
import dev.backstage4j.catalog.EntityAncestry;
import dev.backstage4j.catalog.EntityFacets;
import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityPredicate;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.Violation;
import dev.backstage4j.core.InputException;
import dev.backstage4j.core.Page;
import dev.backstage4j.core.PagedIterable;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.Futures;
import dev.backstage4j.core.internal.ResponseHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** {@link CatalogEntities} over the catalog REST API. */
final class DefaultEntities implements CatalogEntities {
  private static final String BY_NAME = "/entities/by-name/{kind}/{namespace}/{name}";
  private static final String BY_UID = "/entities/by-uid/{uid}";

  private final Calls calls;
  private final EntityPaging paging;
  private final ByRefs byRefs;

  DefaultEntities(Calls calls) {
    this.calls = calls;
    this.paging = new EntityPaging(calls);
    this.byRefs = new ByRefs(calls);
  }

  @Override
  public Optional<Entity> find(EntityRef ref) {
    return calls.find(byName(ref, BY_NAME), entityHandler(ref));
  }

  @Override
  public CompletableFuture<Optional<Entity>> findAsync(EntityRef ref) {
    return calls.findAsync(byName(ref, BY_NAME), entityHandler(ref));
  }

  @Override
  public Optional<Entity> findByUid(String uid) {
    return calls.find(byUid(uid), entityHandler(uid));
  }

  @Override
  public CompletableFuture<Optional<Entity>> findByUidAsync(String uid) {
    return calls.findAsync(byUid(uid), entityHandler(uid));
  }

  @Override
  public List<Entity> getByRefs(Collection<EntityRef> refs) {
    return byRefs.get(refs, EntityFilter.none(), List.of());
  }

  @Override
  public List<Entity> getByRefs(Collection<EntityRef> refs, EntityFilter filter, Collection<String> fields) {
    return byRefs.get(refs, filter, fields);
  }

  @Override
  public PagedIterable<Entity> query(EntityQuery query) {
    return paging.query(Objects.requireNonNull(query, "query"));
  }

  @Override
  public Page<Entity> queryPage(EntityQuery query) {
    return paging.queryPage(Objects.requireNonNull(query, "query"), null);
  }

  @Override
  public Page<Entity> queryPage(EntityQuery query, String cursor) {
    return paging.queryPage(Objects.requireNonNull(query, "query"), cursor);
  }

  @Override
  public CompletableFuture<Page<Entity>> queryPageAsync(EntityQuery query, String cursor) {
    return paging.queryPageAsync(Objects.requireNonNull(query, "query"), cursor);
  }

  @Override
  public PagedIterable<Entity> list(EntityQuery query) {
    return paging.list(Objects.requireNonNull(query, "query"));
  }

  @Override
  public Stream<Entity> streamAll(EntityQuery query) {
    return paging.streamAll(Objects.requireNonNull(query, "query"));
  }

  @Override
  public EntityAncestry ancestry(EntityRef ref) {
    return calls.run(byName(ref, BY_NAME + "/ancestry"), ancestryHandler(ref));
  }

  @Override
  public CompletableFuture<EntityAncestry> ancestryAsync(EntityRef ref) {
    return calls.runAsync(byName(ref, BY_NAME + "/ancestry"), ancestryHandler(ref));
  }

  @Override
  public EntityFacets facets(Collection<String> facets, EntityFilter filter) {
    FacetsCall call = facetsCall(facets, filter, null);
    return calls.run(call.request, call.handler, call.post, call.hint);
  }

  @Override
  public EntityFacets facets(Collection<String> facets, EntityPredicate predicate) {
    FacetsCall call = facetsCall(facets, null, Objects.requireNonNull(predicate, "predicate"));
    return calls.run(call.request, call.handler, call.post, call.hint);
  }

  @Override
  public CompletableFuture<EntityFacets> facetsAsync(Collection<String> facets, EntityFilter filter) {
    FacetsCall call = facetsCall(facets, filter, null);
    return calls.runAsync(call.request, call.handler, call.post, call.hint);
  }

  /** One facets request; {@code post} marks the 4.x route, whose 404 means the server is too old. */
  private record FacetsCall(ApiRequest request, ResponseHandler<EntityFacets> handler, boolean post, String hint) {}

  /** GET with filters, or POST with a predicate (also for filters the query string cannot carry). */
  private FacetsCall facetsCall(Collection<String> facets, EntityFilter filter, EntityPredicate predicate) {
    if (facets.isEmpty()) {
      throw new IllegalArgumentException("name at least one facet, e.g. kind or spec.type");
    }
    EntityFilter f = filter == null ? EntityFilter.none() : filter;
    boolean post = predicate != null || !f.fitsQueryString();
    ApiRequest request;
    if (post) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("facets", List.copyOf(facets));
      EntityPredicate p = predicate != null ? predicate : f.toPredicate();
      body.put("query", p.toMap());
      request = ApiRequest.post("/entity-facets").jsonBody(body).repeatable(true).build();
    } else {
      request = ApiRequest.get("/entity-facets").queryAll("facet", facets).queryAll("filter", f.toQueryValues())
          .build();
    }
    ResponseHandler<EntityFacets> handler = r -> facetsOf(calls.transport().json().readMap(r.bytes(),
        "entity-facets response"));
    return new FacetsCall(request, handler, post, "POST /entity-facets was " + Calls.NEW_IN_4);
  }

  @Override
  public void refresh(EntityRef ref) {
    calls.run(refreshRequest(ref), ResponseHandler.discard());
  }

  @Override
  public CompletableFuture<Void> refreshAsync(EntityRef ref) {
    return calls.runAsync(refreshRequest(ref), ResponseHandler.discard());
  }

  @Override
  public List<Violation> validate(Map<String, ?> entity, String locationRef) {
    try {
      calls.run(validateRequest(entity, locationRef), ResponseHandler.discard());
      return List.of();
    } catch (InputException e) {
      return Verdicts.violationsOrThrow(e);
    }
  }

  @Override
  public CompletableFuture<List<Violation>> validateAsync(Map<String, ?> entity, String locationRef) {
    return calls.runAsync(validateRequest(entity, locationRef), ResponseHandler.discard())
        .thenApply(v -> List.<Violation>of())
        .exceptionallyCompose(t -> {
          Throwable c = Futures.unwrap(t);
          if (c instanceof InputException) {
            try {
              return CompletableFuture.completedFuture(Verdicts.violationsOrThrow((InputException) c));
            } catch (InputException e) {
              return CompletableFuture.failedFuture(e);
            }
          }
          return CompletableFuture.failedFuture(c);
        });
  }

  @Override
  public void deleteByUid(String uid) {
    calls.run(deleteRequest(uid), ResponseHandler.discard());
  }

  @Override
  public CompletableFuture<Void> deleteByUidAsync(String uid) {
    return calls.runAsync(deleteRequest(uid), ResponseHandler.discard());
  }

  private static ApiRequest byName(EntityRef ref, String template) {
    Objects.requireNonNull(ref, "ref");
    String canonical = ref.toString();
    int colon = canonical.indexOf(':');
    int slash = canonical.indexOf('/', colon);
    return ApiRequest.get(template, canonical.substring(0, colon), canonical.substring(colon + 1, slash),
        canonical.substring(slash + 1)).subject(canonical).build();
  }

  private static ApiRequest byUid(String uid) {
    return ApiRequest.get(BY_UID, requireText(uid, "uid")).subject("uid " + uid).build();
  }

  private static ApiRequest refreshRequest(EntityRef ref) {
    return ApiRequest.post("/refresh").jsonBody(Map.of("entityRef", Objects.requireNonNull(ref, "ref").toString()))
        .subject(ref.toString()).repeatable(true).build();
  }

  private static ApiRequest validateRequest(Map<String, ?> entity, String locationRef) {
    Objects.requireNonNull(entity, "entity");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("location", requireText(locationRef, "locationRef"));
    body.put("entity", entity);
    return ApiRequest.post("/validate-entity").jsonBody(body).repeatable(true).build();
  }

  private static ApiRequest deleteRequest(String uid) {
    return ApiRequest.delete(BY_UID, requireText(uid, "uid")).subject("uid " + uid).repeatable(true).build();
  }

  private ResponseHandler<Entity> entityHandler(Object subject) {
    return r -> Wire.entity(calls.transport().json().readMap(r.bytes(), "entity " + subject), "entity " + subject);
  }

  private ResponseHandler<EntityAncestry> ancestryHandler(EntityRef ref) {
    return r -> {
      Map<String, Object> m = calls.transport().json().readMap(r.bytes(), "ancestry of " + ref);
      List<EntityAncestry.Item> items = new ArrayList<>();
      if (m.get("items") instanceof List) {
        for (Object o : (List<?>) m.get("items")) {
          Map<?, ?> item = o instanceof Map ? (Map<?, ?>) o : Map.of();
          List<EntityRef> parents = new ArrayList<>();
          if (item.get("parentEntityRefs") instanceof List) {
            for (Object p : (List<?>) item.get("parentEntityRefs")) {
              parents.add(EntityRef.parse(String.valueOf(p)));
            }
          }
          items.add(EntityAncestry.Item.of(Wire.entity(item.get("entity"), "ancestry of " + ref), parents));
        }
      }
      Object root = m.get("rootEntityRef");
      return EntityAncestry.of(root instanceof String ? EntityRef.parse((String) root) : ref, items);
    };
  }

  private static EntityFacets facetsOf(Map<String, Object> m) {
    Map<String, List<EntityFacets.Count>> out = new LinkedHashMap<>();
    if (m.get("facets") instanceof Map) {
      ((Map<?, ?>) m.get("facets")).forEach((k, v) -> {
        List<EntityFacets.Count> counts = new ArrayList<>();
        if (v instanceof List) {
          for (Object o : (List<?>) v) {
            if (o instanceof Map) {
              Map<?, ?> c = (Map<?, ?>) o;
              Object count = c.get("count");
              counts.add(EntityFacets.Count.of(String.valueOf(c.get("value")),
                  count instanceof Number ? ((Number) count).longValue() : 0));
            }
          }
        }
        out.put(String.valueOf(k), counts);
      });
    }
    return EntityFacets.of(out);
  }

  static String requireText(String s, String name) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return s;
  }
}
