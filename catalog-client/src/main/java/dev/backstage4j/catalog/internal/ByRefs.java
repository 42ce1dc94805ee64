package dev.backstage4j.catalog.internal;

import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.core.BackstageDecodingException;
import dev.backstage4j.core.internal.ApiRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /entities/by-refs} for any number of refs: canonical lower-case refs, split into chunks the
 * server's 100 kB body limit accepts (as {@code @backstage/catalog-client} does: at most 1000 refs and
 * 90 KiB of refs per request), answers concatenated in request order.
 */
final class ByRefs {
  static final int MAX_REFS = 1000;
  static final int MAX_CHARS = 90 * 1024;

  private final Calls calls;

  ByRefs(Calls calls) {
    this.calls = calls;
  }

  List<Entity> get(Collection<EntityRef> refs, EntityFilter filter, Collection<String> fields) {
    Objects.requireNonNull(refs, "refs");
    String bad = Objects.requireNonNull(filter, "filter").firstUnsendable();
    if (bad != null) {
      // The body's 'query' predicate exists only on newer servers, and older ones ignore unknown body keys, so
      // sending it could silently return unfiltered entities.
      throw new IllegalArgumentException("the " + bad + " cannot be sent to POST /entities/by-refs: the server "
          + "splits filters at commas and trims them; fetch the refs without that condition and check it on the "
          + "results, or use entities().query(...) with a predicate");
    }
    List<String> canonical = new ArrayList<>(refs.size());
    for (EntityRef r : refs) {
      canonical.add(Objects.requireNonNull(r, "ref").toString());
    }
    List<String> sentFields = fields.isEmpty() ? List.of()
        : EntityQuery.builder().fields(fields.toArray(new String[0])).build().fieldsSent();
    List<Entity> out = new ArrayList<>(canonical.size());
    for (List<String> chunk : chunks(canonical)) {
      out.addAll(fetch(chunk, filter, sentFields));
    }
    return Collections.unmodifiableList(out);
  }

  /** Splits refs into request-sized chunks, keeping order; each ref counts its length plus 3 (quotes, comma). */
  static List<List<String>> chunks(List<String> refs) {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int chars = 0;
    for (String ref : refs) {
      int size = ref.length() + 3;
      if (!current.isEmpty() && (current.size() >= MAX_REFS || chars + size > MAX_CHARS)) {
        out.add(current);
        current = new ArrayList<>();
        chars = 0;
      }
      current.add(ref);
      chars += size;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  private List<Entity> fetch(List<String> refs, EntityFilter filter, List<String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entityRefs", refs);
    if (!fields.isEmpty()) {
      body.put("fields", fields);
    }
    ApiRequest request = ApiRequest.post("/entities/by-refs").repeatable(true)
        .queryAll("filter", filter.toQueryValues()).jsonBody(body).build();
    return calls.run(request, r -> {
      Map<String, Object> m = calls.transport().json().readMap(r.bytes(), "entities/by-refs response");
      List<Entity> items = Wire.entities(m.get("items"), "entities/by-refs response");
      if (items.size() != refs.size()) {
        throw new BackstageDecodingException("cannot read entities/by-refs response: asked for " + refs.size()
            + " refs but got " + items.size() + " items", "$.items", null);
      }
      return items;
    });
  }
}
