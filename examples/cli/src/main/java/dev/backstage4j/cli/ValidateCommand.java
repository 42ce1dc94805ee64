package dev.backstage4j.cli;

import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.SourceLocation;
import dev.backstage4j.catalog.model.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates catalog-info.yaml files offline, with the verdicts of a real catalog. */
final class ValidateCommand extends Command {
  ValidateCommand() {
    super("validate", "Validate catalog YAML files offline, with the same verdicts as the catalog.",
        "Prints file:line:column: field: message for every problem and exits with 1 if any entity is invalid, so"
            + " it works as a pre-commit hook or CI step. Directories are searched for *.yaml and *.yml files"
            + " (skipping hidden folders, build output and template skeleton/ folders).");
    params("FILE_OR_DIR", "catalog-info.yaml files or folders.");
  }

  @Override
  int run(Invocation in) {
    Cli cli = in.cli;
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < in.args().size(); i++) {
      paths.add(in.pathArg(i, "FILE_OR_DIR"));
    }
    Printer printer = cli.printer();
    Progress progress = cli.progress();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw CliException.usage("no such file or directory: " + p);
      }
      files.addAll(CatalogYaml.findFiles(p));
    }
    // Text output is streamed: each problem is printed as it is found and only counts are kept, so a file of
    // millions of entities validates in constant memory. Structured output needs every record at the end.
    boolean structured = printer.structured();
    List<Map<String, Object>> results = new ArrayList<>();
    int[] counts = new int[2];  // entities, invalid
    int n = 0;
    CatalogYaml yaml = CatalogYaml.create();
    for (Path file : files) {
      progress.update("validating " + (++n) + "/" + files.size() + " " + file);
      java.util.function.Consumer<Map<String, Object>> sink = r -> {
        counts[0]++;
        if (!(Boolean) r.get("valid")) {
          counts[1]++;
        }
        if (structured) {
          results.add(r);
        } else {
          printViolations(cli, r);
        }
      };
      try {
        yaml.read(file, doc -> sink.accept(result(doc.source(), doc.tree(), doc.validation().violations())));
      } catch (CatalogYamlException e) {
        SourceLocation at = SourceLocation.of(e.file(), Math.max(1, e.line()), Math.max(1, e.column()));
        sink.accept(result(at, null, List.of(Violation.of("", "is not valid YAML: " + e.problem()).at(at))));
      }
    }
    progress.done();
    int invalid = counts[1];
    if (structured) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("files", files.size());
      out.put("entities", counts[0]);
      out.put("invalid", invalid);
      out.put("results", results);
      printer.print(out, null);
    } else {
      cli.out().flush();
      cli.summary(counts[0] + " entities in " + files.size() + (files.size() == 1 ? " file: " : " files: ")
          + (invalid == 0 ? "all valid" : invalid + " invalid"));
    }
    return invalid == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  private static Map<String, Object> result(SourceLocation start, Map<String, ?> tree, List<Violation> violations) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", start.file());
    m.put("line", start.line());
    Object md = tree == null ? null : tree.get("metadata");
    m.put("kind", tree == null ? null : tree.get("kind"));
    m.put("name", md instanceof Map ? ((Map<?, ?>) md).get("name") : null);
    m.put("valid", violations.isEmpty());
    List<Map<String, Object>> vs = new ArrayList<>();
    for (Violation v : violations) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("path", v.path());
      vm.put("message", v.message());
      SourceLocation at = v.location() == null ? start : v.location();
      vm.put("file", at.file());
      vm.put("line", at.line());
      vm.put("column", at.column());
      vs.add(vm);
    }
    m.put("violations", vs);
    return m;
  }

  private static void printViolations(Cli cli, Map<String, Object> r) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> vs = (List<Map<String, Object>>) r.get("violations");
    for (Map<String, Object> v : vs) {
      String path = (String) v.get("path");
      cli.out().println(v.get("file") + ":" + v.get("line") + ":" + v.get("column") + ": "
          + (path.isEmpty() ? "" : path + ": ") + v.get("message"));
    }
  }
}
