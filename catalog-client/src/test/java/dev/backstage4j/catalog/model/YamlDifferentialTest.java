package dev.backstage4j.catalog.model;

import static org.junit.jupiter.api.Assertions.fail;

import dev.backstage4j.catalog.model.internal.YamlTreeReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compares our YAML reading with the {@code yaml} npm package the catalog parses catalog-info.yaml with
 * (scalar resolution, keys, aliases, multi-document streams, duplicate keys), over seeded generated documents.
 */
class YamlDifferentialTest {
  private static final List<String> SCALARS = List.of("yes", "no", "on", "off", "y", "n", "~", "null", "Null",
      "NULL", "nULL", "", "true", "True", "TRUE", "tRue", "false", "0o17", "017", "0x1F", "0X1F", "1_000", "+1", "-1",
      "1.5", "1.", ".5", "1e3", "1E3", "1e+3", ".inf", "-.inf", "+.inf", ".nan", ".NaN", "0b101", "12:30",
      "2001-12-14", "'1'", "\"1\"", "!!str 1", "!!int 7", "! 1", "1.0", "-0", "00", "0.0", "1e", "e1", "0x", "0o",
      "0o8", "-", "+", "1,000", "'yes'", "\"\\u00e9\"", "abc # comment", "a:b", "dir:.", "https://x.y/z",
      "12345678901234567890", "9007199254740993", "-.5", "+.5", ".", "0.1e-2", "Infinity", "NaN", "0xFFFFFFFFFFFFFFFFFF",
      "|\n    block\n    text\n", ">\n    folded\n    text\n", "[1, two, 'three']", "{a: 1, b: [x]}", "\"multi\n    line\"");
  private static final List<String> KEYS = List.of("a", "b", "1", "1.5", "~", "null", "true", "yes", "'q'", "0x1",
      "\"k\"", "c d", "-1", "1e2", "on");

  @Test
  void javaReadsYamlLikeTheCatalog() throws Exception {
    Random rnd = new Random(Long.getLong("b4j.oracle.seed", 11L));
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String s : SCALARS) {
      cases.add(CaseGenerator.map("t", "yaml", "text", "v: " + s + "\n"));
      cases.add(CaseGenerator.map("t", "yaml", "text", "- " + s + "\n"));
    }
    for (int i = 0; i < 1500; i++) {
      StringBuilder b = new StringBuilder();
      int docs = 1 + rnd.nextInt(3);
      for (int d = 0; d < docs; d++) {
        if (d > 0 || rnd.nextInt(4) == 0) {
          b.append("---\n");
        }
        int lines = rnd.nextInt(5);
        for (int l = 0; l < lines; l++) {
          String key = KEYS.get(rnd.nextInt(KEYS.size()));
          switch (rnd.nextInt(6)) {
            case 0:
              b.append(key).append(": &x").append(l).append(' ').append(scalar(rnd)).append('\n');
              if (rnd.nextBoolean()) {
                b.append("z").append(l).append(": *x").append(l).append('\n');
              }
              break;
            case 1:
              b.append(key).append(":\n  - ").append(scalar(rnd)).append("\n  - ").append(scalar(rnd)).append('\n');
              break;
            case 2:
              b.append(key).append(":\n  ").append(KEYS.get(rnd.nextInt(KEYS.size()))).append(": ")
                  .append(scalar(rnd)).append('\n');
              break;
            default:
              b.append(key).append(": ").append(scalar(rnd)).append('\n');
          }
        }
      }
      cases.add(CaseGenerator.map("t", "yaml", "text", b.toString()));
    }
    List<Map<String, Object>> answers = Oracle.ask(cases);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String text = (String) cases.get(i).get("text");
      Map<String, Object> a = answers.get(i);
      String theirs = Boolean.TRUE.equals(a.get("ok")) ? "ok " + json(a.get("docs")) : "error";
      String mine;
      try {
        YamlTreeReader r = new YamlTreeReader(new StringReader(text), 1 << 20, 64, 100, 100_000);
        List<Object> docs = new ArrayList<>();
        for (YamlTreeReader.Document d = r.next(); d != null; d = r.next()) {
          docs.add(d.root);
        }
        mine = "ok " + json(docs);
      } catch (YamlTreeReader.Failure f) {
        mine = "error";
      }
      if (!Objects.equals(mine, theirs)) {
        disagreements.add("case " + i + ":\n" + text + "\n   java: " + mine + "\n   node: " + theirs
            + (a.get("error") == null ? "" : " (" + a.get("error") + ")"));
      }
    }
    if (!disagreements.isEmpty()) {
      fail(disagreements.size() + " of " + cases.size() + " YAML cases disagree:\n"
          + OracleDifferentialTest.escape(String.join("\n", disagreements.subList(0,
          Math.min(30, disagreements.size())))));
    }
  }

  private static String scalar(Random rnd) {
    String s = SCALARS.get(rnd.nextInt(SCALARS.size()));
    return s.contains("\n") ? "x" : s;
  }

  /** Renders a tree as JSON.stringify would see it: integral doubles as integers, NaN and infinities as null. */
  private static String json(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "null";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        return d == 0 ? "0" : new java.math.BigDecimal(d).toBigInteger().toString();
      }
      return Double.toString(d);
    }
    if (v instanceof Number) {
      long l = ((Number) v).longValue();
      return Math.abs(l) > (1L << 53) ? json((double) l) : Long.toString(l);
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof String) {
      return EntityRef.jsonString((String) v);
    }
    if (v instanceof Map) {
      StringBuilder b = new StringBuilder("{");
      // Keys sorted: JavaScript objects list integer-like keys first, which is not a difference in content.
      Map<String, Object> sorted = new TreeMap<>();
      ((Map<?, ?>) v).forEach((k, val) -> sorted.put(String.valueOf(k), val));
      for (Map.Entry<?, ?> e : sorted.entrySet()) {
        b.append(b.length() > 1 ? "," : "").append(EntityRef.jsonString(String.valueOf(e.getKey()))).append(':')
            .append(json(e.getValue()));
      }
      return b.append('}').toString();
    }
    StringBuilder b = new StringBuilder("[");
    for (Object o : (List<?>) v) {
      b.append(b.length() > 1 ? "," : "").append(json(o));
    }
    return b.append(']').toString();
  }
}
