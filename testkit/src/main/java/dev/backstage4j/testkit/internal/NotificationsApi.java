package dev.backstage4j.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Backstage's notifications backend: {@code POST /notifications} (service callers only) and the user's
 * {@code GET /notifications[/{id}]}. Entity recipients resolve as Backstage's default resolver does (users as
 * they are, groups to their {@code hasMember} users recursing into {@code parentOf}, other kinds through their
 * {@code ownedBy} owners); the same {@code scope} from the same origin updates the user's notification instead of
 * adding one.
 */
final class NotificationsApi implements FakeServer.Router {
  private static final Set<String> SEVERITIES = Set.of("critical", "high", "normal", "low");

  private final CatalogStore store;
  private final List<Map<String, Object>> saved = new ArrayList<>();

  NotificationsApi(CatalogStore store) {
    this.store = store;
  }

  @Override
  public boolean handle(Call c) throws IOException {
    List<String> seg = c.segments();
    if ("POST".equals(c.method) && (seg.isEmpty() || seg.equals(List.of("notifications")))) {
      create(c);
      return true;
    }
    if ("GET".equals(c.method) && !seg.isEmpty() && seg.get(0).equals("notifications") && seg.size() <= 2) {
      if (!c.principal.isUser()) {
        throw new ApiFailure(403, "NotAllowedError", "Only users can read their notifications");
      }
      String user = c.principal.subject();
      synchronized (saved) {
        List<Map<String, Object>> mine = new ArrayList<>();
        for (int i = saved.size() - 1; i >= 0; i--) {
          Map<String, Object> n = saved.get(i);
          if (user.equals(n.get("user")) || n.get("user") == null) {
            mine.add(n);
          }
        }
        if (seg.size() == 2) {
          Map<String, Object> one = mine.stream().filter(n -> n.get("id").equals(seg.get(1))).findFirst()
              .orElseThrow(() -> ApiFailure.notFound("Not found"));
          c.sendJson(200, one);
        } else {
          c.sendJson(200, Map.of("totalCount", mine.size(), "notifications", mine));
        }
      }
      return true;
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private void create(Call c) throws IOException {
    if (c.principal.isUser()) {
      throw new ApiFailure(403, "NotAllowedError", "Only service principals can send notifications");
    }
    Map<String, Object> body = c.jsonObjectBody();
    if (!(body.get("recipients") instanceof Map<?, ?> recipients)) {
      throw ApiFailure.input("request/body must have required property 'recipients'");
    }
    if (!(body.get("payload") instanceof Map<?, ?> rawPayload)) {
      throw ApiFailure.input("request/body must have required property 'payload'");
    }
    Map<String, Object> payload = new LinkedHashMap<>((Map<String, Object>) rawPayload);
    if (!(payload.get("title") instanceof String)) {
      throw ApiFailure.input("request/body/payload must have required property 'title'");
    }
    Object severity = payload.getOrDefault("severity", "normal");
    if (!SEVERITIES.contains(severity)) {
      throw ApiFailure.input("request/body/payload/severity must be equal to one of the allowed values");
    }
    payload.put("severity", severity);
    if (payload.get("link") instanceof String link && !validLink(link)) {
      throw ApiFailure.input("Invalid link provided");
    }
    String origin = c.principal.subject();
    List<String> users = new ArrayList<>();
    if ("broadcast".equals(recipients.get("type"))) {
      users.add(null);
    } else if ("entity".equals(recipients.get("type"))) {
      Set<String> found = new LinkedHashSet<>();
      refs(recipients.get("entityRef")).forEach(r -> resolve(r, found, new LinkedHashSet<>()));
      found.removeAll(refs(recipients.get("excludeEntityRef")));
      users.addAll(found);
    } else {
      throw ApiFailure.input("request/body/recipients must match exactly one schema in oneOf");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    String now = Instant.now().toString();
    synchronized (saved) {
      for (String user : users) {
        Map<String, Object> existing = null;
        if (payload.get("scope") != null) {
          for (Map<String, Object> n : saved) {
            Map<String, Object> p = (Map<String, Object>) n.get("payload");
            if (payload.get("scope").equals(p.get("scope")) && origin.equals(n.get("origin"))
                && java.util.Objects.equals(user, n.get("user"))) {
              existing = n;
            }
          }
        }
        Map<String, Object> n;
        if (existing != null) {
          saved.remove(existing);
          n = new LinkedHashMap<>(existing);
          n.put("payload", payload);
          n.put("updated", now);
          n.put("read", null);
        } else {
          n = new LinkedHashMap<>();
          n.put("id", UUID.randomUUID().toString());
          n.put("user", user);
          n.put("created", now);
          n.put("origin", origin);
          n.put("payload", payload);
        }
        saved.add(n);
        out.add(n);
      }
    }
    c.sendJson(200, out);
  }

  private static boolean validLink(String link) {
    try {
      String scheme = URI.create("http://localhost:3000/").resolve(link).getScheme();
      return "http".equals(scheme) || "https".equals(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> refs(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof String s) {
      out.add(s.toLowerCase(java.util.Locale.ROOT));
    } else if (value instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x).toLowerCase(java.util.Locale.ROOT)));
    }
    return out;
  }

  /** Users as they are; groups to members and child groups' members; other kinds to their owners. */
  @SuppressWarnings("unchecked")
  private void resolve(String ref, Set<String> users, Set<String> seen) {
    if (!seen.add(ref)) {
      return;
    }
    if (ref.startsWith("user:")) {
      users.add(ref);
      return;
    }
    Map<String, Object> entity = store.entity(ref);
    if (entity == null || !(entity.get("relations") instanceof List<?> relations)) {
      return;
    }
    boolean group = ref.startsWith("group:");
    for (Object o : relations) {
      Map<String, Object> r = (Map<String, Object>) o;
      String type = String.valueOf(r.get("type"));
      String target = String.valueOf(r.get("targetRef"));
      if (group ? type.equals("hasMember") || type.equals("parentOf") : type.equals("ownedBy")) {
        resolve(target, users, seen);
      }
    }
  }
}
