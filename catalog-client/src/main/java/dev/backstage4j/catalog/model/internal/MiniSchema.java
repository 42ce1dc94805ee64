package dev.backstage4j.catalog.model.internal;

import dev.backstage4j.core.internal.Trees;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (draft-07) checker for exactly the keywords the Backstage entity schemas use, with the semantics
 * of ajv 8 as configured by {@code @backstage/catalog-model} ({@code allErrors}, {@code allowUnionTypes},
 * unicode regular expressions, string lengths counted in code points).
 *
 * <p>Keywords: {@code $ref} (to schema ids and {@code #fragment} ids), {@code allOf}, {@code oneOf},
 * {@code type}, {@code enum}, {@code const}, {@code required}, {@code properties}, {@code patternProperties},
 * {@code additionalProperties}, {@code items}, {@code minItems}, {@code minLength}, {@code maxLength},
 * {@code pattern}. Annotations ({@code default}, {@code deprecated}, ...) are ignored. An unknown keyword or
 * regular expression fails loading, so a schema update cannot silently weaken validation.
 */
public final class MiniSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> IGNORED = List.of("$schema", "$id", "default", "deprecated", "title",
      "description", "examples", "definitions");

  private final Map<String, Node> registry = new HashMap<>();
  private final List<Runnable> linkers = new ArrayList<>();

  /** Loads the named schema resources (from this package's {@code schemas/} folder) into one registry. */
  public static MiniSchema load(String... names) {
    MiniSchema s = new MiniSchema();
    for (String name : names) {
      s.add(read(name));
    }
    s.linkers.forEach(Runnable::run);
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String name) {
    try (InputStream in = MiniSchema.class.getResourceAsStream("schemas/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + name);
      }
      return MAPPER.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(Map<String, Object> schema) {
    String id = (String) schema.get("$id");
    compile(schema, id);
  }

  /** Returns the compiled schema registered under the id (e.g. {@code ComponentV1alpha1}). */
  public Node get(String id) {
    Node n = registry.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no schema " + id);
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private Node compile(Map<String, Object> s, String base) {
    Node n = new Node();
    Object id = s.get("$id");
    if (id instanceof String) {
      String sid = (String) id;
      registry.put(sid.startsWith("#") ? base + sid : sid, n);
    }
    if (s.get("definitions") instanceof Map) {
      for (Object d : ((Map<String, Object>) s.get("definitions")).values()) {
        compile((Map<String, Object>) d, base);
      }
    }
    for (Map.Entry<String, Object> e : s.entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "$ref": {
          String ref = (String) v;
          String target = ref.startsWith("#") ? base + ref : ref;
          linkers.add(() -> n.ref = get(target));
          break;
        }
        case "allOf":
          n.allOf = compileList((List<Object>) v, base);
          break;
        case "oneOf":
          n.oneOf = compileList((List<Object>) v, base);
          break;
        case "type":
          n.types = v instanceof List ? ((List<String>) v).toArray(new String[0]) : new String[] {(String) v};
          n.typeMask = typeMask(n.types);
          break;
        case "enum":
          n.enumValues = (List<Object>) v;
          break;
        case "const":
          n.enumValues = List.of(v);
          n.isConst = true;
          break;
        case "required":
          n.required = ((List<String>) v).toArray(new String[0]);
          break;
        case "properties": {
          Map<String, Node> props = new HashMap<>();
          ((Map<String, Object>) v).forEach((k, sub) -> props.put(k, compile((Map<String, Object>) sub, base)));
          n.properties = props;
          break;
        }
        case "patternProperties": {
          Map<String, Object> pp = (Map<String, Object>) v;
          if (pp.size() != 1 || !pp.containsKey("^.+$")) {
            throw new IllegalStateException("unsupported patternProperties " + pp.keySet());
          }
          n.anyLineProperties = compile((Map<String, Object>) pp.get("^.+$"), base);
          break;
        }
        case "additionalProperties":
          if (v instanceof Boolean) {
            n.noAdditional = !(Boolean) v;
          } else {
            n.additional = compile((Map<String, Object>) v, base);
          }
          break;
        case "items":
          n.items = compile((Map<String, Object>) v, base);
          break;
        case "minItems":
          n.minItems = ((Number) v).intValue();
          break;
        case "minLength":
          n.minLength = ((Number) v).intValue();
          break;
        case "maxLength":
          n.maxLength = ((Number) v).intValue();
          break;
        case "pattern":
          if (!"^\\w+$".equals(v)) {
            throw new IllegalStateException("unsupported pattern " + v);
          }
          n.wordPattern = true;
          break;
        default:
          if (!IGNORED.contains(e.getKey())) {
            throw new IllegalStateException("unsupported JSON schema keyword " + e.getKey());
          }
      }
    }
    n.indexRequired();
    return n;
  }

  private static final String[] TYPE_NAMES = {"string", "object", "array", "boolean", "number", "null"};

  private static int typeMask(String[] types) {
    int mask = 0;
    for (String t : types) {
      int bit = List.of(TYPE_NAMES).indexOf(t);
      if (bit < 0) {
        throw new IllegalStateException("unsupported type " + t);
      }
      mask |= 1 << bit;
    }
    return mask;
  }

  @SuppressWarnings("unchecked")
  private List<Node> compileList(List<Object> list, String base) {
    List<Node> out = new ArrayList<>();
    for (Object o : list) {
      out.add(compile((Map<String, Object>) o, base));
    }
    return out;
  }

  /** One compiled (sub)schema. */
  public static final class Node {
    Node ref;
    List<Node> allOf;
    List<Node> oneOf;
    String[] types;
    /** {@link #types} as bits in the order of {@code TYPE_NAMES}. */
    int typeMask;
    List<Object> enumValues;
    boolean isConst;
    String[] required;
    Map<String, Node> properties;
    Node anyLineProperties;
    boolean noAdditional;
    Node additional;
    Node items;
    /** The properties, each with whether it is required: one lookup per key in {@link #accepts}. */
    Map<String, Slot> slots;
    /** How many distinct required keys have a property schema (a slot). */
    int requiredWithSlot;
    String[] slotKeys;
    Slot[] slotValues;
    /** The required keys without a property schema, checked with {@code containsKey}. */
    String[] requiredWithoutSlot;
    int minItems = -1;
    int minLength = -1;
    int maxLength = -1;
    boolean wordPattern;

    private void indexRequired() {
      List<String> req = required == null ? List.of() : List.of(required);
      List<String> without = new ArrayList<>();
      for (String r : req) {
        if ((properties == null || !properties.containsKey(r)) && !without.contains(r)) {
          without.add(r);
        }
      }
      requiredWithoutSlot = without.toArray(new String[0]);
      if (properties != null) {
        slots = new HashMap<>();
        properties.forEach((k, node) -> slots.put(k.intern(), new Slot(node, req.contains(k))));
        requiredWithSlot = (int) slots.values().stream().filter(slot -> slot.required).count();
        slotKeys = slots.keySet().toArray(new String[0]);
        slotValues = new Slot[slotKeys.length];
        for (int i = 0; i < slotKeys.length; i++) {
          slotValues[i] = slots.get(slotKeys[i]);
        }
      }
    }

    /**
     * Returns the slot of a key. Keys are usually interned (Java literals, Jackson's field names), so comparing
     * references first spares hashing a string of the tree; a miss falls back to the hash map.
     */
    private Slot slot(String key) {
      for (int i = 0; i < slotKeys.length; i++) {
        if (slotKeys[i] == key) {
          return slotValues[i];
        }
      }
      return slots.get(key);
    }

    /** Appends a violation for every failed keyword (ajv {@code allErrors}) and returns whether there was none. */
    public boolean check(Object data, String path, List<Violation> out) {
      int before = out.size();
      validate(data, path.isEmpty() ? Path.ROOT : new Path(null, path, -1), out);
      return out.size() == before;
    }

    /**
     * Returns whether {@link #validate} would find nothing, stopping at the first failed keyword and building
     * no paths or messages: the fast path for valid data, and the test for each {@code oneOf} branch.
     */
    @SuppressWarnings("unchecked")
    public boolean accepts(Object data) {
      if (ref != null && !ref.accepts(data)) {
        return false;
      }
      if (allOf != null) {
        for (int i = 0, n = allOf.size(); i < n; i++) {
          if (!allOf.get(i).accepts(data)) {
            return false;
          }
        }
      }
      if (oneOf != null && countMatches(data) != 1) {
        return false;
      }
      if (types != null && !typeMatches(data)) {
        return false;
      }
      if (enumValues != null && !enumValues.contains(normalize(data))) {
        return false;
      }
      if (data instanceof String) {
        String s = (String) data;
        if (minLength >= 0 || maxLength >= 0) {
          int cps = s.codePointCount(0, s.length());
          if (minLength >= 0 && cps < minLength || maxLength >= 0 && cps > maxLength) {
            return false;
          }
        }
        return !wordPattern || isWord(s);
      } else if (data instanceof List) {
        List<Object> list = (List<Object>) data;
        if (minItems >= 0 && list.size() < minItems) {
          return false;
        }
        if (items != null) {
          for (int i = 0, n = list.size(); i < n; i++) {
            if (!items.accepts(list.get(i))) {
              return false;
            }
          }
        }
      } else if (data instanceof Map) {
        Map<String, Object> map = (Map<String, Object>) data;
        for (String r : requiredWithoutSlot) {
          if (!map.containsKey(r)) {
            return false;
          }
        }
        int requiredSeen = 0;
        if (properties != null || anyLineProperties != null || noAdditional || additional != null) {
          for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = e.getKey();
            boolean known = false;
            Slot slot = slots == null ? null : slot(key);
            if (slot != null) {
              known = true;
              if (slot.required) {
                requiredSeen++;
              }
              if (!slot.node.accepts(e.getValue())) {
                return false;
              }
            }
            if (anyLineProperties != null && isSingleLineNonEmpty(key)) {
              known = true;
              if (!anyLineProperties.accepts(e.getValue())) {
                return false;
              }
            }
            if (!known && (noAdditional || additional != null && !additional.accepts(e.getValue()))) {
              return false;
            }
          }
        }
        // Keys of a map are distinct, so seeing as many required keys as have slots means all are there.
        return requiredSeen == requiredWithSlot;
      }
      return true;
    }

    private int countMatches(Object data) {
      int matches = 0;
      for (Node n : oneOf) {
        if (n.accepts(data)) {
          matches++;
        }
      }
      return matches;
    }

    @SuppressWarnings("unchecked")
    private void validate(Object data, Path path, List<Violation> out) {
      if (ref != null) {
        ref.validate(data, path, out);
      }
      if (allOf != null) {
        for (Node n : allOf) {
          n.validate(data, path, out);
        }
      }
      if (oneOf != null) {
        int matches = countMatches(data);
        if (matches != 1) {
          out.add(Violation.of(path.toString(), matches == 0 ? "does not match any of the allowed shapes ("
              + describeOneOf() + ")" : "matches more than one of the allowed shapes"));
        }
      }
      if (types != null && !typeMatches(data)) {
        out.add(Violation.of(path.toString(), "must be " + String.join(" or ", typeWords()) + ", found " + Trees.typeName(data)));
        return;
      }
      if (enumValues != null && !enumValues.contains(normalize(data))) {
        out.add(Violation.of(path.toString(), isConst ? "must be " + quoted(enumValues.get(0))
            : "must be one of " + describeEnum()));
      }
      if (data instanceof String) {
        String s = (String) data;
        if (minLength >= 0 || maxLength >= 0) {
          int cps = s.codePointCount(0, s.length());
          if (minLength >= 0 && cps < minLength) {
            out.add(Violation.of(path.toString(), minLength == 1 ? "must not be empty"
                : "must be at least " + minLength + " characters long"));
          }
          if (maxLength >= 0 && cps > maxLength) {
            out.add(Violation.of(path.toString(), "must be at most " + maxLength + " characters long"));
          }
        }
        if (wordPattern && !isWord(s)) {
          out.add(Violation.of(path.toString(), "must consist of letters, digits and underscores only"));
        }
      } else if (data instanceof List) {
        List<Object> list = (List<Object>) data;
        if (minItems >= 0 && list.size() < minItems) {
          out.add(Violation.of(path.toString(), "must have at least " + minItems + " items"));
        }
        if (items != null) {
          for (int i = 0; i < list.size(); i++) {
            items.validateChild(list.get(i), path, null, i, out);
          }
        }
      } else if (data instanceof Map) {
        Map<String, Object> map = (Map<String, Object>) data;
        if (required != null) {
          for (String r : required) {
            if (!map.containsKey(r)) {
              out.add(Violation.of(new Path(path, r, -1).toString(), "is required"));
            }
          }
        }
        if (properties != null || anyLineProperties != null || noAdditional || additional != null) {
          for (Map.Entry<String, Object> e : map.entrySet()) {
            String key = e.getKey();
            boolean known = false;
            Node prop = properties == null ? null : properties.get(key);
            if (prop != null) {
              known = true;
              prop.validateChild(e.getValue(), path, key, -1, out);
            }
            if (anyLineProperties != null && isSingleLineNonEmpty(key)) {
              known = true;
              anyLineProperties.validateChild(e.getValue(), path, key, -1, out);
            }
            if (!known) {
              if (noAdditional) {
                out.add(Violation.of(new Path(path, key, -1).toString(), "is not an allowed field"
                    + (properties == null ? "" : " (allowed: " + String.join(", ", properties.keySet()) + ")")));
              } else if (additional != null) {
                additional.validateChild(e.getValue(), path, key, -1, out);
              }
            }
          }
        }
      }
    }

    /**
     * Validates a map value or list item, skipping it (and the path object) when {@link #accepts} finds it
     * valid: most of an invalid entity is valid, and {@code accepts} is true exactly when validate adds nothing.
     */
    private void validateChild(Object data, Path parent, String key, int index, List<Violation> out) {
      if (!accepts(data)) {
        validate(data, new Path(parent, key, index), out);
      }
    }

    private String describeOneOf() {
      List<String> shapes = new ArrayList<>();
      for (Node n : oneOf) {
        if (n.types != null) {
          String t = String.join(" or ", n.typeWords());
          if (n.items != null && n.items.types != null) {
            t += " of " + String.join(" or ", n.items.typeWords()).replace("an ", "").replace("a ", "") + "s";
          }
          shapes.add(t);
        }
      }
      return String.join("; ", shapes);
    }

    private List<String> typeWords() {
      List<String> words = new ArrayList<>();
      for (String t : types) {
        words.add(t.equals("object") || t.equals("array") ? "an " + t : "a " + t);
      }
      return words;
    }

    private String describeEnum() {
      List<String> q = new ArrayList<>();
      for (Object o : enumValues) {
        q.add(quoted(o));
      }
      return String.join(", ", q);
    }

    private static String quoted(Object o) {
      return o instanceof String ? "\"" + o + "\"" : String.valueOf(o);
    }

    private static Object normalize(Object data) {
      return data;
    }

    private boolean typeMatches(Object data) {
      int bit;
      if (data instanceof String) {
        bit = 1;
      } else if (data instanceof Map) {
        bit = 1 << 1;
      } else if (data instanceof List) {
        bit = 1 << 2;
      } else if (data instanceof Boolean) {
        bit = 1 << 3;
      } else if (data instanceof Number) {
        bit = 1 << 4;
      } else if (data == null) {
        bit = 1 << 5;
      } else {
        return false;
      }
      return (typeMask & bit) != 0;
    }
  }

  /** A property schema and whether its key is required. */
  private static final class Slot {
    final Node node;
    final boolean required;

    Slot(Node node, boolean required) {
      this.node = node;
      this.required = required;
    }
  }

  /** A field path built only when a violation needs its text. */
  static final class Path {
    static final Path ROOT = new Path(null, "", -1);
    private final Path parent;
    private final String key;
    private final int index;

    Path(Path parent, String key, int index) {
      this.parent = parent == ROOT ? null : parent;
      this.key = key;
      this.index = index;
    }

    @Override
    public String toString() {
      String self = key != null ? key : Integer.toString(index);
      return parent == null ? self : parent + "." + self;
    }
  }

  /** {@code /^\w+$/u}. */
  static boolean isWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** {@code /^.+$/u}: non-empty and no line terminator. */
  static boolean isSingleLineNonEmpty(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
        return false;
      }
    }
    return true;
  }
}
