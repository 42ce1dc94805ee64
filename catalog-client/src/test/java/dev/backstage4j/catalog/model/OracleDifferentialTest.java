package dev.backstage4j.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backstage4j.catalog.model.internal.WhatwgUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Compares our ref parser, URL check and entity validator with the real npm packages over thousands of seeded
 * cases, in one node process. Agreement must be total; a disagreement is fixed in the Java code.
 */
class OracleDifferentialTest {
  private static final long SEED = Long.getLong("b4j.oracle.seed", 20261124L);
  private static final int REFS = 4000;
  private static final int URLS = 4000;
  private static final int ENTITIES = 12000;

  @Test
  void javaAgreesWithCatalogModel_onRefsUrlsAndEntities() throws Exception {
    CaseGenerator gen = new CaseGenerator(SEED);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int i = 0; i < REFS; i++) {
      cases.add(CaseGenerator.map("t", "ref", "ref", i % 200 == 0 ? null : gen.ref(), "defaultKind",
          gen.defaultKind(), "defaultNamespace", gen.defaultNamespace()));
    }
    for (int i = 0; i < URLS; i++) {
      cases.add(CaseGenerator.map("t", "url", "url", gen.url()));
    }
    for (String kind : CaseGenerator.KINDS) {
      cases.add(CaseGenerator.map("t", "entity", "e", CaseGenerator.validBase(kind)));
    }
    for (int i = 0; i < ENTITIES; i++) {
      cases.add(CaseGenerator.map("t", "entity", "e", gen.entity()));
    }
    List<Map<String, Object>> answers = Oracle.ask(cases);

    List<String> disagreements = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    EntityValidator validator = EntityValidator.create();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> c = cases.get(i);
      Map<String, Object> a = answers.get(i);
      String mine;
      String theirs;
      switch ((String) c.get("t")) {
        case "ref":
          mine = javaRef(c);
          theirs = Boolean.TRUE.equals(a.get("ok"))
              ? "ok " + a.get("kind") + "|" + a.get("namespace") + "|" + a.get("name") + "|" + a.get("str")
              : "error " + a.get("error");
          break;
        case "url":
          mine = "valid=" + WhatwgUrl.isValid((String) c.get("url"));
          theirs = "valid=" + a.get("valid");
          break;
        default:
          @SuppressWarnings("unchecked")
          Map<String, Object> e = (Map<String, Object>) c.get("e");
          ValidationResult r = validator.validate(e);
          mine = "valid=" + r.isValid();
          theirs = "valid=" + a.get("valid");
          if (Boolean.TRUE.equals(a.get("valid"))) {
            valid++;
          } else {
            invalid++;
          }
          if (!mine.equals(theirs)) {
            mine += " " + r.violations();
            theirs += " " + a.get("error");
          }
      }
      if (!Objects.equals(mine, theirs)) {
        disagreements.add("case " + i + " " + c + "\n   java: " + mine + "\n   node: " + theirs);
      }
    }
    if (!disagreements.isEmpty()) {
      fail(disagreements.size() + " of " + cases.size() + " cases disagree (seed " + SEED + "):\n"
          + escape(String.join("\n", disagreements.subList(0, Math.min(60, disagreements.size())))));
    }
    // The generator must exercise both verdicts in earnest, or 100 % agreement means little.
    assertEquals(true, valid > ENTITIES / 10 && invalid > ENTITIES / 3, "valid=" + valid + " invalid=" + invalid);
  }

  private static String javaRef(Map<String, Object> c) {
    try {
      EntityRef r = EntityRef.parse((String) c.get("ref"), (String) c.get("defaultKind"),
          (String) c.get("defaultNamespace"));
      return "ok " + r.kind() + "|" + r.namespace() + "|" + r.name() + "|" + r;
    } catch (IllegalArgumentException e) {
      return "error " + e.getMessage();
    }
  }

  /** Makes control characters and lone surrogates visible in the failure report. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone = Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
      if (c != '\n' && (c < 0x20 || c == 0x7f || lone || c >= 0x2028 && c <= 0x2029)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static Map<String, Object> copy(Map<String, Object> m) {
    return new LinkedHashMap<>(m);
  }
}
