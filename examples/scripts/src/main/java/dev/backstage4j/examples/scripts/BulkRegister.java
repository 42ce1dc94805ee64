package dev.backstage4j.examples.scripts;

import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.LocationRegistration;
import dev.backstage4j.catalog.model.CatalogDocument;
import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.ConflictException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds every catalog-info.yaml below a folder, checks each offline, and registers the valid ones as
 * {@code file} locations (the backend must be allowed to read them; see Backstage's
 * {@code catalog.locations} rules). {@code --dry-run} only asks the catalog what each would add.
 *
 * <pre>java -cp examples/scripts/target/scripts.jar dev.backstage4j.examples.scripts.BulkRegister ~/src [--dry-run]</pre>
 */
public final class BulkRegister {
  private static final CatalogYaml YAML = CatalogYaml.create();

  private BulkRegister() {
  }

  /**
   * Runs the script; exits with 1 if any file was invalid or failed to register.
   *
   * @param args the folder to search, then optionally {@code --dry-run}
   * @throws IOException if the folder cannot be walked
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: BulkRegister <folder> [--dry-run]");
      System.exit(2);
    }
    boolean dryRun = List.of(args).contains("--dry-run");
    int failed = run(Connect.catalog(), Path.of(args[0]), dryRun, System.out);
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Registers (or dry-runs) every catalog-info.yaml below {@code root}; returns how many failed. */
  static int run(CatalogClient catalog, Path root, boolean dryRun, PrintStream out) throws IOException {
    List<Path> files = CatalogYaml.findFiles(root).stream()
        .filter(p -> p.getFileName().toString().equals("catalog-info.yaml")).toList();
    int failed = 0;
    for (Path file : files) {
      String invalid = firstProblem(file);
      if (invalid != null) {
        out.println("SKIP     " + file + ": " + invalid);
        failed++;
        continue;
      }
      String target = file.toAbsolutePath().normalize().toString();
      try {
        LocationRegistration r = dryRun ? catalog.locations().dryRun("file", target)
            : catalog.locations().register("file", target);
        out.println((dryRun ? "WOULD ADD " : "ADDED    ") + file + ": " + r.entities().size() + " entities");
      } catch (ConflictException e) {
        out.println("EXISTS   " + file);
      } catch (BackstageException e) {
        out.println("FAILED   " + file + ": " + e.getMessage());
        failed++;
      }
    }
    out.println(files.size() + " files, " + failed + " failed");
    return failed;
  }

  /** The first reason the catalog would refuse the file (read as the catalog reads it), or null. */
  private static String firstProblem(Path file) {
    try {
      for (CatalogDocument doc : YAML.read(file)) {
        if (!doc.isValid()) {
          return doc.validation().violations().get(0).toString();
        }
      }
      return null;
    } catch (CatalogYamlException e) {
      return "not valid YAML: " + e.getMessage();
    }
  }
}
