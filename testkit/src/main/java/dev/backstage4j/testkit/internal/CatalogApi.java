package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The catalog plugin's router ({@code /api/catalog}), with the real backend's statuses and bodies. */
final class CatalogApi implements FakeServer.Router {
  private final CatalogStore store;
  private final EntityListing listing;
  private final EntityQueries queries;
  private final LocationsApi locations;

  CatalogApi(CatalogStore store) {
    this.store = store;
    this.listing = new EntityListing(store);
    this.queries = new EntityQueries(store);
    this.locations = new LocationsApi(store);
  }

  /** Handles a call; returns false if no route matched (the caller answers 404 with an empty body). */
  @Override
  public boolean handle(Call c) throws IOException {
    List<String> s = c.segments();
    String m = c.method;
    if (s.isEmpty()) {
      return false;
    }
    if (("POST".equals(m) || "PUT".equals(m)) && !s.get(0).equals("refresh")) {
      requireJsonContentType(c);
    }
    switch (s.get(0)) {
      case "entities":
        return entities(c, s, m);
      case "entity-facets":
        if ("GET".equals(m) && s.size() == 1) {
          facets(c, c.all("facet"), Filters.parse(c.all("filter"))::matches);
          return true;
        }
        if ("POST".equals(m) && s.size() == 1) {
          Map<String, Object> body = c.jsonObjectBody();
          if (!(body.get("facets") instanceof List<?> f)) {
            throw ApiFailure.input("request/body must have required property 'facets'");
          }
          Object query = body.get("query");
          facets(c, f.stream().map(String::valueOf).toList(),
              query == null ? e -> true : e -> Filters.matchesPredicate(query, e));
          return true;
        }
        return false;
      case "refresh":
        if ("POST".equals(m) && s.size() == 1) {
          refresh(c);
          return true;
        }
        return false;
      case "validate-entity":
        if ("POST".equals(m) && s.size() == 1) {
          validateEntity(c);
          return true;
        }
        return false;
      case "analyze-location":
        if ("POST".equals(m) && s.size() == 1) {
          analyzeLocation(c);
          return true;
        }
        return false;
      case "locations":
        return locations.handle(c, s, m);
      default:
        return false;
    }
  }

  private static void requireJsonContentType(Call c) {
    String ct = c.header("Content-Type");
    if (c.body.length == 0 && ct == null) {
      return;
    }
    if (ct == null) {
      throw ApiFailure.input("Content-Type missing");
    }
    if (!ct.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw ApiFailure.input("Illegal Content-Type");
    }
  }

  // ------------------------------------------------------------------ entities

  private boolean entities(Call c, List<String> s, String m) throws IOException {
    if (s.size() == 1 && "GET".equals(m)) {
      listing.list(c);
      return true;
    }
    String sub = s.size() > 1 ? s.get(1) : "";
    switch (sub) {
      case "by-query":
        if (s.size() != 2) {
          return false;
        }
        if ("GET".equals(m)) {
          queries.fromParams(c);
          return true;
        }
        if ("POST".equals(m)) {
          queries.fromBody(c);
          return true;
        }
        return false;
      case "by-uid":
        if (s.size() != 3) {
          return false;
        }
        if ("GET".equals(m)) {
          StoredEntity e = store.byUid(s.get(2));
          if (e == null) {
            throw ApiFailure.notFound("No entity with uid " + s.get(2));
          }
          c.sendJson(200, e.entity);
          return true;
        }
        if ("DELETE".equals(m)) {
          store.deleteByUid(s.get(2));
          c.sendEmpty(204);
          return true;
        }
        return false;
      case "by-name":
        if (s.size() == 5 && "GET".equals(m)) {
          c.sendJson(200, byName(store, s.get(2), s.get(3), s.get(4)).entity);
          return true;
        }
        if (s.size() == 6 && "GET".equals(m) && s.get(5).equals("ancestry")) {
          StoredEntity root = store.byRef(s.get(2) + ":" + s.get(3) + "/" + s.get(4));
          if (root == null) {
            throw ApiFailure.notFound("No such entity " + s.get(2).toLowerCase(Locale.ROOT) + ":"
                + s.get(3).toLowerCase(Locale.ROOT) + "/" + s.get(4).toLowerCase(Locale.ROOT));
          }
          ancestry(c, root);
          return true;
        }
        return false;
      case "by-refs":
        if (s.size() == 2 && "POST".equals(m)) {
          byRefs(c);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  static StoredEntity byName(CatalogStore store, String kind, String ns, String name) {
    StoredEntity e = store.byRef(kind + ":" + ns + "/" + name);
    if (e == null) {
      throw ApiFailure.notFound("No entity named '" + name + "' found, with kind '" + kind + "' in namespace '"
          + ns + "'");
    }
    return e;
  }

  // ------------------------------------------------------------------ by-refs, ancestry, facets

  private void byRefs(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    if (!(body.get("entityRefs") instanceof List<?> refs)) {
      throw ApiFailure.input("request/body must have required property 'entityRefs'");
    }
    List<String> fields = body.get("fields") instanceof List<?> l
        ? Filters.parseFields(l.stream().map(String::valueOf).toList()) : List.of();
    Filters.Filter filter = Filters.parse(c.all("filter"));
    List<Object> items = new ArrayList<>();
    for (Object r : refs) {
      StoredEntity e = r instanceof String s ? store.byRef(s) : null;
      items.add(e == null || !filter.matches(e) ? null : Filters.project(e.entity, fields));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    c.sendJson(200, out);
  }

  private void ancestry(Call c, StoredEntity root) throws IOException {
    List<Object> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    StoredEntity cur = root;
    while (cur != null && seen.add(cur.ref)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("entity", cur.entity);
      StoredEntity parent = cur.parentRef == null ? null : store.byRef(cur.parentRef);
      item.put("parentEntityRefs", parent == null ? List.of() : List.of(parent.ref));
      items.add(item);
      cur = parent;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rootEntityRef", root.ref);
    out.put("items", items);
    c.sendJson(200, out);
  }

  private void facets(Call c, List<String> facets, Predicate<StoredEntity> filter) throws IOException {
    if (facets.isEmpty()) {
      throw ApiFailure.input("request/query must have required property 'facet'");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    store.read(() -> {
      for (String facet : facets) {
        Map<String, Integer> counts = new TreeMap<>();
        String key = facet.toLowerCase(Locale.ROOT);
        for (StoredEntity e : store.all()) {
          if (!filter.test(e)) {
            continue;
          }
          List<String[]> rows = e.index.get(key);
          if (rows == null) {
            continue;
          }
          Set<String> once = new HashSet<>();
          for (String[] r : rows) {
            if (r[1] != null && once.add(r[1])) {
              counts.merge(r[1], 1, Integer::sum);
            }
          }
        }
        List<Object> list = new ArrayList<>();
        counts.forEach((v, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("value", v);
          m.put("count", n);
          list.add(m);
        });
        result.put(facet, list);
      }
      return null;
    });
    c.sendJson(200, Map.of("facets", result));
  }

  // ------------------------------------------------------------------ refresh, validate, analyze

  private void refresh(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    if (!(body.get("entityRef") instanceof String ref)) {
      throw ApiFailure.input("request/body must have required property 'entityRef'");
    }
    StoredEntity e = store.byRef(ref);
    if (e == null) {
      throw ApiFailure.notFound("Entity " + ref + " not found");
    }
    store.refresh(e);
    c.sendEmpty(200);
  }

  @SuppressWarnings("unchecked")
  private void validateEntity(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    if (!body.containsKey("entity")) {
      throw ApiFailure.input("request/body must have required property 'entity'");
    }
    if (!(body.get("location") instanceof String location)) {
      throw ApiFailure.input("request/body must have required property 'location'");
    }
    if (!(body.get("entity") instanceof Map<?, ?> entity)) {
      throw ApiFailure.input("request/body/entity must be object");
    }
    if (!location.startsWith("url:")) {
      throw ApiFailure.input("Invalid location ref " + location + ", only 'url' is supported, e.g. url:https://host/path");
    }
    List<Violation> violations = store.validate((Map<String, Object>) entity);
    if (violations.isEmpty()) {
      c.sendEmpty(200);
      return;
    }
    // the entity failed validation, so its metadata may have any shape: read it leniently
    Map<?, ?> md = entity.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    Object ns = md.get("namespace") instanceof String n ? n : "default";
    String ref = (entity.get("kind") + ":" + ns + "/" + md.get("name")).toLowerCase(Locale.ROOT);
    Violation v = violations.get(0);
    String detail = "\"" + v.path() + "\" " + v.message();
    Map<String, Object> cause = new LinkedHashMap<>();
    cause.put("name", "Error");
    cause.put("message", detail);
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("name", "InputError");
    err.put("message", "Policy check failed for " + ref + "; caused by Error: " + detail);
    err.put("cause", cause);
    throw ApiFailure.raw(400, Map.of("errors", List.of(err)));
  }

  @SuppressWarnings("unchecked")
  private void analyzeLocation(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    if (!(body.get("location") instanceof Map<?, ?> loc)) {
      throw ApiFailure.input("request/body must have required property 'location'");
    }
    if (!"url".equals(loc.get("type"))) {
      throw ApiFailure.input("Only url locations are supported, got " + loc.get("type"));
    }
    String target = String.valueOf(loc.get("target"));
    String name = "component";
    try {
      String[] parts = java.net.URI.create(target).getPath().replaceAll("^/+", "").split("/");
      name = parts.length >= 2 ? parts[1] : parts[0];
    } catch (RuntimeException ignored) {
      // keep the default name
    }
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("apiVersion", "backstage.io/v1alpha1");
    entity.put("kind", "Component");
    entity.put("metadata", Map.of("name", name));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", "other");
    spec.put("lifecycle", "unknown");
    entity.put("spec", spec);
    Map<String, Object> gen = new LinkedHashMap<>();
    gen.put("entity", entity);
    gen.put("fields", List.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("existingEntityFiles", List.of());
    out.put("generateEntities", List.of(gen));
    c.sendJson(200, out);
  }


}
