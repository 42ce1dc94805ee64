package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.CatalogLocations;
import dev.backstage4j.catalog.EntityPredicate;
import dev.backstage4j.catalog.Location;
import dev.backstage4j.catalog.LocationAnalysis;
import dev.backstage4j.catalog.LocationConflict;
import dev.backstage4j.catalog.LocationRegistration;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.ApiError;
import dev.backstage4j.core.ConflictException;
import dev.backstage4j.core.PagedIterable;
import dev.backstage4j.core.internal.ApiRequest;
import dev.backstage4j.core.internal.CursorPagedIterable;
import dev.backstage4j.core.internal.Futures;
import dev.backstage4j.core.internal.ResponseHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@link CatalogLocations} over the catalog REST API. */
final class DefaultLocations implements CatalogLocations {
  private static final String BY_ID = "/locations/{id}";

  private final Calls calls;

  DefaultLocations(Calls calls) {
    this.calls = calls;
  }

  @Override
  public LocationRegistration register(String type, String target) {
    return calls.run(create(type, target, false, null), registration("POST /locations response"));
  }

  @Override
  public CompletableFuture<LocationRegistration> registerAsync(String type, String target) {
    return calls.runAsync(create(type, target, false, null), registration("POST /locations response"));
  }

  @Override
  public LocationRegistration register(String type, String target, LocationConflict onConflict) {
    Objects.requireNonNull(onConflict, "onConflict");
    try {
      return calls.run(create(type, target, false, onConflict), registration("POST /locations response"));
    } catch (ConflictException e) {
      throw onConflict == LocationConflict.REFRESH ? refreshIgnored(e) : e;
    }
  }

  @Override
  public CompletableFuture<LocationRegistration> registerAsync(String type, String target,
      LocationConflict onConflict) {
    Objects.requireNonNull(onConflict, "onConflict");
    CompletableFuture<LocationRegistration> created =
        calls.runAsync(create(type, target, false, onConflict), registration("POST /locations response"));
    if (onConflict != LocationConflict.REFRESH) {
      return created;
    }
    return created.exceptionally(e -> {
      Throwable c = Futures.unwrap(e);
      throw c instanceof ConflictException ? refreshIgnored((ConflictException) c)
          : e instanceof CompletionException ? (CompletionException) e : new CompletionException(e);
    });
  }

  /** A conflict despite onConflict=refresh means the server does not know the option: say so, keep the rest. */
  private static ConflictException refreshIgnored(ConflictException e) {
    ApiError error = e.error();
    ApiError.Builder b = ApiError.builder(error.statusCode()).name(error.name())
        .message(error.message() + " (this catalog ignored onConflict=refresh: it is older than the catalog"
            + " backends that support it; unregister and register again instead)")
        .bodyExcerpt(error.bodyExcerpt());
    error.details().forEach(b::addDetail);
    if (error.requestMethod().isPresent() && error.requestUrl().isPresent()) {
      b.request(error.requestMethod().get(), error.requestUrl().get());
    }
    ConflictException explained = new ConflictException(e.operation(), b.build());
    explained.initCause(e);
    return explained;
  }

  @Override
  public LocationRegistration dryRun(String type, String target) {
    return calls.run(create(type, target, true, null), registration("POST /locations?dryRun=true response"));
  }

  @Override
  public List<Location> list() {
    return calls.run(ApiRequest.get("/locations").build(), r -> {
      List<Location> out = new ArrayList<>();
      Object all = calls.transport().json().read(r.bytes(), Object.class, "GET /locations response");
      if (all instanceof List) {
        for (Object o : (List<?>) all) {
          Object data = o instanceof Map && ((Map<?, ?>) o).containsKey("data") ? ((Map<?, ?>) o).get("data") : o;
          out.add(Wire.location(data, "GET /locations response"));
        }
      }
      return Collections.unmodifiableList(out);
    });
  }

  @Override
  public PagedIterable<Location> query(EntityPredicate predicate, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
    }
    return new CursorPagedIterable<>(cursor -> {
      Map<String, Object> body = new LinkedHashMap<>();
      if (cursor != null) {
        body.put("cursor", cursor);
      } else if (predicate != null) {
        body.put("query", predicate.toMap());
      }
      body.put("limit", pageSize);
      ApiRequest request = ApiRequest.post("/locations/by-query").jsonBody(body).repeatable(true).streaming()
          .build();
      return calls.run(request, r -> {
        r.retain();
        return calls.transport().json().streamItems(r.body(), "items", Wire.LOCATION,
            "POST /locations/by-query response").closing(r).paging(Wire::nextCursor, Wire::totalItems);
      }, true, "POST /locations/by-query was " + Calls.NEW_IN_4);
    }, "locations matching " + predicate);
  }

  @Override
  public Optional<Location> find(String id) {
    return calls.find(get(id), location("location " + id));
  }

  @Override
  public CompletableFuture<Optional<Location>> findAsync(String id) {
    return calls.findAsync(get(id), location("location " + id));
  }

  @Override
  public Optional<Location> findByEntity(EntityRef ref) {
    String c = Objects.requireNonNull(ref, "ref").toString();
    int colon = c.indexOf(':');
    int slash = c.indexOf('/', colon);
    return calls.find(ApiRequest.get("/locations/by-entity/{kind}/{namespace}/{name}", c.substring(0, colon),
        c.substring(colon + 1, slash), c.substring(slash + 1)).subject(c).build(), location("location of " + c));
  }

  @Override
  public Location update(String id, String type, String target) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", DefaultEntities.requireText(type, "type"));
    body.put("target", DefaultEntities.requireText(target, "target"));
    ApiRequest request = ApiRequest.put(BY_ID, DefaultEntities.requireText(id, "id")).jsonBody(body)
        .subject("location " + id).repeatable(true).build();
    return calls.run(request, location("PUT /locations response"), false, "PUT /locations/{id} was "
        + Calls.NEW_IN_4);
  }

  @Override
  public void delete(String id) {
    calls.run(deleteRequest(id), ResponseHandler.discard());
  }

  @Override
  public CompletableFuture<Void> deleteAsync(String id) {
    return calls.runAsync(deleteRequest(id), ResponseHandler.discard());
  }

  @Override
  public LocationAnalysis analyze(String type, String target, String catalogFilename) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("location", Map.of("type", DefaultEntities.requireText(type, "type"),
        "target", DefaultEntities.requireText(target, "target")));
    if (catalogFilename != null) {
      // The router reads catalogFilename although the OpenAPI spec spells it catalogFileName.
      body.put("catalogFilename", catalogFilename);
    }
    ApiRequest request = ApiRequest.post("/analyze-location").jsonBody(body).repeatable(true).build();
    return calls.run(request, r -> {
      Map<String, Object> m = calls.transport().json().readMap(r.bytes(), "analyze-location response");
      List<LocationAnalysis.ExistingFile> existing = new ArrayList<>();
      if (m.get("existingEntityFiles") instanceof List) {
        for (Object o : (List<?>) m.get("existingEntityFiles")) {
          Map<?, ?> f = o instanceof Map ? (Map<?, ?>) o : Map.of();
          Map<?, ?> loc = f.get("location") instanceof Map ? (Map<?, ?>) f.get("location") : Map.of();
          existing.add(LocationAnalysis.ExistingFile.of(Wire.entity(f.get("entity"), "analyze-location response"),
              Boolean.TRUE.equals(f.get("isRegistered")), str(loc.get("type")), str(loc.get("target"))));
        }
      }
      List<Map<String, Object>> generated = new ArrayList<>();
      if (m.get("generateEntities") instanceof List) {
        for (Object o : (List<?>) m.get("generateEntities")) {
          if (o instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> g = (Map<String, Object>) o;
            generated.add(Collections.unmodifiableMap(g));
          }
        }
      }
      return LocationAnalysis.of(existing, generated);
    });
  }

  private static ApiRequest create(String type, String target, boolean dryRun, LocationConflict onConflict) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", DefaultEntities.requireText(type, "type"));
    body.put("target", DefaultEntities.requireText(target, "target"));
    ApiRequest.Builder b = ApiRequest.post("/locations").jsonBody(body).subject(type + ":" + target)
        .query("onConflict", onConflict == null ? null : onConflict.name().toLowerCase(Locale.ROOT));
    if (dryRun) {
      b.query("dryRun", "true").repeatable(true);
    } else {
      b.outcomeHint("list locations (catalog.locations().list()) to see whether it was registered");
    }
    return b.build();
  }

  private static ApiRequest get(String id) {
    return ApiRequest.get(BY_ID, DefaultEntities.requireText(id, "id")).subject("location " + id).build();
  }

  private static ApiRequest deleteRequest(String id) {
    return ApiRequest.delete(BY_ID, DefaultEntities.requireText(id, "id")).subject("location " + id)
        .outcomeHint("check with catalog.locations().find(id) whether it is gone").build();
  }

  private ResponseHandler<LocationRegistration> registration(String what) {
    return r -> {
      Map<String, Object> m = calls.transport().json().readMap(r.bytes(), what);
      return LocationRegistration.of(Wire.location(m.get("location"), what), Wire.entities(m.get("entities"), what),
          Boolean.TRUE.equals(m.get("exists")));
    };
  }

  private ResponseHandler<Location> location(String what) {
    return r -> Wire.location(calls.transport().json().readMap(r.bytes(), what), what);
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
