package dev.backstage4j.catalog.model.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML stream document by document into trees of plain Java values, with YAML 1.2 core-schema scalars
 * (as the {@code yaml} package Backstage uses: {@code yes}/{@code on} stay strings, {@code 0o17} is a number),
 * aliases expanded, and the 1-based line and column of every value recorded by dotted field path.
 *
 * <p>Works on SnakeYAML's event parser, which builds no Java objects from tags, so no arbitrary types can be
 * instantiated. Guards: at most {@code maxDocumentCodePoints} per document (SnakeYAML's own check), at most
 * {@code maxDepth} nested collections, at most {@code maxAliases} aliases and {@code maxNodes} values per
 * document after alias expansion. Not thread-safe.
 */
public final class YamlTreeReader {
  /** A problem that makes the stream unreadable, with its 1-based position (0 when unknown). */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    /** 1-based line or 0. */
    public final int line;
    /** 1-based column or 0. */
    public final int column;

    Failure(String message, int line, int column, Throwable cause) {
      super(message, cause);
      this.line = line;
      this.column = column;
    }
  }

  /** One document: its tree and where each field path starts. */
  public static final class Document {
    /** The root value (any JSON-like type; null for an empty document). */
    public final Object root;
    /** 1-based line of the document's first node. */
    public final int line;
    /** 1-based column of the document's first node. */
    public final int column;
    private final Map<String, Long> positions;

    Document(Object root, int line, int column, Map<String, Long> positions) {
      this.root = root;
      this.line = line;
      this.column = column;
      this.positions = positions;
    }

    /** {@return {line, column} of the path or of its nearest recorded ancestor; the document start if none} */
    public int[] position(String path) {
      String p = path;
      while (true) {
        Long pos = positions.get(p);
        if (pos != null) {
          return new int[] {(int) (pos >>> 32), (int) (long) pos};
        }
        if (p.isEmpty()) {
          return new int[] {line, column};
        }
        int dot = p.lastIndexOf('.');
        p = dot < 0 ? "" : p.substring(0, dot);
      }
    }
  }

  private final Parser parser;
  private final int maxDepth;
  private final int maxAliases;
  private final int maxNodes;
  private Map<String, Object> anchors;
  private Map<Object, Integer> weights;
  private Map<String, Long> positions;
  private int aliases;
  private long nodes;

  /** Creates a reader over the stream with the given limits. */
  public YamlTreeReader(Reader in, int maxDocumentCodePoints, int maxDepth, int maxAliases, int maxNodes) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(maxDocumentCodePoints);
    options.setNestingDepthLimit(maxDepth);
    options.setMaxAliasesForCollections(maxAliases);
    options.setAllowDuplicateKeys(false);
    this.parser = new ParserImpl(new StreamReader(in), options);
    this.maxDepth = maxDepth;
    this.maxAliases = maxAliases;
    this.maxNodes = maxNodes;
  }

  /** {@return the next document, or null at the end of the stream} */
  public Document next() throws Failure {
    try {
      while (true) {
        Event e = parser.getEvent();
        switch (e.getEventId()) {
          case StreamStart:
          case DocumentEnd:
            continue;
          case StreamEnd:
            return null;
          case DocumentStart: {
            anchors = new HashMap<>();
            weights = new HashMap<>();
            positions = new HashMap<>();
            aliases = 0;
            nodes = 0;
            Event first = parser.peekEvent();
            Mark m = first.getStartMark();
            Object root = node(parser.getEvent(), "", 0);
            Document d = new Document(root, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                positions);
            anchors = null;
            weights = null;
            positions = null;
            return d;
          }
          default:
            throw failure("unexpected YAML event " + e.getEventId(), e.getStartMark(), null);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && e.getProblem() != null) {
        problem = e.getContext() + ": " + e.getProblem();
      }
      throw failure(problem.trim(), m, e);
    } catch (YAMLException e) {
      throw failure(rootMessage(e), null, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      if (t.getCause() instanceof IOException) {
        return t.getCause().getMessage() == null ? t.getCause().toString() : t.getCause().getMessage();
      }
      t = t.getCause();
    }
    return String.valueOf(e.getMessage()).trim();
  }

  private static Failure failure(String message, Mark m, Throwable cause) {
    return m == null ? new Failure(message, 0, 0, cause) : new Failure(message, m.getLine() + 1, m.getColumn() + 1,
        cause);
  }

  private Object node(Event e, String path, int depth) throws Failure {
    Mark m = e.getStartMark();
    if (m != null) {
      positions.put(path, ((long) (m.getLine() + 1) << 32) | (m.getColumn() + 1));
    }
    if (++nodes > maxNodes) {
      throw failure("document has more than " + maxNodes + " values (after expanding aliases)", m, null);
    }
    if (e instanceof AliasEvent) {
      String anchor = ((AliasEvent) e).getAnchor();
      if (++aliases > maxAliases) {
        throw failure("document uses more than " + maxAliases + " aliases", m, null);
      }
      if (!anchors.containsKey(anchor)) {
        throw failure("alias *" + anchor + " refers to no anchor defined before it", m, null);
      }
      Object target = anchors.get(anchor);
      Integer w = weights.get(target);
      nodes += w == null ? 1 : w;
      if (nodes > maxNodes) {
        throw failure("document has more than " + maxNodes + " values (after expanding aliases)", m, null);
      }
      return target;
    }
    if (depth > maxDepth) {
      throw failure("document is nested deeper than " + maxDepth + " levels", m, null);
    }
    long before = nodes;
    Object value;
    if (e instanceof ScalarEvent) {
      value = Scalars.resolve((ScalarEvent) e);
    } else if (e instanceof MappingStartEvent) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (true) {
        Event k = parser.getEvent();
        if (k.is(Event.ID.MappingEnd)) {
          break;
        }
        if (!(k instanceof ScalarEvent) && !(k instanceof AliasEvent)) {
          throw failure("complex mapping keys (a map or list used as a key) are not supported", k.getStartMark(),
              null);
        }
        Object keyValue = k instanceof AliasEvent ? anchors.get(((AliasEvent) k).getAnchor())
            : Scalars.resolve((ScalarEvent) k);
        if (keyValue instanceof Map || keyValue instanceof List) {
          throw failure("complex mapping keys (a map or list used as a key) are not supported", k.getStartMark(),
              null);
        }
        String key = Scalars.keyString(keyValue);
        if (map.containsKey(key)) {
          throw failure("duplicate key \"" + key + "\" (map keys must be unique)", k.getStartMark(), null);
        }
        String childPath = path.isEmpty() ? key : path + "." + key;
        map.put(key, node(parser.getEvent(), childPath, depth + 1));
      }
      value = Collections.unmodifiableMap(map);
    } else if (e instanceof SequenceStartEvent) {
      List<Object> list = new ArrayList<>();
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        list.add(node(parser.getEvent(), path.isEmpty() ? Integer.toString(list.size())
            : path + "." + list.size(), depth + 1));
      }
      parser.getEvent();
      value = Collections.unmodifiableList(list);
    } else {
      throw failure("unexpected YAML event " + e.getEventId(), m, null);
    }
    if (e instanceof NodeEvent && ((NodeEvent) e).getAnchor() != null) {
      anchors.put(((NodeEvent) e).getAnchor(), value);
      if (value != null) {
        weights.put(value, (int) Math.min(Integer.MAX_VALUE, nodes - before));
      }
    }
    return value;
  }
}
