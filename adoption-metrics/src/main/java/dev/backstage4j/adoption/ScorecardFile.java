package dev.backstage4j.adoption;

import dev.backstage4j.adoption.internal.YamlNode;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the declarative scorecard format documented in package-info. */
final class ScorecardFile {
  private static final Set<String> TOP = Set.of("name", "checks", "tracks", "exemptions", "campaigns");
  private static final Set<String> CHECK = Set.of("id", "builtin", "title", "fix", "points", "scope", "require",
      "allowed");
  private static final Set<String> SCOPE = Set.of("kinds", "types", "lifecycles", "where");
  private static final Set<String> CAMPAIGN = Set.of("id", "title", "owner", "scope", "target", "start",
      "deadline", "exemptions");
  private static final Set<String> OPERATORS = Set.of("annotation", "label", "exists", "field", "anyOf", "not");
  private static final Set<String> FIELD_TESTS = Set.of("equals", "matches", "in");

  private final String source;

  private ScorecardFile(String source) {
    this.source = source;
  }

  static Scorecard read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new ScorecardFile(file.toString()).parse(r);
    } catch (IOException e) {
      throw new ScorecardFileException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
  }

  static Scorecard parse(String yaml, String sourceName) {
    return new ScorecardFile(sourceName).parse(new StringReader(yaml));
  }

  private Scorecard parse(Reader reader) {
    List<YamlNode> docs;
    try {
      docs = YamlNode.readAll(reader);
    } catch (YamlNode.SyntaxError e) {
      throw fail(e.line(), "invalid YAML: " + e.getMessage());
    }
    if (docs.size() != 1) {
      throw fail(docs.isEmpty() ? 1 : docs.get(1).line(), "expected exactly one YAML document, found "
          + docs.size());
    }
    YamlNode root = docs.get(0);
    Map<String, YamlNode> top = object(root, "the file");
    allowOnly(top, TOP, "");
    Scorecard.Builder b = Scorecard.builder(string(required(top, "name", root, ""), "name"));
    List<String> ids = new ArrayList<>();
    YamlNode checks = required(top, "checks", root, "");
    for (int i = 0; i < list(checks, "checks").size(); i++) {
      YamlNode c = checks.list().get(i);
      Check check = check(c, "checks[" + i + "]");
      if (ids.contains(check.id())) {
        throw fail(c.line(), "checks[" + i + "]: duplicate check id " + check.id());
      }
      ids.add(check.id());
      b.addCheck(check);
    }
    YamlNode tracks = top.get("tracks");
    List<Track> declared = new ArrayList<>();
    if (tracks != null) {
      for (int i = 0; i < list(tracks, "tracks").size(); i++) {
        declared.add(track(tracks.list().get(i), "tracks[" + i + "]", ids));
        b.addTrack(declared.get(i));
      }
    }
    YamlNode ex = top.get("exemptions");
    if (ex != null) {
      for (int i = 0; i < list(ex, "exemptions").size(); i++) {
        b.addExemption(exemption(ex.list().get(i), "exemptions[" + i + "]", ids));
      }
    }
    YamlNode cs = top.get("campaigns");
    if (cs != null) {
      List<String> campaignIds = new ArrayList<>();
      for (int i = 0; i < list(cs, "campaigns").size(); i++) {
        YamlNode c = cs.list().get(i);
        Campaign campaign = campaign(c, "campaigns[" + i + "]", ids, declared);
        if (campaignIds.contains(campaign.id())) {
          throw fail(c.line(), "campaigns[" + i + "]: duplicate campaign id " + campaign.id());
        }
        campaignIds.add(campaign.id());
        b.addCampaign(campaign);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw fail(root.line(), e.getMessage());
    }
  }

  private Check check(YamlNode node, String path) {
    Map<String, YamlNode> m = object(node, path);
    allowOnly(m, CHECK, path);
    Check check;
    YamlNode builtin = m.get("builtin");
    if (builtin != null) {
      String name = string(builtin, path + ".builtin");
      if (name.equals("has-lifecycle") && m.containsKey("allowed")) {
        check = Checks.hasLifecycle(strings(m.get("allowed"), path + ".allowed"));
      } else {
        check = Checks.byId(name);
        if (check == null) {
          throw fail(builtin.line(), path + ".builtin: unknown built-in check \"" + name + "\"; known: "
              + Checks.all().stream().map(Check::id).toList());
        }
        if (m.containsKey("allowed")) {
          throw fail(m.get("allowed").line(), path + ".allowed: only applies to builtin has-lifecycle");
        }
      }
      if (m.containsKey("require")) {
        throw fail(m.get("require").line(), path + ": a check has either builtin or require, not both");
      }
      if (m.containsKey("id")) {
        check = check.withId(id(m.get("id"), path));
      }
      if (m.containsKey("title")) {
        check = check.withTitle(string(m.get("title"), path + ".title"));
      }
    } else {
      String id = id(required(m, "id", node, path), path);
      String title = string(required(m, "title", node, path), path + ".title");
      YamlNode req = required(m, "require", node, path);
      Predicate<Entity> rule = all(req, path + ".require");
      check = Check.of(id, title, "Make this hold: " + title + ".", rule);
    }
    if (m.containsKey("fix")) {
      check = check.withHowToFix(string(m.get("fix"), path + ".fix"));
    }
    if (m.containsKey("points")) {
      YamlNode p = m.get("points");
      if (!(p.scalar() instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
        throw fail(p.line(), path + ".points: must be a whole number >= 0, found " + p.typeName());
      }
      check = check.withPoints((int) (long) n);
    }
    if (m.containsKey("scope")) {
      check = check.withScope(scope(m.get("scope"), path + ".scope"));
    }
    return check;
  }

  private Scope scope(YamlNode node, String path) {
    Map<String, YamlNode> m = object(node, path);
    allowOnly(m, SCOPE, path);
    return scope(m, path);
  }

  private Scope scope(Map<String, YamlNode> m, String path) {
    Scope s = Scope.all();
    if (m.containsKey("kinds")) {
      s = s.withKinds(strings(m.get("kinds"), path + ".kinds").toArray(new String[0]));
    }
    if (m.containsKey("types")) {
      s = s.withTypes(strings(m.get("types"), path + ".types").toArray(new String[0]));
    }
    if (m.containsKey("lifecycles")) {
      s = s.withLifecycles(strings(m.get("lifecycles"), path + ".lifecycles").toArray(new String[0]));
    }
    if (m.containsKey("where")) {
      s = s.withFilter(all(m.get("where"), path + ".where"), "line " + m.get("where").line());
    }
    return s;
  }

  /** A list of conditions that must all hold. */
  private Predicate<Entity> all(YamlNode node, String path) {
    List<YamlNode> items = list(node, path);
    if (items.isEmpty()) {
      throw fail(node.line(), path + ": needs at least one condition");
    }
    List<Predicate<Entity>> ps = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ps.add(condition(items.get(i), path + "[" + i + "]"));
    }
    return e -> {
      for (Predicate<Entity> p : ps) {
        if (!p.test(e)) {
          return false;
        }
      }
      return true;
    };
  }

  private Predicate<Entity> condition(YamlNode node, String path) {
    Map<String, YamlNode> m = object(node, path);
    String op = null;
    for (String k : m.keySet()) {
      if (OPERATORS.contains(k)) {
        if (op != null) {
          throw fail(node.line(), path + ": one operator per condition, found " + op + " and " + k);
        }
        op = k;
      } else if (!FIELD_TESTS.contains(k)) {
        throw fail(m.get(k).line(), path + ": unknown operator \"" + k + "\"; known: annotation, label, exists, "
            + "field (with equals, matches or in), anyOf, not");
      }
    }
    if (op == null) {
      throw fail(node.line(), path + ": no operator; use annotation, label, exists, field, anyOf or not");
    }
    if (!op.equals("field")) {
      for (String t : FIELD_TESTS) {
        if (m.containsKey(t)) {
          throw fail(m.get(t).line(), path + "." + t + ": only allowed with field");
        }
      }
    }
    YamlNode arg = m.get(op);
    switch (op) {
      case "annotation": {
        String key = string(arg, path + ".annotation");
        return e -> EntityFacts.nonBlank(e.metadata().annotations().get(key));
      }
      case "label": {
        String key = string(arg, path + ".label");
        return e -> EntityFacts.nonBlank(e.metadata().labels().get(key));
      }
      case "exists": {
        String[] p = fieldPath(arg, path + ".exists");
        return e -> present(FieldPath.get(e, p));
      }
      case "anyOf": {
        List<YamlNode> items = list(arg, path + ".anyOf");
        if (items.isEmpty()) {
          throw fail(arg.line(), path + ".anyOf: needs at least one condition");
        }
        List<Predicate<Entity>> ps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          ps.add(condition(items.get(i), path + ".anyOf[" + i + "]"));
        }
        return e -> ps.stream().anyMatch(p -> p.test(e));
      }
      case "not":
        return condition(arg, path + ".not").negate();
      default:
        return field(m, arg, path);
    }
  }

  private Predicate<Entity> field(Map<String, YamlNode> m, YamlNode arg, String path) {
    String[] p = fieldPath(arg, path + ".field");
    List<String> tests = new ArrayList<>();
    for (String t : FIELD_TESTS) {
      if (m.containsKey(t)) {
        tests.add(t);
      }
    }
    if (tests.size() != 1) {
      throw fail(arg.line(), path + ": field needs exactly one of equals, matches or in, found " + tests);
    }
    YamlNode v = m.get(tests.get(0));
    switch (tests.get(0)) {
      case "equals": {
        if (v.isMap() || v.isList()) {
          throw fail(v.line(), path + ".equals: must be a single value, found " + v.typeName());
        }
        String want = String.valueOf(v.scalar());
        return e -> {
          Object got = FieldPath.get(e, p);
          return got != null && !(got instanceof Map) && !(got instanceof List) && want.equals(String.valueOf(got));
        };
      }
      case "matches": {
        String regex = string(v, path + ".matches");
        Pattern pattern;
        try {
          pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException bad) {
          throw fail(v.line(), path + ".matches: invalid regular expression: " + bad.getDescription());
        }
        return e -> {
          Object got = FieldPath.get(e, p);
          return got instanceof String && pattern.matcher((String) got).matches();
        };
      }
      default: {
        List<String> allowed = strings(v, path + ".in");
        return e -> {
          Object got = FieldPath.get(e, p);
          return got != null && !(got instanceof Map) && !(got instanceof List)
              && allowed.contains(String.valueOf(got));
        };
      }
    }
  }

  private String[] fieldPath(YamlNode node, String path) {
    String s = string(node, path);
    String[] parts = s.split("\\.");
    String first = parts[0];
    if (!(first.equals("metadata") || first.equals("spec") || first.equals("kind") || first.equals("apiVersion")
        || first.equals("status")) || s.endsWith(".") || s.contains("..")) {
      throw fail(node.line(), path + ": field path must start with metadata, spec, kind, apiVersion or status "
          + "and use dots, e.g. spec.lifecycle; found \"" + s + "\" (use annotation: or label: for keys with dots)");
    }
    return parts;
  }

  private static boolean present(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof String) {
      return !((String) v).isBlank();
    }
    if (v instanceof List) {
      return !((List<?>) v).isEmpty();
    }
    if (v instanceof Map) {
      return !((Map<?, ?>) v).isEmpty();
    }
    return true;
  }

  private Track track(YamlNode node, String path, List<String> ids) {
    Map<String, YamlNode> m = object(node, path);
    allowOnly(m, Set.of("name", "levels", "scope"), path);
    String name = string(required(m, "name", node, path), path + ".name");
    YamlNode levels = required(m, "levels", node, path);
    List<Level> out = new ArrayList<>();
    for (int i = 0; i < list(levels, path + ".levels").size(); i++) {
      YamlNode l = levels.list().get(i);
      String lp = path + ".levels[" + i + "]";
      Map<String, YamlNode> lm = object(l, lp);
      allowOnly(lm, Set.of("name", "checks"), lp);
      String ln = string(required(lm, "name", l, lp), lp + ".name");
      YamlNode cs = required(lm, "checks", l, lp);
      List<String> checkIds = strings(cs, lp + ".checks");
      for (int k = 0; k < checkIds.size(); k++) {
        if (!ids.contains(checkIds.get(k))) {
          throw fail(cs.list().get(k).line(), lp + ".checks[" + k + "]: unknown check \"" + checkIds.get(k)
              + "\"; declared: " + ids);
        }
      }
      for (Level prev : out) {
        if (prev.name().equals(ln)) {
          throw fail(l.line(), lp + ".name: level " + ln + " appears twice");
        }
      }
      out.add(Level.of(ln, checkIds));
    }
    if (out.isEmpty()) {
      throw fail(levels.line(), path + ".levels: needs at least one level");
    }
    Track track = Track.of(name, out);
    return m.containsKey("scope") ? track.withScope(scope(m.get("scope"), path + ".scope")) : track;
  }

  private Campaign campaign(YamlNode node, String path, List<String> ids, List<Track> tracks) {
    Map<String, YamlNode> m = object(node, path);
    allowOnly(m, CAMPAIGN, path);
    String id = id(required(m, "id", node, path), path);
    Campaign.Builder b = Campaign.builder(id, string(required(m, "title", node, path), path + ".title"));
    YamlNode owner = required(m, "owner", node, path);
    b.owner(ref(owner, path + ".owner", "Group"));
    YamlNode scopeNode = m.get("scope");
    if (scopeNode != null) {
      Map<String, YamlNode> sm = object(scopeNode, path + ".scope");
      Set<String> allowed = new java.util.HashSet<>(SCOPE);
      allowed.add("owners");
      allowOnly(sm, allowed, path + ".scope");
      b.scope(scope(sm, path + ".scope"));
      if (sm.containsKey("owners")) {
        YamlNode os = sm.get("owners");
        for (int i = 0; i < list(os, path + ".scope.owners").size(); i++) {
          b.addOwner(ref(os.list().get(i), path + ".scope.owners[" + i + "]", "Group"));
        }
      }
    }
    YamlNode target = required(m, "target", node, path);
    Map<String, YamlNode> tm = object(target, path + ".target");
    allowOnly(tm, Set.of("track", "level", "checks"), path + ".target");
    if (tm.containsKey("checks")) {
      if (tm.containsKey("track") || tm.containsKey("level")) {
        throw fail(target.line(), path + ".target: either track and level, or checks, not both");
      }
      YamlNode cn = tm.get("checks");
      List<String> checkIds = strings(cn, path + ".target.checks");
      if (checkIds.isEmpty()) {
        throw fail(cn.line(), path + ".target.checks: needs at least one check");
      }
      for (int k = 0; k < checkIds.size(); k++) {
        if (!ids.contains(checkIds.get(k))) {
          throw fail(cn.list().get(k).line(), path + ".target.checks[" + k + "]: unknown check \""
              + checkIds.get(k) + "\"; declared: " + ids);
        }
      }
      b.targetChecks(checkIds);
    } else {
      YamlNode tn = required(tm, "track", target, path + ".target");
      String trackName = string(tn, path + ".target.track");
      Track track = tracks.stream().filter(t -> t.name().equals(trackName)).findFirst().orElseThrow(
          () -> fail(tn.line(), path + ".target.track: unknown track \"" + trackName + "\"; declared: "
              + tracks.stream().map(Track::name).toList()));
      YamlNode ln = required(tm, "level", target, path + ".target");
      String levelName = string(ln, path + ".target.level");
      if (track.indexOf(levelName) < 0) {
        throw fail(ln.line(), path + ".target.level: track " + trackName + " has no level \"" + levelName
            + "\"; levels: " + track.levels().stream().map(Level::name).toList());
      }
      b.targetLevel(trackName, levelName);
    }
    YamlNode sn = required(m, "start", node, path);
    YamlNode dn = required(m, "deadline", node, path);
    LocalDate start = date(sn, path + ".start");
    LocalDate deadline = date(dn, path + ".deadline");
    if (deadline.isBefore(start)) {
      throw fail(dn.line(), path + ".deadline: " + deadline + " is before start " + start);
    }
    b.start(start).deadline(deadline);
    YamlNode ex = m.get("exemptions");
    if (ex != null) {
      for (int i = 0; i < list(ex, path + ".exemptions").size(); i++) {
        YamlNode x = ex.list().get(i);
        String xp = path + ".exemptions[" + i + "]";
        Map<String, YamlNode> xm = object(x, xp);
        allowOnly(xm, Set.of("entity", "reason"), xp);
        String entity = ref(required(xm, "entity", x, xp), xp + ".entity", null);
        YamlNode rn = required(xm, "reason", x, xp);
        String reason = string(rn, xp + ".reason");
        if (reason.isBlank()) {
          throw fail(rn.line(), xp + ".reason: must not be blank");
        }
        b.addExemption(entity, reason);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw fail(node.line(), path + ": " + e.getMessage());
    }
  }

  /** An entity ref, completed with the default kind (null = the kind is required) and namespace default. */
  private String ref(YamlNode node, String path, String defaultKind) {
    String text = string(node, path);
    try {
      return (defaultKind == null ? EntityRef.parse(text) : EntityRef.parse(text, defaultKind, null)).toString();
    } catch (IllegalArgumentException e) {
      throw fail(node.line(), path + ": " + e.getMessage());
    }
  }

  private LocalDate date(YamlNode node, String path) {
    try {
      return LocalDate.parse(String.valueOf(node.scalar()));
    } catch (DateTimeParseException e) {
      throw fail(node.line(), path + ": must be a date like 2027-03-31, found \"" + node.scalar() + "\"");
    }
  }

  private Exemption exemption(YamlNode node, String path, List<String> ids) {
    Map<String, YamlNode> m = object(node, path);
    allowOnly(m, Set.of("entity", "check", "reason", "expires"), path);
    YamlNode en = required(m, "entity", node, path);
    EntityRef ref;
    try {
      ref = EntityRef.parse(string(en, path + ".entity"));
    } catch (IllegalArgumentException e) {
      throw fail(en.line(), path + ".entity: " + e.getMessage());
    }
    YamlNode cn = required(m, "check", node, path);
    String check = string(cn, path + ".check");
    if (!ids.contains(check)) {
      throw fail(cn.line(), path + ".check: unknown check \"" + check + "\"");
    }
    YamlNode rn = required(m, "reason", node, path);
    String reason = string(rn, path + ".reason");
    if (reason.isBlank()) {
      throw fail(rn.line(), path + ".reason: must not be blank");
    }
    LocalDate expires = date(required(m, "expires", node, path), path + ".expires");
    return Exemption.of(ref, check, reason, expires);
  }

  private String id(YamlNode node, String path) {
    String id = string(node, path + ".id");
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw fail(node.line(), path + ".id: must be letters, digits, '.', '_' or '-', found \"" + id + "\"");
    }
    return id;
  }

  private Map<String, YamlNode> object(YamlNode node, String path) {
    if (!node.isMap()) {
      throw fail(node.line(), path + ": must be an object, found " + node.typeName());
    }
    return node.map();
  }

  private List<YamlNode> list(YamlNode node, String path) {
    if (!node.isList()) {
      throw fail(node.line(), path + ": must be a list, found " + node.typeName());
    }
    return node.list();
  }

  private String string(YamlNode node, String path) {
    if (!(node.scalar() instanceof String)) {
      throw fail(node.line(), path + ": must be a string, found " + node.typeName());
    }
    return (String) node.scalar();
  }

  private List<String> strings(YamlNode node, String path) {
    List<String> out = new ArrayList<>();
    List<YamlNode> items = list(node, path);
    for (int i = 0; i < items.size(); i++) {
      out.add(string(items.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  private YamlNode required(Map<String, YamlNode> m, String key, YamlNode owner, String path) {
    YamlNode v = m.get(key);
    if (v == null) {
      throw fail(owner.line(), (path.isEmpty() ? "" : path + ": ") + "missing required field \"" + key + "\"");
    }
    return v;
  }

  private void allowOnly(Map<String, YamlNode> m, Set<String> allowed, String path) {
    for (Map.Entry<String, YamlNode> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw fail(e.getValue().line(), (path.isEmpty() ? "" : path + ": ") + "unknown field \"" + e.getKey()
            + "\"; allowed: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private ScorecardFileException fail(int line, String problem) {
    return new ScorecardFileException(source, line, problem);
  }

  /** Resolves dotted field paths against an entity without copying its tree. */
  static final class FieldPath {
    private FieldPath() {}

    static Object get(Entity e, String[] p) {
      Object cur;
      int i;
      switch (p[0]) {
        case "kind":
          return p.length == 1 ? e.kind() : null;
        case "apiVersion":
          return p.length == 1 ? e.apiVersion() : null;
        case "spec":
          cur = e.spec();
          i = 1;
          break;
        case "status":
          cur = e.status();
          i = 1;
          break;
        default:
          if (p.length == 1) {
            return e.metadata().toMap();
          }
          cur = metadata(e, p[1]);
          i = 2;
      }
      for (; i < p.length && cur != null; i++) {
        if (cur instanceof Map) {
          cur = ((Map<?, ?>) cur).get(p[i]);
        } else if (cur instanceof List && p[i].matches("\\d+")) {
          int idx = Integer.parseInt(p[i]);
          List<?> l = (List<?>) cur;
          cur = idx < l.size() ? l.get(idx) : null;
        } else {
          return null;
        }
      }
      return cur;
    }

    private static Object metadata(Entity e, String key) {
      switch (key) {
        case "name":
          return e.metadata().name();
        case "namespace":
          return e.metadata().namespace();
        case "title":
          return e.metadata().title();
        case "description":
          return e.metadata().description();
        case "labels":
          return e.metadata().labels();
        case "annotations":
          return e.metadata().annotations();
        case "tags":
          return e.metadata().tags();
        default:
          return e.metadata().toMap().get(key);
      }
    }
  }
}
