package dev.backstage4j.catalog.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generator of entity refs, URLs and entity trees that probe every rule near its limits. */
final class CaseGenerator {
  private final Random rnd;

  CaseGenerator(long seed) {
    this.rnd = new Random(seed);
  }

  private <T> T pick(List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  static String repeat(String s, int n) {
    return s.repeat(Math.max(0, n));
  }

  // ---------------------------------------------------------------- refs

  private static final List<String> REF_PIECES = List.of("a", "B", "c1", ":", "/", ":", "/", "Component",
      "default", "ns", "-", "_", ".", "é", "x y", "😀", "İ", "ΟΔΟΣ", "\n", "\"", "\\", "\u0001", "\ud800", "", " ");

  String ref() {
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.append(pick(REF_PIECES));
    }
    return b.toString();
  }

  String defaultKind() {
    return pick(java.util.Arrays.asList(null, null, "", "Group", "x", "ΣΊΣΥΦΟΣ"));
  }

  String defaultNamespace() {
    return pick(java.util.Arrays.asList(null, null, "", "ns", "Other"));
  }

  // ---------------------------------------------------------------- urls

  private static final List<String> URLS = List.of("https://example.com", "http://a.1", "http://1.2.3.4",
      "http://1.2.3.256", "http://[::1]", "http://[::1", "http://[1:2:3:4:5:6:7:8]", "http://[1:2:3:4:5:6:7:8:9]",
      "http://[::ffff:1.2.3.4]", "http://[::1.2.3]", "http://[1::2::3]", "mailto:x", "foo", "", " http://x ",
      "http://exa mple.com", "http://münchen.de", "http://xn--mnchen-3ya.de", "http://xn--a.com",
      "http://ex%41mple.com", "http://ex%zzmple", "file:///tmp", "file://host:80/", "file://host/x", "file://C:/x",
      "http://host:65535", "http://host:65536", "http://host:8a", "http://@host", "http://user@", "foo://:80",
      "foo://a b", "foo://a%b", "http:example.com", "http:", "HTTP://EXAMPLE.COM", "http://0x7f.1", "http://08.1.1.1",
      "http://0x.0x.0x", "http://4294967295", "http://4294967296", "http://1.2.3.4.5", "http://a..b", "http://.",
      "http://a.b.", "http://a.0x", "http://a.09", "http:\\\\example.com\\x", "https://ex ample", "https://\u00ad",
      "https://%C2%AD", "https://ｅｘａｍｐｌｅ．ｃｏｍ", "https://a／b", "javascript:alert(1)", "data:,x", "1http://x",
      "h ttp://x", "http://x:80:80", "http://u:p@h:1/p?q#f", "ws://x", "wss://", "ftp://x@", "blob:x", "a:",
      "http://[::1]x", "http://x\ty", "https://😀.com", "http://exa<mple", "http://a^b", "http://a|b",
      "urn:isbn:0451450523", "//example.com", "/relative", "http://127.1", "http://0", "http://0300.0250.0.1");

  private static final List<String> SCHEMES = List.of("http", "https", "ftp", "file", "foo", "ws", "", "Http", "1a",
      "a+b");
  private static final List<String> SEPS = List.of("://", ":", ":/", "//", ":\\\\", ":///");
  private static final List<String> HOST_PARTS = List.of("a", "example", ".", "com", "1", "255", "256", "0x1f",
      "[", "]", "::", "@", "%20", "%41", "%", "-", "_", "ü", "😀", "xn--", " ", "~", "^", "<", "*", "'", "!", "$");
  private static final List<String> PORTS = List.of("", "", ":", ":0", ":65535", ":65536", ":x", ":080", ":-1");
  private static final List<String> PATHS = List.of("", "/", "/p", "?q", "#f", "/a b", "\\x", "/%zz");

  String url() {
    if (chance(40)) {
      return pick(URLS);
    }
    StringBuilder b = new StringBuilder(pick(SCHEMES)).append(pick(SEPS));
    if (chance(15)) {
      b.append(pick(List.of("user@", "u:p@", "@", "a@b@")));
    }
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(pick(HOST_PARTS));
    }
    return b.append(pick(PORTS)).append(pick(PATHS)).toString();
  }

  // ---------------------------------------------------------------- strings near the limits

  private static final String NAME_CHARS = "abcXYZ0189-_.";
  private static final List<String> ODD = List.of("", " ", "\t", "\n", "a\n", "\u00a0", "\u2028", "\ufeff",
      "\u180e", "\u200b", "\u3000", "a b", "A", "a--b", "-a", "a-", "_a", "a_", ".a", "a.", "a..b", "a_b", "a.b",
      "é", "😀", "a/b", "a/b/c", "/a", "a/", "a:b", "a+b", "a#b", "İ", "ß", "0", "9a", "a9", "Aa", "\u0000",
      "ab\ud800", "x\r");

  String nameLike() {
    switch (rnd.nextInt(6)) {
      case 0:
        return pick(ODD);
      case 1: {
        int len = pick(List.of(1, 2, 62, 63, 64, 65));
        return randomFrom(NAME_CHARS, len, true);
      }
      case 2:
        return randomFrom(NAME_CHARS + "/: é😀", 1 + rnd.nextInt(10), false);
      case 3:
        return pick(List.of("my-service", "Artist-Web", "a", "x.y_z", "A1", "abc123")) + pick(ODD);
      default:
        return randomFrom(NAME_CHARS, 1 + rnd.nextInt(12), chance(70));
    }
  }

  private String randomFrom(String chars, int len, boolean alnumEnds) {
    StringBuilder b = new StringBuilder();
    int[] cps = chars.codePoints().toArray();
    for (int i = 0; i < len; i++) {
      b.appendCodePoint(cps[rnd.nextInt(cps.length)]);
    }
    if (alnumEnds && b.length() > 0) {
      b.setCharAt(0, 'a');
      b.setCharAt(b.length() - 1, '9');
    }
    return b.toString();
  }

  String dnsLabel() {
    switch (rnd.nextInt(4)) {
      case 0:
        return pick(ODD);
      case 1:
        return "a" + repeat("b", pick(List.of(60, 61, 62, 63))) ;
      case 2:
        return randomFrom("abz09-", 1 + rnd.nextInt(8), chance(60));
      default:
        return pick(List.of("default", "team-a", "a--b", "ns1", "Default", "x"));
    }
  }

  String subdomain() {
    switch (rnd.nextInt(4)) {
      case 0: {
        int target = pick(List.of(252, 253, 254));
        StringBuilder b = new StringBuilder();
        while (b.length() < target) {
          if (b.length() > 0) {
            b.append('.');
          }
          b.append(repeat("a", Math.min(63, target - b.length())));
        }
        String s = b.toString();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) + "b" : s;
      }
      case 1:
        return dnsLabel() + "." + dnsLabel();
      case 2:
        return pick(List.of("backstage.io", "example.com", "a..b", ".a", "a.", "A.com", "x"));
      default:
        return dnsLabel();
    }
  }

  String keyLike() {
    switch (rnd.nextInt(5)) {
      case 0:
        return nameLike();
      case 1:
        return subdomain() + "/" + nameLike();
      case 2:
        return pick(List.of("backstage.io/techdocs-ref", "github.com/project-slug", "a/b/c", "/a", "a/", "",
            "a\nb", "x", "example.com/Name_1"));
      case 3:
        return subdomain() + "/" + randomFrom(NAME_CHARS, pick(List.of(63, 64)), true);
      default:
        return "example.com/" + nameLike();
    }
  }

  String apiVersion() {
    switch (rnd.nextInt(4)) {
      case 0:
        return pick(List.of("backstage.io/v1alpha1", "backstage.io/v1beta1", "scaffolder.backstage.io/v1beta3",
            "backstage.io/v1alpha2", "Backstage.io/v1alpha1", "backstage.io/v1alpha1\n", "v1", "a/b/c",
            "backstage.io/", "/v1", "my-company.net/v1", "a_b", "a-b", "a/" + repeat("v", 64), repeat("v", 63)));
      case 1:
        return subdomain() + "/" + randomFrom("av19Z", pick(List.of(1, 63, 64)), false);
      case 2:
        return randomFrom("abcV09-./", 1 + rnd.nextInt(10), false);
      default:
        return "backstage.io/v1alpha1";
    }
  }

  String kindLike(String real) {
    switch (rnd.nextInt(4)) {
      case 0:
        return pick(List.of("component", "COMPONENT", "Api", "9AZ", "a-b", "", "Foo", repeat("K", 63),
            repeat("K", 64), "Component ", "Template", "Location", "User"));
      case 1:
        return pick(List.of("Component", "API", "Resource", "System", "Domain", "Group", "User", "Location",
            "Template"));
      default:
        return real;
    }
  }

  String tag() {
    switch (rnd.nextInt(3)) {
      case 0:
        return pick(ODD);
      case 1:
        return randomFrom("ab09:+#-", pick(List.of(1, 5, 63, 64)), false);
      default:
        return pick(List.of("java", "c++", "c#", "a:b", "a--b", "-a", "Java", "web-app"));
    }
  }

  Object anyValue() {
    switch (rnd.nextInt(10)) {
      case 0:
        return null;
      case 1:
        return rnd.nextInt(3) - 1;
      case 2:
        return rnd.nextBoolean();
      case 3:
        return new ArrayList<>(List.of("x"));
      case 4:
        return new LinkedHashMap<>(Map.of("a", "b"));
      case 5:
        return 1.5;
      case 6:
        return new ArrayList<>();
      default:
        return pick(ODD);
    }
  }

  // ---------------------------------------------------------------- entities

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(List.of(items));
  }

  static final List<String> KINDS = List.of("Component", "API", "Resource", "System", "Domain", "Group", "User",
      "Location", "Template");

  static Map<String, Object> validBase(String kind) {
    Map<String, Object> spec;
    String apiVersion = "backstage.io/v1alpha1";
    switch (kind) {
      case "Component":
        spec = map("type", "service", "lifecycle", "production", "owner", "team-a", "system", "sys",
            "providesApis", list("api-a"), "dependsOn", list("resource:db"));
        break;
      case "API":
        spec = map("type", "openapi", "lifecycle", "production", "owner", "team-a", "definition", "openapi: 3.0.0");
        break;
      case "Resource":
        spec = map("type", "database", "owner", "team-a");
        break;
      case "System":
        spec = map("owner", "team-a", "domain", "dom");
        break;
      case "Domain":
        spec = map("owner", "team-a");
        break;
      case "Group":
        spec = map("type", "team", "children", list(), "profile", map("displayName", "Team A"));
        break;
      case "User":
        spec = map("memberOf", list("team-a"), "profile", map("email", "a@example.com"));
        break;
      case "Location":
        spec = map("type", "url", "targets", list("https://example.com/catalog-info.yaml"));
        break;
      default:
        apiVersion = "scaffolder.backstage.io/v1beta3";
        spec = map("type", "service", "owner", "team-a", "parameters", list(map("title", "Page 1",
            "properties", map("name", map("type", "string")))), "steps", list(map("id", "fetch", "action",
            "fetch:template", "input", map("url", "./skeleton"))), "output", map("links", list(map("title",
            "Repo", "url", "https://example.com"))));
    }
    Map<String, Object> md = map("name", "my-" + kind.toLowerCase(), "namespace", "default",
        "title", "My " + kind, "description", "d", "labels", map("tier", "a"),
        "annotations", map("backstage.io/techdocs-ref", "dir:."), "tags", list("java"),
        "links", list(map("url", "https://example.com", "title", "Home", "icon", "home", "type", "website")));
    return map("apiVersion", apiVersion, "kind", kind, "metadata", md, "spec", spec);
  }

  private static final Map<String, List<String>> SPEC_FIELDS = Map.of(
      "Component", List.of("type", "lifecycle", "owner", "system", "subcomponentOf", "providesApis", "consumesApis",
          "dependsOn", "dependencyOf"),
      "API", List.of("type", "lifecycle", "owner", "system", "definition"),
      "Resource", List.of("type", "owner", "system", "dependsOn", "dependencyOf"),
      "System", List.of("owner", "domain", "type"),
      "Domain", List.of("owner", "subdomainOf", "type"),
      "Group", List.of("type", "children", "parent", "members", "profile", "profile.displayName", "profile.email",
          "profile.picture"),
      "User", List.of("memberOf", "profile", "profile.displayName", "profile.email", "profile.picture"),
      "Location", List.of("type", "target", "targets", "presence"),
      "Template", List.of("type", "owner", "lifecycle", "parameters", "parameters.0", "parameters.0.backstage:permissions",
          "parameters.0.backstage:permissions.tags", "secrets", "secrets.schema", "presentation",
          "presentation.buttonLabels", "presentation.buttonLabels.backButtonText", "EXPERIMENTAL_recovery",
          "EXPERIMENTAL_recovery.EXPERIMENTAL_strategy", "formDecorators", "EXPERIMENTAL_formDecorators", "steps",
          "steps.0", "steps.0.action", "steps.0.id", "steps.0.name", "steps.0.input", "steps.0.if",
          "steps.0.backstage:permissions", "output", "output.links", "output.links.0.url", "output.links.0.if",
          "output.links.0.entityRef", "output.text", "output.extra", "output.links.0"));

  Map<String, Object> entity() {
    String kind = pick(KINDS);
    Map<String, Object> e = validBase(kind);
    int mutations = rnd.nextInt(100) < 15 ? 0 : 1 + rnd.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(e, kind);
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private void mutate(Map<String, Object> e, String kind) {
    Map<String, Object> md = e.get("metadata") instanceof Map ? (Map<String, Object>) e.get("metadata") : null;
    Map<String, Object> spec = e.get("spec") instanceof Map ? (Map<String, Object>) e.get("spec") : null;
    switch (rnd.nextInt(22)) {
      case 0:
        e.put("apiVersion", chance(85) ? apiVersion() : anyValue());
        break;
      case 1:
        e.put("kind", chance(85) ? kindLike(kind) : anyValue());
        break;
      case 2:
      case 3:
        if (md != null) {
          md.put("name", chance(90) ? nameLike() : anyValue());
        }
        break;
      case 4:
        if (md != null) {
          if (chance(20)) {
            md.remove("namespace");
          } else {
            md.put("namespace", chance(90) ? dnsLabel() : anyValue());
          }
        }
        break;
      case 5:
        if (md != null) {
          Object labels = md.computeIfAbsent("labels", k -> map());
          if (labels instanceof Map) {
            ((Map<String, Object>) labels).put(keyLike(), chance(85) ? pick(List.of("", "a", "x.y", "-a",
                "v1.0")) + (chance(30) ? nameLike() : "") : anyValue());
          }
        }
        break;
      case 6:
        if (md != null) {
          Object ann = md.computeIfAbsent("annotations", k -> map());
          if (ann instanceof Map) {
            ((Map<String, Object>) ann).put(keyLike(), chance(85) ? pick(ODD) : anyValue());
          }
        }
        break;
      case 7:
        if (md != null) {
          Object tags = md.computeIfAbsent("tags", k -> list());
          if (tags instanceof List) {
            ((List<Object>) tags).add(chance(90) ? tag() : anyValue());
          }
        }
        break;
      case 8:
      case 9:
        if (md != null) {
          Object links = md.computeIfAbsent("links", k -> list());
          if (links instanceof List) {
            Map<String, Object> link = map("url", chance(90) ? url() : anyValue());
            if (chance(40)) {
              link.put("title", chance(80) ? pick(ODD) : anyValue());
            }
            if (chance(30)) {
              link.put("icon", chance(80) ? pick(ODD) : anyValue());
            }
            if (chance(20)) {
              link.put("type", chance(80) ? pick(ODD) : anyValue());
            }
            if (chance(5)) {
              link.remove("url");
            }
            ((List<Object>) links).add(chance(95) ? link : anyValue());
          }
        }
        break;
      case 10:
        if (md != null) {
          String f = pick(List.of("title", "description", "uid", "etag", "labels", "annotations", "tags", "links",
              "extra", "name"));
          if (chance(30)) {
            md.remove(f);
          } else {
            md.put(f, anyValue());
          }
        }
        break;
      case 11:
        e.put(pick(List.of("relations", "status", "foo", "Spec", "metadata2")), chance(50)
            ? list(map("type", "ownedBy", "targetRef", "group:default/a")) : map());
        break;
      case 12:
        e.remove(pick(List.of("apiVersion", "kind", "metadata", "spec")));
        break;
      case 13:
        e.put(pick(List.of("metadata", "spec")), anyValue());
        break;
      case 14:
      case 15:
      case 16:
      case 17:
        if (spec != null) {
          mutateSpec(spec, kind);
        }
        break;
      case 18:
        if (spec != null) {
          spec.put(pick(List.of("extra", "Owner", "x-y")), anyValue());
        }
        break;
      case 19:
        if (md != null && chance(50)) {
          md.put("name", "a" + repeat("b", 61) + pick(List.of("", "c", "cd")));
        } else if (md != null) {
          md.put("title", pick(List.of("", " ", "x")));
        }
        break;
      default:
        if (md != null) {
          md.put(pick(List.of("labels", "annotations")), map(keyLike(), nameLike()));
        }
    }
  }

  @SuppressWarnings("unchecked")
  private void mutateSpec(Map<String, Object> spec, String kind) {
    String path = pick(SPEC_FIELDS.get(kind));
    String[] parts = path.split("\\.");
    Object cur = spec;
    for (int i = 0; i < parts.length - 1; i++) {
      cur = child(cur, parts[i]);
      if (cur == null) {
        return;
      }
    }
    String last = parts[parts.length - 1];
    Object value;
    switch (rnd.nextInt(6)) {
      case 0:
        value = REMOVE;
        break;
      case 1:
        value = "";
        break;
      case 2:
        value = list(pick(List.of("x", "", "a:b")));
        break;
      case 3:
        value = map("k", pick(List.of("v", "")));
        break;
      case 4:
        value = pick(List.of("x", "required", "optional", "Optional", "\u00a0", "😀"));
        break;
      default:
        value = anyValue();
    }
    if (cur instanceof Map) {
      if (value == REMOVE) {
        ((Map<String, Object>) cur).remove(last);
      } else {
        ((Map<String, Object>) cur).put(last, value);
      }
    } else if (cur instanceof List && last.matches("\\d+")) {
      List<Object> l = (List<Object>) cur;
      int idx = Integer.parseInt(last);
      if (idx < l.size()) {
        if (value == REMOVE) {
          l.remove(idx);
        } else {
          l.set(idx, value);
        }
      }
    }
  }

  private static final Object REMOVE = new Object();

  @SuppressWarnings("unchecked")
  private static Object child(Object cur, String key) {
    if (cur instanceof Map) {
      return ((Map<String, Object>) cur).get(key);
    }
    if (cur instanceof List && key.matches("\\d+")) {
      List<Object> l = (List<Object>) cur;
      int i = Integer.parseInt(key);
      return i < l.size() ? l.get(i) : null;
    }
    return null;
  }
}
