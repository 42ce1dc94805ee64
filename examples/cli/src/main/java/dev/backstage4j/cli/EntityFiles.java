package dev.backstage4j.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstage4j.catalog.model.SourceLocation;
import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads catalog YAML files (several documents per file) into plain trees, remembering the line and column of
 * every field so violations can be reported as {@code file:line:column}.
 */
final class EntityFiles {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build", "skeleton");

  private EntityFiles() {
  }

  /** One YAML document: its tree (null when it could not be parsed) and the locations of its fields. */
  static final class Document {
    final Object tree;
    final SourceLocation start;
    final Map<String, SourceLocation> locations;
    final Violation syntaxError;

    Document(Object tree, SourceLocation start, Map<String, SourceLocation> locations, Violation syntaxError) {
      this.tree = tree;
      this.start = start;
      this.locations = locations;
      this.syntaxError = syntaxError;
    }

    /** Places a violation at the field it names, or its nearest parent that is in the file. */
    Violation locate(Violation v) {
      String path = v.path();
      while (true) {
        SourceLocation at = locations.get(path);
        if (at != null) {
          return v.at(at);
        }
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
          return v.at(start);
        }
        path = path.substring(0, dot);
      }
    }
  }

  /**
   * Expands files and directories into the YAML files to check. Files named on the command line are always
   * checked; in directories, *.yaml and *.yml files are, except under hidden folders, build output and
   * template {@code skeleton/} folders (template input, not catalog data).
   */
  static List<Path> expand(List<Path> args) {
    List<Path> files = new ArrayList<>();
    for (Path p : args) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          files.addAll(walk.filter(f -> Files.isRegularFile(f) && isYaml(f) && !skipped(p, f)).sorted()
              .collect(Collectors.toList()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw CliException.usage("no such file or directory: " + p);
      }
    }
    return files;
  }

  private static boolean isYaml(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static boolean skipped(Path root, Path f) {
    Path rel = root.relativize(f).getParent();
    if (rel == null) {
      return false;
    }
    for (Path part : rel) {
      String n = part.toString();
      if (n.startsWith(".") || SKIPPED_DIRS.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /** Reads every document of a file; a syntax error ends the file with a document holding the error. */
  static List<Document> read(Path file, String name) {
    List<Document> docs = new ArrayList<>();
    try (JsonParser p = YAML.createParser(Files.newBufferedReader(file))) {
      while (true) {
        JsonToken t;
        try {
          t = p.nextToken();
          if (t == null) {
            break;
          }
          SourceLocation start = location(name, p.currentTokenLocation());
          Map<String, SourceLocation> locations = new HashMap<>();
          Object tree = value(p, "", name, locations);
          if (tree != null) {
            docs.add(new Document(tree, start, locations, null));
          }
        } catch (JsonProcessingException e) {
          JsonLocation at = e.getLocation();
          SourceLocation where = at == null ? SourceLocation.of(name, 1, 1) : location(name, at);
          docs.add(new Document(null, where, Map.of(),
              Violation.of("", "is not valid YAML: " + e.getOriginalMessage()).at(where)));
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private static Object value(JsonParser p, String path, String name, Map<String, SourceLocation> locations)
      throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          String child = path.isEmpty() ? key : path + "." + key;
          SourceLocation at = location(name, p.currentTokenLocation());
          if (map.containsKey(key)) {
            throw new DuplicateKeyException("Map keys must be unique; \"" + key + "\" is repeated", p);
          }
          locations.put(child, at);
          p.nextToken();
          map.put(key, value(p, child, name, locations));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = path.isEmpty() ? String.valueOf(list.size()) : path + "." + list.size();
          locations.put(child, location(name, p.currentTokenLocation()));
          list.add(value(p, child, name, locations));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_EMBEDDED_OBJECT:
        return p.getEmbeddedObject() == null ? null : String.valueOf(p.getEmbeddedObject());
      default:
        return null;
    }
  }

  private static SourceLocation location(String name, JsonLocation at) {
    return SourceLocation.of(name, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  /** A repeated key in one mapping, which the catalog's YAML parser rejects. */
  private static final class DuplicateKeyException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(String message, JsonParser p) {
      super(message, p.currentTokenLocation());
    }
  }
}
