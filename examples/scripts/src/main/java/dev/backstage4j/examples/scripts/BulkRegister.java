package dev.backstage4j.examples.scripts;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.LocationRegistration;
import dev.backstage4j.catalog.model.EntityValidator;
import dev.backstage4j.catalog.model.ValidationResult;
import dev.backstage4j.core.BackstageException;
import dev.backstage4j.core.ConflictException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds every catalog-info.yaml below a folder, checks each offline, and registers the valid ones as
 * {@code file} locations (the backend must be allowed to read them; see Backstage's
 * {@code catalog.locations} rules). {@code --dry-run} only asks the catalog what each would add.
 *
 * <pre>java -cp examples/scripts/target/scripts.jar dev.backstage4j.examples.scripts.BulkRegister ~/src [--dry-run]</pre>
 */
public final class BulkRegister {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private BulkRegister() {
  }

  /** Runs the script; exits with 1 if any file was invalid or failed to register. */
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
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.getFileName().toString().equals("catalog-info.yaml"))
          .filter(p -> !p.toString().contains("/node_modules/")).sorted().collect(Collectors.toList());
    }
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

  @SuppressWarnings("unchecked")
  private static String firstProblem(Path file) {
    try (MappingIterator<Object> docs = YAML.readerFor(Object.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        Object doc = docs.next();
        if (!(doc instanceof Map)) {
          continue;
        }
        ValidationResult r = EntityValidator.create().validate((Map<String, ?>) doc);
        if (!r.isValid()) {
          return r.violations().get(0).toString();
        }
      }
      return null;
    } catch (IOException e) {
      return "not valid YAML: " + e.getMessage().lines().findFirst().orElse("");
    }
  }
}
