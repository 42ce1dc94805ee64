package dev.backstage4j.scaffolder.internal;

import dev.backstage4j.catalog.model.CatalogDocument;
import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.SourceLocation;
import dev.backstage4j.scaffolder.TemplateFileException;
import dev.backstage4j.scaffolder.UnsafePathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a local template folder: the template YAML plus every file below the folder, paths relative to it. */
public final class TemplateFolder {
  private static final CatalogYaml YAML = CatalogYaml.create();
  private final Map<String, Object> template;
  private final Map<String, byte[]> files;

  private TemplateFolder(Map<String, Object> template, Map<String, byte[]> files) {
    this.template = template;
    this.files = files;
  }

  /** {@return the parsed template entity} */
  public Map<String, Object> template() {
    return template;
  }

  /** {@return the files (relative '/'-separated path to bytes) in a stable, sorted order} */
  public Map<String, byte[]> files() {
    return files;
  }

  /**
   * Reads {@code location}: either a template YAML file (its folder holds the skeleton) or a folder holding
   * {@code template.yaml}. Symbolic links that point outside the folder are rejected.
   */
  public static TemplateFolder read(Path location) {
    Path file = Files.isDirectory(location) ? location.resolve("template.yaml") : location;
    if (!Files.isRegularFile(file)) {
      throw new TemplateFileException(file + ": no template file found (expected template.yaml)", null);
    }
    Map<String, Object> template = parseYaml(file);
    Path dir;
    try {
      dir = file.toAbsolutePath().getParent().toRealPath();
    } catch (IOException e) {
      throw new TemplateFileException(file + ": cannot resolve its folder (" + e.getMessage() + ")", e);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> !p.equals(dir)).sorted().forEach(paths::add);
    } catch (IOException e) {
      throw new TemplateFileException(dir + ": cannot list files (" + e.getMessage() + ")", e);
    }
    for (Path p : paths) {
      String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
      try {
        if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(dir)) {
          throw new UnsafePathException(rel, "symbolic link points outside the template folder " + dir);
        }
        if (Files.isRegularFile(p)) {
          files.put(rel, Files.readAllBytes(p));
        }
      } catch (IOException e) {
        throw new TemplateFileException(p + ": cannot read (" + e.getMessage() + ")", e);
      }
    }
    return new TemplateFolder(template, files);
  }

  /**
   * Reads the template file as Backstage reads entity files (YAML 1.2: {@code yes} and {@code on} stay strings);
   * the catalog's verdict is left to the server. Errors name file:line:column.
   */
  private static Map<String, Object> parseYaml(Path file) {
    List<CatalogDocument> docs = YAML.read(file);
    if (docs.isEmpty() || docs.get(0).tree().isEmpty()) {
      SourceLocation at = docs.isEmpty() ? SourceLocation.of(file.toString(), 1, 1) : docs.get(0).source();
      throw new CatalogYamlException(at.file(), at.line(), at.column(),
          "expected a YAML mapping (a Template entity) at the top level", null);
    }
    return docs.get(0).tree();
  }
}
