package dev.backstage4j.adoption;

import dev.backstage4j.adoption.internal.YamlNode;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.InvalidEntityException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads entities from local catalog files, for scoring a monorepo in CI without a running Backstage. A directory
 * is searched recursively for {@code catalog-info.yaml} and {@code catalog-info.yml} (skipping {@code .git},
 * {@code node_modules} and {@code target}); a file is read whatever its name. Every YAML document in a file is one
 * entity; empty documents are skipped.
 *
 * <p>Iterating reads one file at a time, so memory stays bounded by the largest file.
 */
public final class CatalogFiles implements Iterable<Entity> {
  private static final Set<String> SKIP = Set.of(".git", "node_modules", "target");

  private final List<Path> files;

  private CatalogFiles(List<Path> files) {
    this.files = files;
  }

  /**
   * Returns the entities in the given files and directories.
   *
   * @throws ScorecardFileException if a path does not exist or a directory cannot be listed
   */
  public static CatalogFiles of(Path... paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> !skipped(p, f))
              .filter(f -> {
                String n = f.getFileName().toString();
                return Files.isRegularFile(f) && (n.equals("catalog-info.yaml") || n.equals("catalog-info.yml"));
              })
              .sorted()
              .forEach(out::add);
        } catch (IOException | UncheckedIOException e) {
          throw new ScorecardFileException(p.toString(), 0, "cannot list directory: " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new ScorecardFileException(p.toString(), 0, "no such file or directory");
      }
    }
    return new CatalogFiles(Collections.unmodifiableList(out));
  }

  private static boolean skipped(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      if (SKIP.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /** {@return the files that will be read} */
  public List<Path> files() {
    return files;
  }

  /**
   * Returns an iterator that reads the files in order.
   *
   * @throws ScorecardFileException from {@code hasNext()} naming file and line for unreadable files, invalid YAML
   *     and documents that are not entities
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

  /** Returns the entities of one file. */
  @SuppressWarnings("unchecked")
  static List<Entity> readFile(Path file) {
    List<YamlNode> docs;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      docs = YamlNode.readAll(r);
    } catch (YamlNode.SyntaxError e) {
      throw new ScorecardFileException(file.toString(), e.line(), "invalid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw new ScorecardFileException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    List<Entity> out = new ArrayList<>();
    for (YamlNode doc : docs) {
      if (doc.scalar() == null && !doc.isMap() && !doc.isList()) {
        continue;
      }
      if (!doc.isMap()) {
        throw new ScorecardFileException(file.toString(), doc.line(), "document must be an entity object, found "
            + doc.typeName());
      }
      try {
        out.add(Entity.fromMap((Map<String, Object>) doc.toPlain()));
      } catch (InvalidEntityException e) {
        String field = e.violations().isEmpty() ? "" : e.violations().get(0).path();
        int line = lineOf(doc, field);
        throw new ScorecardFileException(file.toString(), line, e.getMessage());
      }
    }
    return out;
  }

  /** {@return the line of the deepest node on a dotted path that exists, or the document's line} */
  private static int lineOf(YamlNode doc, String dotted) {
    YamlNode cur = doc;
    if (dotted != null && !dotted.isEmpty()) {
      for (String part : dotted.split("\\.")) {
        if (!cur.isMap() || !cur.map().containsKey(part)) {
          break;
        }
        cur = cur.map().get(part);
      }
    }
    return cur.line();
  }

  /** {@return the number of files} */
  @Override
  public String toString() {
    return "CatalogFiles{" + files.size() + " files}";
  }
}
