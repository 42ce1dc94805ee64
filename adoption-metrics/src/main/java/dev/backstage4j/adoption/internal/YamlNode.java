package dev.backstage4j.adoption.internal;

import dev.backstage4j.catalog.model.internal.YamlTreeReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on: a map of nodes, a list of nodes, or a scalar (String, Number, Boolean
 * or null). Used to report bad scorecard files with file:line.
 */
public final class YamlNode {
  private static final int MAX_DOCUMENT_CHARS = 3 * 1024 * 1024;
  private static final int MAX_DEPTH = 64;
  private static final int MAX_ALIASES = 100;
  private static final int MAX_VALUES = 100_000;

  private final Object value;
  private final int line;

  private YamlNode(Object value, int line) {
    this.value = value;
    this.line = line;
  }

  /** Thrown for malformed YAML, with the line. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxError(String message, int line) {
      super(message);
      this.line = line;
    }

    /** Returns the 1-based line. */
    public int line() {
      return line;
    }
  }

  /**
   * Returns every document in the reader (a multi-document stream gives several), read as YAML 1.2 like
   * catalog files ({@code yes}, {@code on} and {@code no} stay strings) and with the same limits.
   */
  public static List<YamlNode> readAll(Reader reader) throws SyntaxError {
    YamlTreeReader in = new YamlTreeReader(reader, MAX_DOCUMENT_CHARS, MAX_DEPTH, MAX_ALIASES, MAX_VALUES);
    List<YamlNode> docs = new ArrayList<>();
    try {
      YamlTreeReader.Document d;
      while ((d = in.next()) != null) {
        docs.add(node(d.root, "", d));
      }
    } catch (YamlTreeReader.Failure e) {
      throw new SyntaxError(e.getMessage(), e.line);
    } catch (UncheckedIOException e) {
      throw new SyntaxError(String.valueOf(e.getCause().getMessage()), 0);
    }
    return docs;
  }

  private static YamlNode node(Object value, String path, YamlTreeReader.Document d) {
    int line = d.position(path)[0];
    if (value instanceof Map<?, ?> m) {
      Map<String, YamlNode> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, node(v, path.isEmpty() ? (String) k : path + "." + k, d)));
      return new YamlNode(Collections.unmodifiableMap(out), line);
    }
    if (value instanceof List<?> l) {
      List<YamlNode> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(node(l.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, d));
      }
      return new YamlNode(Collections.unmodifiableList(out), line);
    }
    return new YamlNode(value, line);
  }

  /** Returns the 1-based line the value starts on. */
  public int line() {
    return line;
  }

  /** Returns whether this is a map. */
  public boolean isMap() {
    return value instanceof Map;
  }

  /** Returns whether this is a list. */
  public boolean isList() {
    return value instanceof List;
  }

  /** Returns the map entries; call only when {@link #isMap()}. */
  @SuppressWarnings("unchecked")
  public Map<String, YamlNode> map() {
    return (Map<String, YamlNode>) value;
  }

  /** Returns the list items; call only when {@link #isList()}. */
  @SuppressWarnings("unchecked")
  public List<YamlNode> list() {
    return (List<YamlNode>) value;
  }

  /** Returns the scalar value (String, Number, Boolean or null); null for maps and lists. */
  public Object scalar() {
    return isMap() || isList() ? null : value;
  }

  /** Returns the plain Java tree (maps, lists, scalars) without lines. */
  public Object toPlain() {
    if (isMap()) {
      Map<String, Object> m = new LinkedHashMap<>();
      map().forEach((k, v) -> m.put(k, v.toPlain()));
      return m;
    }
    if (isList()) {
      List<Object> l = new ArrayList<>();
      list().forEach(v -> l.add(v.toPlain()));
      return l;
    }
    return value;
  }

  /** Returns a short type name for messages: object, array, string, number, boolean or null. */
  public String typeName() {
    if (isMap()) {
      return "object";
    }
    if (isList()) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    return value instanceof Boolean ? "boolean" : "null";
  }
}
