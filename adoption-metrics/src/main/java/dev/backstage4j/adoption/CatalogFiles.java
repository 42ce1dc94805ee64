package dev.backstage4j.adoption;

import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.InvalidEntityException;
import dev.backstage4j.catalog.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads entities from local catalog files, for scoring a monorepo in CI without a running Backstage. A directory
 * is searched recursively for {@code catalog-info.yaml} and {@code catalog-info.yml} (in the folders {@link
 * CatalogYaml#findFiles} searches: not hidden folders, {@code node_modules}, build output or template {@code
 * skeleton} folders); a file is read whatever its name. Files are read as Backstage reads them (YAML 1.2: {@code
 * yes}, {@code on} and {@code no} stay strings); every YAML document in a file is one entity; empty documents are
 * skipped.
 *
 * <p>Iterating reads one file at a time, so memory stays bounded by the largest file.
 */
public final class CatalogFiles implements Iterable<Entity> {
  private static final CatalogYaml YAML = CatalogYaml.create();

  private final List<Path> files;

  private CatalogFiles(List<Path> files) {
    this.files = files;
  }

  /**
   * {@return the entities in the given files and directories}
   *
   * @param paths catalog YAML files, and directories searched for them
   * @throws CatalogYamlException if a path does not exist or a directory cannot be listed
   */
  public static CatalogFiles of(Path... paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        for (Path f : CatalogYaml.findFiles(p)) {
          String n = f.getFileName().toString();
          if (n.equals("catalog-info.yaml") || n.equals("catalog-info.yml")) {
            out.add(f);
          }
        }
      } else {
        out.addAll(CatalogYaml.findFiles(p));
      }
    }
    return new CatalogFiles(Collections.unmodifiableList(out));
  }

  /** {@return the files that will be read} */
  public List<Path> files() {
    return files;
  }

  /**
   * Returns an iterator that reads the files in order.
   *
   * @throws CatalogYamlException from {@code hasNext()} naming file, line and column for unreadable files,
   *     invalid YAML and documents that are not entities
   */
  @Override
  public Iterator<Entity> iterator() {
    return new Iterator<>() {
      private int next;
      private Iterator<Entity> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next < files.size()) {
          current = readFile(files.get(next++)).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Entity next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Returns the entities of one file. Scoring wants incomplete entities too (a missing owner is what a check
   * reports), so a document only needs to be an entity envelope, not pass the catalog's kind rules.
   */
  static List<Entity> readFile(Path file) {
    List<Entity> out = new ArrayList<>();
    YAML.read(file, doc -> {
      if (doc.tree().isEmpty()) {
        SourceLocation at = doc.source();
        throw new CatalogYamlException(at.file(), at.line(), at.column(), doc.validation().violations().isEmpty()
            ? "document must be an entity object, found an empty object"
            : doc.validation().violations().get(0).message(), null);
      }
      try {
        out.add(Entity.fromMap(doc.tree()));
      } catch (InvalidEntityException e) {
        String field = e.violations().isEmpty() ? "" : e.violations().get(0).path();
        SourceLocation at = doc.locationOf(field);
        throw new CatalogYamlException(at.file(), at.line(), at.column(), e.getMessage(), e);
      }
    });
    return out;
  }

  /** Returns the number of files. */
  @Override
  public String toString() {
    return "CatalogFiles{" + files.size() + " files}";
  }
}
