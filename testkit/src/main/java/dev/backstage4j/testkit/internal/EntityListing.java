package dev.backstage4j.testkit.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The legacy {@code GET /entities} list: filters, fields, order and offset/limit paging with a Link header. */
final class EntityListing {
  private final CatalogStore store;

  EntityListing(CatalogStore store) {
    this.store = store;
  }

  void list(Call c) throws IOException {
    for (String p : List.of("after", "offset", "limit")) {
      if (c.query.containsKey(p) && c.first(p).isEmpty()) {
        throw ApiFailure.input("Empty value found for query parameter '" + p + "'");
      }
    }
    Filters.Filter filter = Filters.parse(c.all("filter"));
    List<String> fields = Filters.parseFields(c.all("fields"));
    List<String[]> orders = new ArrayList<>();
    for (String o : c.all("order")) {
      java.util.regex.Matcher mm = java.util.regex.Pattern.compile("^(asc|desc):(.+)$").matcher(o);
      if (!mm.matches()) {
        throw ApiFailure.input("Invalid order field order, got " + o);
      }
      orders.add(new String[] {mm.group(1), mm.group(2)});
    }
    Integer limit = c.intParam("limit", 1);
    Integer offset = c.intParam("offset", 0);
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
}
