package dev.backstage4j.testkit.internal;

import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.Violation;
import dev.backstage4j.core.internal.Trees;
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
  /** Entity files are read as Backstage reads them: YAML 1.2, every violation with its file:line:column. */
  private static final CatalogYaml YAML = CatalogYaml.create();
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
    // a file that is not readable YAML yields no entity at all, as in the catalog; keep only what processing
    // needs of each document (not its field positions) until the whole file is known to be readable
    List<Map.Entry<Map<String, Object>, List<Violation>>> docs = new ArrayList<>();
    try {
      YAML.read(file, doc -> docs.add(Map.entry(doc.tree(), doc.validation().violations())));
    } catch (CatalogYamlException ex) {
      errors.add(ex.getMessage());
      return;
    }
    for (int i = 0; i < docs.size(); i++) {
      StoredEntity e = processor.process(docs.get(i).getKey(), docs.get(i).getValue(), locRef, origin, parentRef,
          file, locRef + " (document " + (i + 1) + ")", errors);
      if (e == null) {
        continue;
      }
      out.add(e);
      if ("location".equalsIgnoreCase(e.kind())) {
        Map<String, Object> spec = Trees.map(e.processed, "spec", "$");
        List<String> targets = new ArrayList<>();
        if (Trees.text(spec, "target", "$.spec") != null) {
          targets.add(Trees.text(spec, "target", "$.spec"));
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
}
