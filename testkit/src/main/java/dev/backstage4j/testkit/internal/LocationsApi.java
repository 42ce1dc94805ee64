package dev.backstage4j.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code /locations} routes: register (with dry run), list, query, get, update and delete. */
final class LocationsApi {
  private final CatalogStore store;

  LocationsApi(CatalogStore store) {
    this.store = store;
  }

  boolean handle(Call c, List<String> s, String m) throws IOException {
    if (s.size() == 1 && "GET".equals(m)) {
      List<Object> out = new ArrayList<>();
      for (StoredLocation l : store.registeredLocations()) {
        out.add(Map.of("data", l.toJson()));
      }
      c.sendJson(200, out);
      return true;
    }
    if (s.size() == 1 && "POST".equals(m)) {
      createLocation(c);
      return true;
    }
    if (s.size() == 2 && s.get(1).equals("by-query") && "POST".equals(m)) {
      locationsByQuery(c);
      return true;
    }
    if (s.size() == 5 && s.get(1).equals("by-entity") && "GET".equals(m)) {
      StoredEntity e = CatalogApi.byName(store, s.get(2), s.get(3), s.get(4));
      String origin = e.origin == null ? null : e.origin;
      if (origin == null) {
        throw ApiFailure.notFound("Entity '" + e.ref + "' does not have a location");
      }
      int colon = origin.indexOf(':');
      StoredLocation loc = store.locationByRef(origin.substring(0, colon), origin.substring(colon + 1));
      if (loc == null) {
        throw ApiFailure.notFound("Found no location with type " + origin.substring(0, colon) + " and target "
            + origin.substring(colon + 1));
      }
      c.sendJson(200, loc.toJson());
      return true;
    }
    if (s.size() == 2 && "GET".equals(m)) {
      StoredLocation loc = store.location(s.get(1));
      if (loc == null) {
        throw ApiFailure.notFound("Found no location with ID " + s.get(1));
      }
      c.sendJson(200, loc.toJson());
      return true;
    }
    if (s.size() == 2 && "PUT".equals(m)) {
      Map<String, Object> body = c.jsonObjectBody();
      if (!(body.get("type") instanceof String type) || !(body.get("target") instanceof String target)) {
        throw ApiFailure.input("request/body must have required property 'type' and 'target'");
      }
      StoredLocation loc = store.update(s.get(1), type, target);
      if (loc == null) {
        throw ApiFailure.notFound("Found no location with ID " + s.get(1));
      }
      c.sendJson(200, loc.toJson());
      return true;
    }
    if (s.size() == 2 && "DELETE".equals(m)) {
      if (!store.deleteLocation(s.get(1))) {
        throw ApiFailure.notFound("Found no location with ID " + s.get(1));
      }
      c.sendEmpty(204);
      return true;
    }
    return false;
  }

  private void createLocation(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    for (String k : body.keySet()) {
      if (!Set.of("type", "target", "presence").contains(k)) {
        throw ApiFailure.input("request/body must NOT have additional properties");
      }
    }
    if (!(body.get("type") instanceof String type)) {
      throw ApiFailure.input("request/body must have required property 'type'");
    }
    if (!(body.get("target") instanceof String target)) {
      throw ApiFailure.input("request/body must have required property 'target'");
    }
    if (!type.equals("file") && !type.equals("url")) {
      throw ApiFailure.input("Registered locations must be of an allowed type [\"url\",\"file\"]");
    }
    String dry = c.first("dryRun");
    boolean dryRun = dry != null && Set.of("true", "yes", "1", "on", "y").contains(dry.toLowerCase(Locale.ROOT));
    if (dryRun) {
      Map<String, Object> loc = new LinkedHashMap<>();
      loc.put("type", type);
      loc.put("target", target);
      loc.put("id", type + ":" + target);
      loc.put("entityRef", LocationReader.generatedRef(type, target));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("exists", store.locationByRef(type, target) != null);
      out.put("location", loc);
      out.put("entities", type.equals("file") ? store.dryRun(type, target) : List.of());
      c.sendJson(201, out);
      return;
    }
    StoredLocation loc = store.register(type, target, "refresh".equals(c.first("onConflict")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("location", loc.toJson());
    out.put("entities", List.of());
    c.sendJson(201, out);
  }

  private void locationsByQuery(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    int limit = body.get("limit") instanceof Number n ? n.intValue() : 20;
    int offset = 0;
    if (body.get("cursor") instanceof String cur) {
      try {
        offset = ((Number) Json.readMap(new String(Base64.getDecoder().decode(cur), StandardCharsets.UTF_8))
            .get("offset")).intValue();
      } catch (RuntimeException e) {
        throw ApiFailure.input("Malformed cursor");
      }
    }
    Object query = body.get("query");
    List<Object> matched = new ArrayList<>();
    for (StoredLocation l : store.registeredLocations()) {
      if (query == null || locationMatches(query, l)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("target", l.target());
        m.put("type", l.type());
        m.put("entityRef", l.entityRef());
        matched.add(m);
      }
    }
    int from = Math.min(offset, matched.size());
    int to = Math.min(matched.size(), from + limit);
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (to < matched.size()) {
      pageInfo.put("nextCursor", Base64.getEncoder().encodeToString(("{\"offset\":" + to + "}")
          .getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", matched.subList(from, to));
    out.put("totalItems", matched.size());
    out.put("pageInfo", pageInfo);
    c.sendJson(200, out);
  }

  private static boolean locationMatches(Object query, StoredLocation l) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("type", l.type());
    tree.put("target", l.target());
    tree.put("entityRef", l.entityRef());
    StoredEntity fake = new StoredEntity("", "", tree, null, null, null, null);
    fake.index = StoredEntity.buildIndex(tree, List.of());
    return Filters.matchesPredicate(query, fake);
  }
}
