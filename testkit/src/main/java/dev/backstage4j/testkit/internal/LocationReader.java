package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a location as the catalog does: its generated Location entity, then the entity files it points at,
 * following Location entities' targets; every entity goes through {@link EntityProcessor}.
 */
final class LocationReader {
  private final EntityProcessor processor;

  LocationReader(EntityProcessor processor) {
    this.processor = processor;
  }

  static String targetOf(Path file) {
    return "file".equals(file.getFileSystem().provider().getScheme())
        ? file.toAbsolutePath().normalize().toString() : file.toUri().toString();
  }

  static String generatedRef(String type, String target) {
    return "location:default/" + generatedName(type, target);
  }

  static String generatedName(String type, String target) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return "generated-" + HexFormat.of().formatHex(sha1.digest((type + ":" + target)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a root location: its generated Location entity, then the file's entities. */
  List<StoredEntity> readRoot(StoredLocation loc, Path file, List<String> errors) {
    List<StoredEntity> out = new ArrayList<>();
    String locRef = loc.ref();
    Map<String, Object> generated = new LinkedHashMap<>();
    generated.put("apiVersion", "backstage.io/v1alpha1");
    generated.put("kind", "Location");
    Map<String, Object> md = new LinkedHashMap<>();
    md.put("name", generatedName(loc.type(), loc.target()));
    md.put("namespace", "default");
    generated.put("metadata", md);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", loc.type());
    spec.put("target", loc.target());
    generated.put("spec", spec);
    StoredEntity gen = processor.process(generated, locRef, locRef, null, null, locRef, errors);
    if (gen == null) {
      return out;
    }
    out.add(gen);
    readFile(file, locRef, gen.ref, out, errors, new LinkedHashSet<>());
    return out;
  }

  private void readFile(Path file, String origin, String parentRef, List<StoredEntity> out, List<String> errors,
      Set<Path> seen) {
    if (!seen.add(file.toAbsolutePath().normalize())) {
      return;
    }
    String locRef = "file:" + targetOf(file);
    List<Object> docs;
    try {
      docs = parseDocuments(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException ex) {
      errors.add(locRef + ": cannot read YAML: " + ex.getMessage());
      return;
    }
    // validation is the costly part of processing: check all documents in parallel, then process in order
    List<List<Violation>> checked = java.util.stream.IntStream.range(0, docs.size()).parallel()
        .mapToObj(i -> docs.get(i) instanceof Map<?, ?> m ? processor.validate(castMap(m)) : List.<Violation>of())
        .toList();
    for (int i = 0; i < docs.size(); i++) {
      if (!(docs.get(i) instanceof Map<?, ?>)) {
        errors.add(locRef + ": document " + (i + 1) + " is not an object");
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) docs.get(i);
      StoredEntity e = processor.process(tree, checked.get(i), locRef, origin, parentRef, file,
          locRef + " (document " + (i + 1) + ")", errors);
      if (e == null) {
        continue;
      }
      out.add(e);
      if ("location".equalsIgnoreCase(e.kind())) {
        Map<String, Object> spec = Json.map(e.processed, "spec");
        List<String> targets = new ArrayList<>();
        if (Json.str(spec, "target") != null) {
          targets.add(Json.str(spec, "target"));
        }
        if (spec != null && spec.get("targets") instanceof List<?> l) {
          l.forEach(t -> targets.add(String.valueOf(t)));
        }
        Path dir = file.toAbsolutePath().getParent();
        for (String t : targets) {
          Path child = dir.resolve(t.startsWith("./") ? t.substring(2) : t).normalize();
          if (Files.isRegularFile(child)) {
            readFile(child, origin, e.ref, out, errors, seen);
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /**
   * Parses a multi-document YAML text; big texts are cut at {@code ---} lines in column 0 (always document
   * separators in YAML) and the chunks parsed in parallel, keeping document order.
   */
  static List<Object> parseDocuments(String text) throws IOException {
    if (text.length() < 256 * 1024) {
      return Json.readYamlDocuments(text);
    }
    List<String> chunks = new ArrayList<>();
    int start = 0;
    int pos = 0;
    while (pos < text.length()) {
      int eol = text.indexOf('\n', pos);
      int next = eol < 0 ? text.length() : eol + 1;
      if (pos - start >= 64 * 1024 && text.startsWith("---", pos) && text.substring(pos, next).trim().equals("---")) {
        chunks.add(text.substring(start, pos));
        start = pos;
      }
      pos = next;
    }
    chunks.add(text.substring(start));
    List<List<Object>> parsed = chunks.parallelStream().map(c -> {
      try {
        return Json.readYamlDocuments(c);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    List<Object> out = new ArrayList<>();
    parsed.forEach(out::addAll);
    return out;
  }
}
