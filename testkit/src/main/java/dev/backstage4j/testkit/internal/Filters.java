package dev.backstage4j.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog's entity filters: the {@code filter=} query syntax (sets ORed, conditions ANDed, repeated keys ORed,
 * bare key = exists, case-insensitive), its JSON form as carried in cursors, and the predicate {@code query} of
 * the POST endpoints ({@code $all/$any/$not/$exists/$in/$hasPrefix/$contains}).
 */
final class Filters {
  private Filters() {
  }

  /** A parsed filter: a list of sets (ORed); each set maps a key to allowed values (null = exists). */
  record Filter(List<Map<String, List<String>>> anyOf) {
    boolean matches(StoredEntity e) {
      if (anyOf.isEmpty()) {
        return true;
      }
      for (Map<String, List<String>> set : anyOf) {
        if (matchesSet(set, e)) {
          return true;
        }
      }
      return false;
    }

    private static boolean matchesSet(Map<String, List<String>> set, StoredEntity e) {
      for (Map.Entry<String, List<String>> c : set.entrySet()) {
        List<String[]> rows = e.index.get(c.getKey());
        if (rows == null) {
          return false;
        }
        if (c.getValue() == null) {
          continue;
        }
        boolean any = false;
        for (String[] r : rows) {
          if (r[0] != null && c.getValue().contains(r[0])) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return true;
    }

    /** The cursor form, shaped like the real backend's EntityFilter ({@code anyOf/allOf/key/values}). */
    Object toJson() {
      List<Object> sets = new ArrayList<>();
      for (Map<String, List<String>> set : anyOf) {
        List<Object> all = new ArrayList<>();
        set.forEach((k, v) -> {
          Map<String, Object> cond = new LinkedHashMap<>();
          cond.put("key", k);
          if (v != null) {
            cond.put("values", v);
          }
          all.add(cond);
        });
        sets.add(Map.of("allOf", all));
      }
      return sets.size() == 1 ? sets.get(0) : Map.of("anyOf", sets);
    }

    @SuppressWarnings("unchecked")
    static Filter fromJson(Object json) {
      if (json == null) {
        return new Filter(List.of());
      }
      List<Object> sets = json instanceof Map<?, ?> m && m.containsKey("anyOf")
          ? (List<Object>) m.get("anyOf") : List.of(json);
      List<Map<String, List<String>>> out = new ArrayList<>();
      for (Object s : sets) {
        Map<String, List<String>> set = new LinkedHashMap<>();
        for (Object c : (List<Object>) ((Map<String, Object>) s).get("allOf")) {
          Map<String, Object> cond = (Map<String, Object>) c;
          set.put((String) cond.get("key"), (List<String>) cond.get("values"));
        }
        out.add(set);
      }
      return new Filter(out);
    }
  }

  /** Parses {@code filter} query values exactly as parseEntityFilterParams does. */
  static Filter parse(List<String> params) {
    List<Map<String, List<String>>> sets = new ArrayList<>();
    for (String param : params) {
      Map<String, List<String>> set = new LinkedHashMap<>();
      for (String raw : param.split(",")) {
        String statement = raw.trim();
        if (statement.isEmpty()) {
          continue;
        }
        int eq = statement.indexOf('=');
        String key = (eq < 0 ? statement : statement.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
          throw ApiFailure.input("Invalid filter, expected a string on the form a=b or a= or a but got "
              + statement);
        }
        if (eq < 0) {
          set.putIfAbsent(key, null);
        } else {
          String value = statement.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
          List<String> values = set.get(key);
          if (values == null) {
            values = new ArrayList<>();
            set.put(key, values);
          }
          values.add(value);
        }
      }
      if (!set.isEmpty()) {
        sets.add(set);
      }
    }
    return new Filter(sets);
  }

  /** Evaluates a predicate query against an entity; throws InputError on a malformed predicate. */
  @SuppressWarnings("unchecked")
  static boolean matchesPredicate(Object predicate, StoredEntity e) {
    if (!(predicate instanceof Map<?, ?> map)) {
      throw ApiFailure.input("Invalid query: a predicate must be an object");
    }
    if (map.size() == 1) {
      Map.Entry<?, ?> only = map.entrySet().iterator().next();
      String k = String.valueOf(only.getKey());
      if (k.startsWith("$")) {
        switch (k) {
          case "$all": {
            for (Object p : list(only.getValue(), k)) {
              if (!matchesPredicate(p, e)) {
                return false;
              }
            }
            return true;
          }
          case "$any": {
            for (Object p : list(only.getValue(), k)) {
              if (matchesPredicate(p, e)) {
                return true;
              }
            }
            return false;
          }
          case "$not":
            return !matchesPredicate(only.getValue(), e);
          default:
            throw ApiFailure.input("Invalid query: unknown operator " + k);
        }
      }
    }
    for (Map.Entry<?, ?> entry : ((Map<Object, Object>) map).entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (key.startsWith("$")) {
        throw ApiFailure.input("Invalid query: operator " + key + " cannot be mixed with field conditions");
      }
      if (!matchesField(key.toLowerCase(Locale.ROOT), entry.getValue(), e)) {
        return false;
      }
    }
    return true;
  }

  private static List<?> list(Object v, String op) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw ApiFailure.input("Invalid query: " + op + " expects an array");
  }

  @SuppressWarnings("unchecked")
  private static boolean matchesField(String key, Object matcher, StoredEntity e) {
    List<String[]> rows = e.index.get(key);
    if (isPrimitive(matcher)) {
      return contains(rows, lower(matcher));
    }
    if (!(matcher instanceof Map<?, ?> m) || m.size() != 1) {
      throw ApiFailure.input("Invalid query: invalid value for field " + key);
    }
    Map.Entry<String, Object> op = ((Map<String, Object>) m).entrySet().iterator().next();
    switch (op.getKey()) {
      case "$exists":
        return Boolean.TRUE.equals(op.getValue()) == (rows != null);
      case "$in": {
        for (Object v : list(op.getValue(), "$in")) {
          if (contains(rows, lower(v))) {
            return true;
          }
        }
        return false;
      }
      case "$hasPrefix": {
        String prefix = lower(op.getValue());
        if (rows != null) {
          for (String[] r : rows) {
            if (r[0] != null && r[0].startsWith(prefix)) {
              return true;
            }
          }
        }
        return false;
      }
      case "$contains": {
        Object v = op.getValue();
        if (key.equals("relations") && v instanceof Map<?, ?> rel) {
          String type = rel.get("type") == null ? null : lower(rel.get("type"));
          Object target = rel.get("targetRef");
          for (Map.Entry<String, List<String[]>> idx : e.index.entrySet()) {
            if (!idx.getKey().startsWith("relations.")) {
              continue;
            }
            if (type != null && !idx.getKey().equals("relations." + type)) {
              continue;
            }
            if (target == null) {
              return true;
            }
            for (String[] r : idx.getValue()) {
              if (matchesValue(r[0], target)) {
                return true;
              }
            }
          }
          return false;
        }
        if (isPrimitive(v)) {
          return contains(rows, lower(v));
        }
        throw ApiFailure.input("Invalid query: invalid $contains value for field " + key);
      }
      case "$not":
        throw ApiFailure.input("Invalid query: $not is not allowed as a field value (field " + key + ")");
      default:
        throw ApiFailure.input("Invalid query: unknown operator " + op.getKey());
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean matchesValue(String actual, Object matcher) {
    if (isPrimitive(matcher)) {
      return lower(matcher).equals(actual);
    }
    if (matcher instanceof Map<?, ?> m && m.get("$in") instanceof List<?> in) {
      for (Object v : in) {
        if (lower(v).equals(actual)) {
          return true;
        }
      }
      return false;
    }
    throw ApiFailure.input("Invalid query: invalid relation target matcher");
  }

  private static boolean contains(List<String[]> rows, String value) {
    if (rows == null) {
      return false;
    }
    for (String[] r : rows) {
      if (value.equals(r[0])) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPrimitive(Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean;
  }

  private static String lower(Object v) {
    return String.valueOf(v).toLowerCase(Locale.ROOT);
  }

  /** Keeps only the given dot paths of an entity ({@code fields=}); missing paths are omitted. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> project(Map<String, Object> entity, List<String> fields) {
    if (fields == null || fields.isEmpty()) {
      return entity;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String field : fields) {
      String[] parts = field.split("\\.");
      Object cur = entity;
      boolean found = true;
      for (String p : parts) {
        if (cur instanceof Map<?, ?> m && m.containsKey(p)) {
          cur = m.get(p);
        } else {
          found = false;
          break;
        }
      }
      if (!found) {
        continue;
      }
      Map<String, Object> target = out;
      for (int i = 0; i < parts.length - 1; i++) {
        Object next = target.get(parts[i]);
        if (!(next instanceof Map)) {
          next = new LinkedHashMap<String, Object>();
          target.put(parts[i], next);
        }
        target = (Map<String, Object>) next;
      }
      target.put(parts[parts.length - 1], cur);
    }
    return out;
  }

  /** Validates {@code fields} values like parseEntityTransformParams. */
  static List<String> parseFields(List<String> raw) {
    List<String> fields = Call.splitComma(raw);
    for (String f : fields) {
      if (f.contains("[")) {
        throw ApiFailure.input("Invalid field \"" + f + "\", array type fields are not supported");
      }
    }
    return fields;
  }
}
