package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, documented subset of the scaffolder's Nunjucks templating: {@code ${{ expr }}} where expr is a dotted
 * path ({@code parameters.name}, {@code steps.fetch.output.x}, {@code steps['fetch'].output.x},
 * {@code secrets.X}, {@code user.ref}, {@code values.x}, {@code each.value}), a quoted string, a number or
 * {@code true/false/null}, optionally compared with {@code ==, !=, >, <, >=, <=}, negated with {@code not}, and
 * piped through the filters {@code default(x)}, {@code lower}, {@code upper}, {@code trim}, {@code dump},
 * {@code string}, {@code parseEntityRef}, {@code parseRepoUrl}, {@code projectSlug}, {@code pick('name')}. A value that is exactly one expression keeps
 * its JSON type; inside text, undefined renders as an empty string. {@code {% %}} tags are not supported.
 */
final class Templating {
  private static final Pattern EXPR = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  static final Object UNDEFINED = new Object();

  private Templating() {
  }

  /** Renders every string in a tree; keys whose value renders to undefined are dropped. */
  @SuppressWarnings("unchecked")
  static Object render(Object value, Map<String, Object> ctx) {
    if (value instanceof String s) {
      return renderString(s, ctx);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> {
        Object r = render(v, ctx);
        if (r != UNDEFINED) {
          out.put(k, r);
        }
      });
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        Object r = render(o, ctx);
        out.add(r == UNDEFINED ? null : r);
      }
      return out;
    }
    return value;
  }

  static Object renderString(String s, Map<String, Object> ctx) {
    Matcher m = EXPR.matcher(s);
    if (m.matches()) {
      return eval(m.group(1).trim(), ctx);
    }
    m.reset();
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object v = eval(m.group(1).trim(), ctx);
      m.appendReplacement(sb, Matcher.quoteReplacement(toText(v)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Nunjucks-style text of a value. */
  static String toText(Object v) {
    if (v == UNDEFINED || v == null) {
      return "";
    }
    if (v instanceof Map || v instanceof List) {
      return v instanceof Map ? "[object Object]" : String.join(",", ((List<?>) v).stream().map(Templating::toText)
          .toList());
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }

  /** JavaScript truthiness, as the scaffolder applies it to {@code if} (plus empty arrays are falsy). */
  static boolean truthy(Object v) {
    if (v == UNDEFINED || v == null || Boolean.FALSE.equals(v)) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }

  static Object eval(String expr, Map<String, Object> ctx) {
    String e = expr.trim();
    if (e.startsWith("not ")) {
      return !truthy(eval(e.substring(4), ctx));
    }
    for (String op : new String[] {"==", "!=", ">=", "<=", ">", "<"}) {
      int i = indexOutsideQuotes(e, op);
      if (i > 0) {
        Object a = eval(e.substring(0, i), ctx);
        Object b = eval(e.substring(i + op.length()), ctx);
        return compare(a, b, op);
      }
    }
    String[] parts = splitPipes(e);
    Object v = operand(parts[0].trim(), ctx);
    for (int i = 1; i < parts.length; i++) {
      v = filter(v, parts[i].trim(), ctx);
    }
    return v;
  }

  private static boolean compare(Object a, Object b, String op) {
    if (op.equals("==") || op.equals("!=")) {
      boolean eq = a instanceof Number x && b instanceof Number y ? x.doubleValue() == y.doubleValue()
          : String.valueOf(a == UNDEFINED ? null : a).equals(String.valueOf(b == UNDEFINED ? null : b));
      return op.equals("==") == eq;
    }
    double x = num(a);
    double y = num(b);
    return switch (op) {
      case ">" -> x > y;
      case "<" -> x < y;
      case ">=" -> x >= y;
      default -> x <= y;
    };
  }

  private static double num(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(o));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int indexOutsideQuotes(String s, String op) {
    char quote = 0;
    for (int i = 0; i + op.length() <= s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (s.startsWith(op, i)) {
        if ((op.equals(">") || op.equals("<")) && i + 1 < s.length() && s.charAt(i + 1) == '=') {
          continue;
        }
        if ((op.equals(">") || op.equals("<") || op.equals("==")) && i > 0 && "!<>=".indexOf(s.charAt(i - 1)) >= 0) {
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  private static String[] splitPipes(String s) {
    List<String> out = new ArrayList<>();
    char quote = 0;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(' || ch == '[') {
        depth++;
      } else if (ch == ')' || ch == ']') {
        depth--;
      } else if (ch == '|' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out.toArray(new String[0]);
  }

  private static Object operand(String s, Map<String, Object> ctx) {
    if (s.isEmpty()) {
      return UNDEFINED;
    }
    if ((s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\"")) && s.length() >= 2) {
      return s.substring(1, s.length() - 1);
    }
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    if (s.equals("null") || s.equals("none")) {
      return null;
    }
    if (s.matches("-?\\d+")) {
      return Long.valueOf(s);
    }
    if (s.matches("-?\\d*\\.\\d+")) {
      return Double.valueOf(s);
    }
    Object cur = ctx;
    Matcher m = Pattern.compile("([A-Za-z_$][\\w$-]*)|\\[\\s*['\"]([^'\"]*)['\"]\\s*]|\\[\\s*(\\d+)\\s*]").matcher(s);
    int pos = 0;
    while (pos < s.length()) {
      if (s.charAt(pos) == '.') {
        pos++;
        continue;
      }
      if (!m.find(pos) || m.start() != pos) {
        return UNDEFINED;
      }
      String key = m.group(1) != null ? m.group(1) : m.group(2);
      if (m.group(3) != null) {
        cur = cur instanceof List<?> l && Integer.parseInt(m.group(3)) < l.size()
            ? l.get(Integer.parseInt(m.group(3))) : UNDEFINED;
      } else if (cur instanceof Map<?, ?> map && map.containsKey(key)) {
        cur = map.get(key);
      } else {
        return UNDEFINED;
      }
      pos = m.end();
    }
    return cur;
  }

  /** Splits {@code host?owner=o&repo=r} (the RepoUrlPicker format) into its parts. */
  static Map<String, Object> parseRepoUrl(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      throw new IllegalArgumentException("Invalid repo URL passed to publisher, got " + url);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", url.substring(0, q));
    for (String part : url.substring(q + 1).split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(Call.decode(part.substring(0, eq)), Call.decode(part.substring(eq + 1)));
      }
    }
    if (!out.containsKey("repo")) {
      throw new IllegalArgumentException("Invalid repo URL passed to publisher: " + url + ", missing repo");
    }
    return out;
  }

  private static Object filter(Object v, String f, Map<String, Object> ctx) {
    String name = f;
    List<Object> args = new ArrayList<>();
    int paren = f.indexOf('(');
    if (paren > 0 && f.endsWith(")")) {
      name = f.substring(0, paren).trim();
      String inner = f.substring(paren + 1, f.length() - 1).trim();
      if (!inner.isEmpty()) {
        for (String a : inner.split(",")) {
          args.add(eval(a, ctx));
        }
      }
    }
    switch (name) {
      case "default":
      case "d":
        return v == UNDEFINED || v == null ? (args.isEmpty() ? "" : args.get(0)) : v;
      case "lower":
        return toText(v).toLowerCase(Locale.ROOT);
      case "upper":
        return toText(v).toUpperCase(Locale.ROOT);
      case "trim":
        return toText(v).trim();
      case "string":
        return toText(v);
      case "replace": // nunjucks: every occurrence, or the first maxCount; a regex argument is not supported
        return replace(toText(v), toText(args.get(0)), toText(args.get(1)),
            args.size() > 2 ? ((Number) args.get(2)).intValue() : -1);
      case "dump":
        return Json.writeString(v == UNDEFINED ? null : v);
      case "parseEntityRef": {
        EntityRef ref = EntityRef.parse(toText(v), args.isEmpty() ? null : toText(args.get(0)), null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", ref.kind());
        out.put("namespace", ref.namespace());
        out.put("name", ref.name());
        return out;
      }
      case "parseRepoUrl":
        return parseRepoUrl(toText(v));
      case "projectSlug": {
        Map<String, Object> parts = parseRepoUrl(toText(v));
        Object owner = parts.getOrDefault("owner", parts.get("organization"));
        return owner + "/" + parts.get("repo");
      }
      case "pick":
        return v instanceof Map<?, ?> m && !args.isEmpty() ? m.get(toText(args.get(0))) : UNDEFINED;
      default:
        throw new IllegalArgumentException("filter not found: " + name);
    }
  }

  private static String replace(String text, String old, String replacement, int maxCount) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    int at;
    for (int n = 0; n != maxCount && !old.isEmpty() && (at = text.indexOf(old, from)) >= 0; n++) {
      out.append(text, from, at).append(replacement);
      from = at + old.length();
    }
    return out.append(text, from, text.length()).toString();
  }
}
