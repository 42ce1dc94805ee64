package dev.backstage4j.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** {@code /entities/by-query} (GET and POST): cursor paging with order fields, filters and full-text search. */
final class EntityQueries {
  private final CatalogStore store;

  EntityQueries(CatalogStore store) {
    this.store = store;
  }

  void fromParams(Call c) throws IOException {
    Integer limit = c.intParam("limit", 0);
    Integer offset = c.intParam("offset", 0);
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
        state.put("filter", Filters.parse(c.all("filter")).toJson());
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
  void fromBody(Call c) throws IOException {
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
}
