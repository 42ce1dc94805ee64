package dev.backstage4j.adoption.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on: a map of nodes, a list of nodes, or a scalar (String, Number, Boolean
 * or null). Used to report bad scorecard and catalog files with file:line.
 */
public final class YamlNode {
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

    /** {@return the 1-based line} */
    public int line() {
      return line;
    }
  }

  /** {@return every document in the reader (a multi-document stream gives several)} */
  public static List<YamlNode> readAll(Reader reader) throws SyntaxError {
    List<YamlNode> docs = new ArrayList<>();
    try (JsonParser p = new YAMLFactory().createParser(reader)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        docs.add(read(p, t));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SyntaxError(e.getOriginalMessage(), line);
    } catch (IOException e) {
      throw new SyntaxError(String.valueOf(e.getMessage()), 0);
    }
    return docs;
  }

  private static YamlNode read(JsonParser p, JsonToken t) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT: {
        Map<String, YamlNode> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          m.put(key, read(p, p.nextToken()));
        }
        return new YamlNode(Collections.unmodifiableMap(m), line);
      }
      case START_ARRAY: {
        List<YamlNode> l = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          l.add(read(p, n));
        }
        return new YamlNode(Collections.unmodifiableList(l), line);
      }
      case VALUE_STRING:
        return new YamlNode(p.getText(), line);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new YamlNode(p.getNumberValue(), line);
      case VALUE_TRUE:
        return new YamlNode(Boolean.TRUE, line);
      case VALUE_FALSE:
        return new YamlNode(Boolean.FALSE, line);
      default:
        return new YamlNode(null, line);
    }
  }

  /** {@return the 1-based line the value starts on} */
  public int line() {
    return line;
  }

  /** {@return whether this is a map} */
  public boolean isMap() {
    return value instanceof Map;
  }

  /** {@return whether this is a list} */
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

  /** {@return the scalar value (String, Number, Boolean or null); null for maps and lists} */
  public Object scalar() {
    return isMap() || isList() ? null : value;
  }

  /** {@return the plain Java tree (maps, lists, scalars) without lines} */
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

  /** {@return a short type name for messages: object, array, string, number, boolean or null} */
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
