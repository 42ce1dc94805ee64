package dev.backstage4j.cli;

import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers shared by the catalog commands: parsing refs and filters, and turning entities into rows. */
final class Entities {
  static final String REF_HELP = "[kind:][namespace/]name; the kind defaults to component.";

  private Entities() {
  }

  /** Parses {@code [kind:][namespace/]name}; the kind defaults to Component, as in the Backstage UI's search. */
  static EntityRef ref(String ref) {
    try {
      return EntityRef.parse(ref, "component", null);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /**
   * Parses filters in Backstage's query-string syntax: each {@code --filter} is one alternative (OR), made of
   * comma-separated {@code key=value} conditions (AND); a key repeated in one filter matches any of its values;
   * a key without {@code =} only has to exist. Example: {@code kind=component,spec.type=service}.
   */
  static EntityFilter filter(List<String> filters) {
    EntityFilter.Builder b = EntityFilter.builder();
    if (filters == null) {
      return b.build();
    }
    for (String f : filters) {
      for (String cond : f.split(",")) {
        String c = cond.strip();
        if (c.isEmpty()) {
          continue;
        }
        int eq = c.indexOf('=');
        if (eq == 0) {
          throw CliException.usage("--filter condition has no key: " + c);
        }
        if (eq < 0) {
          b.exists(c);
        } else {
          b.where(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
        }
      }
      b.or();
    }
    return b.build();
  }

  /** Returns a dotted field of an entity's JSON form, e.g. {@code spec.owner} or {@code metadata.name}. */
  static Object field(Map<String, Object> tree, String path) {
    Object cur = tree;
    for (String part : path.split("\\.")) {
      if (cur instanceof Map) {
        cur = ((Map<?, ?>) cur).get(part);
      } else if (cur instanceof List) {
        try {
          cur = ((List<?>) cur).get(Integer.parseInt(part));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
          return null;
        }
      } else {
        return null;
      }
    }
    return cur;
  }

  static String spec(Entity e, String key) {
    Object v = e.spec().get(key);
    return v == null ? "" : String.valueOf(v);
  }

  /** The table of entities people usually want: ref, type, owner, lifecycle, or the requested fields. */
  static Printer.Table table(List<Entity> entities, List<String> fields) {
    if (fields != null && !fields.isEmpty()) {
      List<String> headers = new ArrayList<>();
      fields.forEach(f -> headers.add(f.toUpperCase(java.util.Locale.ROOT)));
      Printer.Table t = Printer.Table.of(headers.toArray(new String[0]));
      for (Entity e : entities) {
        Map<String, Object> tree = e.toMap();
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
          Object v = field(tree, fields.get(i));
          row[i] = v instanceof Map || v instanceof List ? Printer.json(v).replaceAll("\\s+", " ") : v;
        }
        t.row(row);
      }
      return t;
    }
    Printer.Table t = Printer.Table.of("REF", "TYPE", "OWNER", "LIFECYCLE");
    for (Entity e : entities) {
      t.row(e.ref(), spec(e, "type"), spec(e, "owner"), spec(e, "lifecycle"));
    }
    return t;
  }

  static List<Map<String, Object>> maps(List<Entity> entities) {
    List<Map<String, Object>> out = new ArrayList<>();
    entities.forEach(e -> out.add(e.toMap()));
    return out;
  }
}
