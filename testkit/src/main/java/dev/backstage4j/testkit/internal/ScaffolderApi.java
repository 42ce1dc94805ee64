package dev.backstage4j.testkit.internal;

import dev.backstage4j.core.internal.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The scaffolder plugin's router ({@code /api/scaffolder}), v2 endpoints. */
final class ScaffolderApi implements FakeServer.Router {
  static volatile long longPollMillis = 30_000;
  private static final Pattern ORDER = Pattern.compile("^(asc|desc):(.+)$");
  private final Scaffolder scaffolder;

  ScaffolderApi(Scaffolder scaffolder) {
    this.scaffolder = scaffolder;
  }

  @Override
  public boolean handle(Call c) throws IOException {
    List<String> s = c.segments();
    String m = c.method;
    if (s.size() < 2 || !s.get(0).equals("v2")) {
      return false;
    }
    switch (s.get(1)) {
      case "actions":
        if (s.size() == 2 && "GET".equals(m)) {
          c.sendJson(200, scaffolder.listedActions(c.principal));
          return true;
        }
        return false;
      case "templating-extensions":
        if (s.size() == 2 && "GET".equals(m)) {
          c.sendJson(200, templatingExtensions());
          return true;
        }
        return false;
      case "templates":
        if (s.size() == 6 && "GET".equals(m) && s.get(5).equals("parameter-schema")) {
          parameterSchema(c, s.get(2), s.get(3), s.get(4));
          return true;
        }
        return false;
      case "dry-run":
        if (s.size() == 2 && "POST".equals(m)) {
          dryRun(c);
          return true;
        }
        return false;
      case "tasks":
        return tasks(c, s, m);
      case "autocomplete":
        if (s.size() == 4 && "POST".equals(m)) { // no SCM integrations are configured, as on a bare backend
          throw ApiFailure.input("Unsupported provider: " + s.get(2));
        }
        return false;
      default:
        return false;
    }
  }

  private static Map<String, Object> templatingExtensions() {
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("parseRepoUrl", Map.of("description",
        "Parses a repository URL into its constituent parts: owner, repository name, etc."));
    filters.put("parseEntityRef", Map.of("description",
        "Extracts the parts of an entity reference, such as the kind, namespace, and name."));
    filters.put("pick", Map.of("description",
        "Selects a specific property (e.g. kind, namespace, name) from an object."));
    filters.put("projectSlug", Map.of("description", "Generates a project slug from a repository URL."));
    Map<String, Object> globals = new LinkedHashMap<>();
    globals.put("functions", Map.of());
    globals.put("values", Map.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("filters", filters);
    out.put("globals", globals);
    return out;
  }

  @SuppressWarnings("unchecked")
  private void parameterSchema(Call c, String ns, String kind, String name) throws IOException {
    StoredEntity t = scaffolder.template(kind + ":" + ns + "/" + name);
    if (!"scaffolder.backstage.io/v1beta3".equals(t.entity.get("apiVersion"))) {
      throw ApiFailure.input("Unsupported apiVersion field in schema entity, " + t.entity.get("apiVersion"));
    }
    Map<String, Object> md = Trees.map(t.entity, "metadata", "$");
    Map<String, Object> spec = Trees.map(t.entity, "spec", "$");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", md.getOrDefault("title", md.get("name")));
    if (md.get("description") != null) {
      out.put("description", md.get("description"));
    }
    if (spec.get("presentation") != null) {
      out.put("presentation", spec.get("presentation"));
    }
    List<Object> steps = new ArrayList<>();
    for (Map<String, Object> schema : parameterSchemas(spec)) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("title", schema.getOrDefault("title", "Please enter the following information"));
      if (schema.get("description") != null) {
        step.put("description", schema.get("description"));
      }
      step.put("schema", schema);
      steps.add(step);
    }
    out.put("steps", steps);
    if (spec.get("EXPERIMENTAL_formDecorators") != null) {
      out.put("EXPERIMENTAL_formDecorators", spec.get("EXPERIMENTAL_formDecorators"));
    }
    c.sendJson(200, out);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parameterSchemas(Map<String, Object> spec) {
    Object p = spec == null ? null : spec.get("parameters");
    List<Map<String, Object>> out = new ArrayList<>();
    if (p instanceof Map<?, ?> m) {
      out.add((Map<String, Object>) m);
    } else if (p instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ tasks

  @SuppressWarnings("unchecked")
  private boolean tasks(Call c, List<String> s, String m) throws IOException {
    if (s.size() == 2 && "POST".equals(m)) {
      Map<String, Object> body = c.jsonObjectBody();
      if (!(body.get("templateRef") instanceof String ref)) {
        throw ApiFailure.input("request/body must have required property 'templateRef'");
      }
      StoredEntity t = scaffolder.template(ref);
      if (!"scaffolder.backstage.io/v1beta3".equals(t.entity.get("apiVersion"))) {
        throw ApiFailure.input("Unsupported apiVersion field in schema entity, " + t.entity.get("apiVersion"));
      }
      Map<String, Object> values = body.get("values") instanceof Map<?, ?> v
          ? (Map<String, Object>) v : new LinkedHashMap<>();
      Map<String, Object> secrets = body.get("secrets") instanceof Map<?, ?> v
          ? (Map<String, Object>) v : new LinkedHashMap<>();
      List<Object> errors = new ArrayList<>();
      for (Map<String, Object> schema : parameterSchemas(Trees.map(t.entity, "spec", "$"))) {
        SchemaCheck.check(schema, values, errors);
      }
      if (!errors.isEmpty()) {
        throw ApiFailure.raw(400, Map.of("errors", errors));
      }
      String user = c.principal != null && c.principal.isUser() ? c.principal.subject() : null;
      Scaffolder.Task task = scaffolder.create(t, values, secrets, user, c.principal);
      c.sendJson(201, Map.of("id", task.id));
      return true;
    }
    if (s.size() == 2 && "GET".equals(m)) {
      listTasks(c);
      return true;
    }
    if (s.size() < 3) {
      return false;
    }
    Scaffolder.Task task = scaffolder.task(s.get(2));
    if (s.size() == 3 && "GET".equals(m)) {
      c.sendJson(200, task.toJson());
      return true;
    }
    if (s.size() != 4) {
      return false;
    }
    switch (s.get(3)) {
      case "cancel":
        if (!"POST".equals(m)) {
          return false;
        }
        scaffolder.cancel(task);
        c.sendJson(200, Map.of("status", "cancelled"));
        return true;
      case "retry":
        if (!"POST".equals(m)) {
          return false;
        }
        if (task.finished()) {
          scaffolder.start(task);
        }
        c.sendJson(201, Map.of("id", task.id));
        return true;
      case "events":
        if (!"GET".equals(m)) {
          return false;
        }
        longPoll(c, task);
        return true;
      case "eventstream":
        if (!"GET".equals(m)) {
          return false;
        }
        eventStream(c, task);
        return true;
      default:
        return false;
    }
  }

  private static long after(Call c) {
    String a = c.first("after");
    if (a == null || a.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(a.trim());
    } catch (NumberFormatException e) {
      throw ApiFailure.input("request/query/after must be integer");
    }
  }

  private void longPoll(Call c, Scaffolder.Task task) throws IOException {
    long after = after(c);
    long deadline = System.currentTimeMillis() + longPollMillis;
    List<Map<String, Object>> events = scaffolder.eventsAfter(task, after);
    try {
      while (events.isEmpty() && System.currentTimeMillis() < deadline) {
        scaffolder.awaitEvents(Math.max(1, Math.min(250, deadline - System.currentTimeMillis())));
        events = scaffolder.eventsAfter(task, after);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    c.sendJson(200, events);
  }

  private void eventStream(Call c, Scaffolder.Task task) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/event-stream");
    headers.put("Cache-Control", "no-cache");
    headers.put("Connection", "keep-alive");
    long after = after(c);
    try (OutputStream out = c.startStream(200, headers)) {
      long last = after;
      boolean done = false;
      while (!done) {
        for (Map<String, Object> e : scaffolder.eventsAfter(task, last)) {
          long id = ((Number) e.get("id")).longValue();
          if (id <= last && !"completion".equals(e.get("type"))) {
            continue;
          }
          String frame = "event: " + e.get("type") + "\ndata: " + Json.writeString(e) + "\n\n";
          out.write(frame.getBytes(StandardCharsets.UTF_8));
          out.flush();
          last = Math.max(last, id);
          if ("completion".equals(e.get("type"))) {
            done = true;
            break;
          }
        }
        if (!done) {
          scaffolder.awaitEvents(250);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void listTasks(Call c) throws IOException {
    List<String[]> orders = new ArrayList<>();
    for (String o : c.all("order")) {
      Matcher mm = ORDER.matcher(o);
      if (!mm.matches()) {
        throw ApiFailure.input("Invalid order parameter \"" + o + "\", expected \"<asc or desc>:<field name>\"");
      }
      if (!List.of("created_at", "status", "created_by").contains(mm.group(2))) {
        throw ApiFailure.input("Invalid order field \"" + mm.group(2) + "\", expected one of created_at, status, "
            + "created_by");
      }
      orders.add(new String[] {mm.group(1), mm.group(2)});
    }
    List<String> statuses = c.all("status");
    List<String> createdBy = c.all("createdBy");
    List<Scaffolder.Task> all = new ArrayList<>();
    for (Scaffolder.Task t : scaffolder.tasks()) {
      if ((statuses.isEmpty() || statuses.contains(t.status))
          && (createdBy.isEmpty() || createdBy.contains(t.createdBy))) {
        all.add(t);
      }
    }
    Comparator<Scaffolder.Task> cmp = null;
    for (String[] o : orders) {
      Comparator<Scaffolder.Task> step = switch (o[1]) {
        case "status" -> Comparator.comparing(t -> t.status);
        case "created_by" -> Comparator.comparing(t -> t.createdBy == null ? "" : t.createdBy);
        default -> Comparator.comparing(t -> t.createdAt);
      };
      if (o[0].equals("desc")) {
        step = step.reversed();
      }
      cmp = cmp == null ? step : cmp.thenComparing(step);
    }
    if (cmp != null) {
      all.sort(cmp);
    }
    int total = all.size();
    int offset = intOr(c.first("offset"), 0);
    int limit = intOr(c.first("limit"), Integer.MAX_VALUE);
    List<Object> page = new ArrayList<>();
    for (int i = Math.min(offset, total); i < total && page.size() < limit; i++) {
      page.add(all.get(i).toJson());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tasks", page);
    out.put("totalTasks", total);
    c.sendJson(200, out);
  }

  private static int intOr(String v, int dflt) {
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw ApiFailure.input("Invalid limit/offset value " + v);
    }
  }

  // ------------------------------------------------------------------ dry run

  @SuppressWarnings("unchecked")
  private void dryRun(Call c) throws IOException {
    Map<String, Object> body = c.jsonObjectBody();
    if (!(body.get("template") instanceof Map<?, ?> tpl) || !"Template".equals(tpl.get("kind"))
        || !"scaffolder.backstage.io/v1beta3".equals(tpl.get("apiVersion"))) {
      throw ApiFailure.input("Input template is not a template");
    }
    Map<String, Object> template = (Map<String, Object>) tpl;
    Map<String, Object> values = body.get("values") instanceof Map<?, ?> v
        ? (Map<String, Object>) v : new LinkedHashMap<>();
    Map<String, Object> secrets = body.get("secrets") instanceof Map<?, ?> v
        ? (Map<String, Object>) v : new LinkedHashMap<>();
    List<Object> errors = new ArrayList<>();
    for (Map<String, Object> schema : parameterSchemas(Trees.map(template, "spec", "$"))) {
      SchemaCheck.check(schema, values, errors);
    }
    if (!errors.isEmpty()) {
      throw ApiFailure.raw(400, Map.of("errors", errors));
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (body.get("directoryContents") instanceof List<?> dc) {
      for (Object o : dc) {
        Map<String, Object> f = (Map<String, Object>) o;
        files.put(String.valueOf(f.get("path")), Base64.getDecoder().decode(String.valueOf(
            f.getOrDefault("base64Content", ""))));
      }
    }
    c.sendJson(200, scaffolder.dryRun(template, values, secrets, files, c.principal));
  }
}
