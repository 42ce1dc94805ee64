package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
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

  CatalogApi(CatalogStore store) {
    this.store = store;
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
          facets(c, c.all("facet"), filterFromQuery(c)::matches);
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
        return locations(c, s, m);
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
      legacyList(c);
      return true;
    }
    String sub = s.size() > 1 ? s.get(1) : "";
    switch (sub) {
      case "by-query":
        if (s.size() != 2) {
          return false;
        }
        if ("GET".equals(m)) {
          queryFromParams(c);
          return true;
        }
        if ("POST".equals(m)) {
          queryFromBody(c);
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
          c.sendJson(200, byName(s.get(2), s.get(3), s.get(4)).entity);
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

  private StoredEntity byName(String kind, String ns, String name) {
    StoredEntity e = store.byRef(kind + ":" + ns + "/" + name);
    if (e == null) {
      throw ApiFailure.notFound("No entity named '" + name + "' found, with kind '" + kind + "' in namespace '"
          + ns + "'");
    }
    return e;
  }

  private static Filters.Filter filterFromQuery(Call c) {
    return Filters.parse(c.all("filter"));
  }

  private void legacyList(Call c) throws IOException {
    for (String p : List.of("after", "offset", "limit")) {
      if (c.query.containsKey(p) && c.first(p).isEmpty()) {
        throw ApiFailure.input("Empty value found for query parameter '" + p + "'");
      }
    }
    Filters.Filter filter = filterFromQuery(c);
    List<String> fields = Filters.parseFields(c.all("fields"));
    List<String[]> orders = new ArrayList<>();
    for (String o : c.all("order")) {
      java.util.regex.Matcher mm = java.util.regex.Pattern.compile("^(asc|desc):(.+)$").matcher(o);
      if (!mm.matches()) {
        throw ApiFailure.input("Invalid order field order, got " + o);
      }
      orders.add(new String[] {mm.group(1), mm.group(2)});
    }
    Integer limit = intParam(c, "limit", 1);
    Integer offset = intParam(c, "offset", 0);
    String after = c.first("after");
    if (after != null) {
      Map<String, Object> cur;
      try {
        cur = Json.readMap(new String(Base64.getDecoder().decode(after), StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw ApiFailure.input("Malformed after cursor, could not be parsed");
      }
      if (cur.get("limit") instanceof Number n) {
        limit = n.intValue();
      }
      if (cur.get("offset") instanceof Number n) {
        offset = n.intValue();
      }
    }
    List<StoredEntity> matched = store.read(() -> {
      List<StoredEntity> out = new ArrayList<>();
      for (StoredEntity e : store.all()) {
        if (filter.matches(e)) {
          out.add(e);
        }
      }
      return out;
    });
    if (!orders.isEmpty()) {
      Comparator<StoredEntity> cmp = null;
      for (String[] o : orders) {
        Comparator<StoredEntity> step = nullsLast(o[1], "desc".equals(o[0]));
        cmp = cmp == null ? step : cmp.thenComparing(step);
      }
      matched.sort(cmp);
    }
    int from = offset == null ? 0 : Math.min(offset, matched.size());
    int to = limit == null ? matched.size() : Math.min(matched.size(), from + limit);
    List<Object> items = new ArrayList<>();
    for (StoredEntity e : matched.subList(from, to)) {
      items.add(fields.isEmpty() ? new RawJson(e.json()) : Filters.project(e.entity, fields));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (limit != null && to < matched.size()) {
      StringBuilder q = new StringBuilder();
      c.query.forEach((k, vs) -> {
        if (k.equals("offset") || k.equals("after")) {
          return;
        }
        for (String v : vs) {
          q.append(q.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v));
        }
      });
      String next = Base64.getEncoder().encodeToString(("{\"limit\":" + limit + ",\"offset\":" + to + "}")
          .getBytes(StandardCharsets.UTF_8));
      q.append(q.length() == 0 ? "" : "&").append("after=").append(enc(next));
      headers.put("Link", "</entities?" + q + ">; rel=\"next\"");
    }
    c.sendJson(200, items, headers);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Comparator<StoredEntity> nullsLast(String field, boolean desc) {
    return (a, b) -> {
      String va = a.sortValue(field);
      String vb = b.sortValue(field);
      if (va == null || vb == null) {
        return va == null ? (vb == null ? 0 : 1) : -1;
      }
      return desc ? vb.compareTo(va) : va.compareTo(vb);
    };
  }

  private static Integer intParam(Call c, String name, int min) {
    String v = c.first(name);
    if (v == null) {
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiFailure.input("request/query/" + name + " must be integer");
    }
    if (n < min) {
      throw ApiFailure.input("request/query/" + name + " must be >= " + min);
    }
    return n;
  }

  // ------------------------------------------------------------------ by-query (cursor paging)

  private void queryFromParams(Call c) throws IOException {
    Integer limit = intParam(c, "limit", 0);
    Integer offset = intParam(c, "offset", 0);
    List<String> fields = Filters.parseFields(c.all("fields"));
    String cursor = c.first("cursor");
    Map<String, Object> state;
    if (cursor != null) {
      state = decodeCursor(cursor);
    } else {
      state = new LinkedHashMap<>();
      List<Object> orderFields = new ArrayList<>();
      for (String of : c.all("orderField")) {
        String[] parts = of.split(",");
        String dir = parts.length > 1 ? parts[1].trim() : "asc";
        if (parts.length > 2 || parts[0].isBlank() || !(dir.equals("asc") || dir.equals("desc"))) {
          throw ApiFailure.input("Invalid order field order, expected \"asc\" or \"desc\" but got " + of);
        }
        orderFields.add(orderField(parts[0].trim(), dir));
      }
      state.put("orderFields", orderFields);
      state.put("isPrevious", false);
      if (!c.all("filter").isEmpty()) {
        state.put("filter", filterFromQuery(c).toJson());
      }
      Map<String, Object> ft = new LinkedHashMap<>();
      ft.put("term", c.first("fullTextFilterTerm") == null ? "" : c.first("fullTextFilterTerm"));
      if (c.first("fullTextFilterFields") != null) {
        ft.put("fields", Call.splitComma(c.all("fullTextFilterFields")));
      }
      state.put("fullTextFilter", ft);
      state.put("__totalItems", !"exclude".equals(c.first("totalItems")));
    }
    c.sendJson(200, runQuery(state, limit, cursor == null ? offset : null, fields));
  }

  @SuppressWarnings("unchecked")
  private void queryFromBody(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    Integer limit = body.get("limit") instanceof Number n ? n.intValue() : null;
    Integer offset = body.get("offset") instanceof Number n ? n.intValue() : null;
    List<String> fields = body.get("fields") instanceof List<?> l
        ? Filters.parseFields(l.stream().map(String::valueOf).toList()) : List.of();
    Map<String, Object> state;
    if (body.get("cursor") instanceof String cursor) {
      state = decodeCursor(cursor);
      offset = null;
    } else {
      state = new LinkedHashMap<>();
      List<Object> orderFields = new ArrayList<>();
      if (body.get("orderBy") instanceof List<?> ob) {
        for (Object o : ob) {
          Map<String, Object> om = (Map<String, Object>) o;
          String dir = om.get("order") == null ? "asc" : String.valueOf(om.get("order"));
          if (!(dir.equals("asc") || dir.equals("desc"))) {
            throw ApiFailure.input("request/body/orderBy/0/order must be equal to one of the allowed values");
          }
          orderFields.add(orderField(String.valueOf(om.get("field")), dir));
        }
      }
      state.put("orderFields", orderFields);
      state.put("isPrevious", false);
      Object query = body.get("query");
      if (query != null) {
        if (!(query instanceof Map)) {
          throw ApiFailure.input("request/body/query must be object");
        }
        state.put("query", query);
      }
      Map<String, Object> ft = new LinkedHashMap<>();
      Map<String, Object> bodyFt = body.get("fullTextFilter") instanceof Map<?, ?> f
          ? (Map<String, Object>) f : Map.of();
      ft.put("term", bodyFt.get("term") == null ? "" : bodyFt.get("term"));
      if (bodyFt.get("fields") != null) {
        ft.put("fields", bodyFt.get("fields"));
      }
      state.put("fullTextFilter", ft);
      state.put("__totalItems", !"exclude".equals(body.get("totalItems")));
    }
    c.sendJson(200, runQuery(state, limit, offset, fields));
  }

  private static Map<String, Object> orderField(String field, String order) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("order", order);
    return m;
  }

  private static Map<String, Object> decodeCursor(String cursor) {
    try {
      String json = new String(Base64.getDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      Map<String, Object> m = Json.readMap(json);
      if (!(m.get("orderFields") instanceof List) || !(m.get("orderFieldValues") instanceof List)) {
        throw new IllegalArgumentException("Invalid cursor");
      }
      return m;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String msg = cause.getMessage() == null ? "" : cause.getMessage().split("\n")[0];
      throw ApiFailure.input("Malformed cursor: SyntaxError: " + msg);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> runQuery(Map<String, Object> state, Integer limitParam, Integer offset,
      List<String> fields) {
    int limit = limitParam == null ? 20 : limitParam;
    List<Map<String, Object>> orderFields = (List<Map<String, Object>>) state.get("orderFields");
    String sortField = orderFields.isEmpty() ? null : String.valueOf(orderFields.get(0).get("field"));
    boolean desc = !orderFields.isEmpty() && "desc".equals(orderFields.get(0).get("order"));
    Filters.Filter filter = state.containsKey("filter") ? Filters.Filter.fromJson(state.get("filter")) : null;
    Object query = state.get("query");
    Map<String, Object> ft = (Map<String, Object>) state.getOrDefault("fullTextFilter", Map.of());
    String term = ft.get("term") == null ? "" : String.valueOf(ft.get("term")).trim().toLowerCase(Locale.ROOT);
    List<String> ftFields = ft.get("fields") instanceof List<?> l
        ? l.stream().map(x -> String.valueOf(x).toLowerCase(Locale.ROOT)).toList()
        : List.of(sortField == null ? "metadata.uid" : sortField.toLowerCase(Locale.ROOT));
    Predicate<StoredEntity> match = e -> (filter == null || filter.matches(e))
        && (query == null || Filters.matchesPredicate(query, e))
        && (term.isEmpty() || fullText(e, term, ftFields)); // sortedBy() only holds entities having the field
    List<StoredEntity> all = new ArrayList<>();
    if (sortField == null) {
      store.read(() -> {
        for (StoredEntity e : store.all()) {
          if (match.test(e)) {
            all.add(e);
          }
        }
        return null;
      });
    } else {
      List<StoredEntity> sorted = store.sortedBy(sortField);
      for (int i = 0; i < sorted.size(); i++) {
        StoredEntity e = sorted.get(desc ? sorted.size() - 1 - i : i);
        if (match.test(e)) {
          all.add(e);
        }
      }
    }
    int total;
    if (state.containsKey("totalItems")) {
      total = ((Number) state.get("totalItems")).intValue();
    } else {
      total = Boolean.FALSE.equals(state.get("__totalItems")) ? 0 : all.size();
    }
    int from;
    int to;
    List<Object> values = (List<Object>) state.get("orderFieldValues");
    boolean previous = Boolean.TRUE.equals(state.get("isPrevious"));
    if (values != null) {
      String[] keys = new String[all.size()];
      String sortKey = sortField == null ? null : sortField.toLowerCase(Locale.ROOT);
      for (int i = 0; i < keys.length; i++) {
        keys[i] = sortKey == null ? "" : all.get(i).sortValue(sortKey);
      }
      int pos = positionAfter(all, keys, values, sortField, desc);
      if (previous) {
        to = pos; // pos = index of the first element not before the key
        from = Math.max(0, to - limit);
      } else {
        from = pos;
        to = Math.min(all.size(), from + limit);
      }
    } else {
      from = Math.min(all.size(), offset == null ? 0 : offset);
      to = Math.min(all.size(), from + limit);
    }
    List<Object> items = new ArrayList<>();
    for (StoredEntity e : all.subList(from, to)) {
      items.add(fields.isEmpty() ? new RawJson(e.json()) : Filters.project(e.entity, fields));
    }
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    if (to < all.size() && to > from) {
      pageInfo.put("nextCursor", cursor(state, all.get(to - 1), false, all.get(0), sortField, total));
    }
    if (from > 0 && to > from) {
      pageInfo.put("prevCursor", cursor(state, all.get(from), true, all.get(0), sortField, total));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("totalItems", total);
    out.put("pageInfo", pageInfo);
    return out;
  }

  /** Index of the first element after (or, for a previous cursor, not before) the cursor key. */
  private static int positionAfter(List<StoredEntity> all, String[] keys, List<Object> values, String sortField,
      boolean desc) {
    String uid = String.valueOf(values.get(values.size() - 1));
    String value = sortField == null ? "" : String.valueOf(values.get(0)).toLowerCase(Locale.ROOT);
    int lo = 0;
    int hi = all.size();
    while (lo < hi) { // first index whose (key, uid) is strictly beyond the cursor in sort order
      int mid = (lo + hi) >>> 1;
      int c = keys[mid].compareTo(value);
      if (c == 0) {
        c = all.get(mid).uid.compareTo(uid);
      }
      if (desc ? c < 0 : c > 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static String cursor(Map<String, Object> state, StoredEntity at, boolean previous, StoredEntity first,
      String sortField, int total) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("orderFields", state.get("orderFields"));
    c.put("isPrevious", previous);
    if (state.containsKey("filter")) {
      c.put("filter", state.get("filter"));
    }
    if (state.containsKey("query")) {
      c.put("query", state.get("query"));
    }
    c.put("fullTextFilter", state.get("fullTextFilter"));
    c.put("orderFieldValues", sortField == null ? List.of(at.uid) : List.of(at.sortValue(sortField), at.uid));
    c.put("firstSortFieldValues",
        sortField == null ? List.of(first.uid) : List.of(first.sortValue(sortField), first.uid));
    c.put("totalItems", total);
    return Base64.getEncoder().encodeToString(Json.write(c));
  }

  private static boolean fullText(StoredEntity e, String term, List<String> fields) {
    for (String f : fields) {
      List<String[]> rows = e.index.get(f);
      if (rows != null) {
        for (String[] r : rows) {
          if (r[0] != null && r[0].contains(term)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ by-refs, ancestry, facets

  private void byRefs(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    if (!(body.get("entityRefs") instanceof List<?> refs)) {
      throw ApiFailure.input("request/body must have required property 'entityRefs'");
    }
    List<String> fields = body.get("fields") instanceof List<?> l
        ? Filters.parseFields(l.stream().map(String::valueOf).toList()) : List.of();
    Filters.Filter filter = filterFromQuery(c);
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
    Map<String, Object> md = Json.map(entity, "metadata");
    String ref = String.valueOf(entity.get("kind")).toLowerCase(Locale.ROOT) + ":"
        + (Json.str(md, "namespace") == null ? "default" : Json.str(md, "namespace")).toLowerCase(Locale.ROOT)
        + "/" + String.valueOf(md == null ? null : md.get("name")).toLowerCase(Locale.ROOT);
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

  // ------------------------------------------------------------------ locations

  private boolean locations(Call c, List<String> s, String m) throws IOException {
    if (s.size() == 1 && "GET".equals(m)) {
      List<Object> out = new ArrayList<>();
      for (CatalogStore.Loc l : store.registeredLocations()) {
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
      StoredEntity e = byName(s.get(2), s.get(3), s.get(4));
      String origin = e.origin == null ? null : e.origin;
      if (origin == null) {
        throw ApiFailure.notFound("Entity '" + e.ref + "' does not have a location");
      }
      int colon = origin.indexOf(':');
      CatalogStore.Loc loc = store.locationByRef(origin.substring(0, colon), origin.substring(colon + 1));
      if (loc == null) {
        throw ApiFailure.notFound("Found no location with type " + origin.substring(0, colon) + " and target "
            + origin.substring(colon + 1));
      }
      c.sendJson(200, loc.toJson());
      return true;
    }
    if (s.size() == 2 && "GET".equals(m)) {
      CatalogStore.Loc loc = store.location(s.get(1));
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
      CatalogStore.Loc loc = store.update(s.get(1), type, target);
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
      loc.put("entityRef", CatalogStore.generatedRef(type, target));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("exists", store.locationByRef(type, target) != null);
      out.put("location", loc);
      out.put("entities", type.equals("file") ? store.dryRun(type, target) : List.of());
      c.sendJson(201, out);
      return;
    }
    CatalogStore.Loc loc = store.register(type, target, "refresh".equals(c.first("onConflict")));
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
    for (CatalogStore.Loc l : store.registeredLocations()) {
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

  private static boolean locationMatches(Object query, CatalogStore.Loc l) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("type", l.type());
    tree.put("target", l.target());
    tree.put("entityRef", l.entityRef());
    StoredEntity fake = new StoredEntity("", "", tree, null, null, null, null);
    fake.index = StoredEntity.buildIndex(tree, List.of());
    return Filters.matchesPredicate(query, fake);
  }
}
