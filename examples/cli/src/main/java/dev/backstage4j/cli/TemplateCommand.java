package dev.backstage4j.cli;

import dev.backstage4j.catalog.EntityFilter;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.CatalogDocument;
import dev.backstage4j.catalog.model.CatalogYaml;
import dev.backstage4j.catalog.model.CatalogYamlException;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.SourceLocation;
import dev.backstage4j.catalog.model.Violation;
import dev.backstage4j.scaffolder.Action;
import dev.backstage4j.scaffolder.DryRunRequest;
import dev.backstage4j.scaffolder.DryRunResult;
import dev.backstage4j.scaffolder.Secrets;
import dev.backstage4j.scaffolder.TaskRequest;
import dev.backstage4j.scaffolder.TemplateParameterSchema;
import dev.backstage4j.scaffolder.template.TemplateProblem;
import dev.backstage4j.scaffolder.template.TemplateValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;

/** Groups the template commands: list, actions, validate, dry-run, run. */
final class TemplateCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION = "List, check, dry-run and run software templates.";

  static final String VALUES_HELP = "A value as key=value (read as YAML 1.2: 3 is a number, true a boolean, yes a"
      + " string), an inline JSON/YAML object ('{\"name\":\"x\"}'), - for an object on stdin, or a YAML/JSON file"
      + " (@file or a path); repeatable, later ones win. Parameters left out get the template's defaults, as"
      + " Backstage's form fills them in (the scaffolder applies none).";

  private TemplateCommand() {
  }

  /** The group's commands, in help order. */
  static List<Command> commands() {
    return List.of(new ListTemplates(), new Actions(), new Validate(), new DryRun(), new Run());
  }

  /** The template inputs shared by dry-run and run: values, and secrets that are never printed. */
  static final class Inputs {
    private final Option valuesOption;
    private final Option secretsOption;

    /** Declares {@code --values} and {@code --secret} on the command. */
    Inputs(Command command) {
      valuesOption = command.value("values", "KEY=VALUE|JSON|-|@FILE", VALUES_HELP);
      secretsOption = command.value("secret", "NAME=VALUE", "A secret; never printed.");
    }

    Map<String, Object> values(Invocation in) {
      return Values.parse(in.values(valuesOption));
    }

    Secrets secrets(Invocation in) {
      return Secrets.of(Values.strings(in.values(secretsOption), "--secret"));
    }
  }

  static final class ListTemplates extends Command {
    ListTemplates() {
      super("list", "List the templates in the catalog.", null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      EntityQuery q = EntityQuery.builder().filter(EntityFilter.builder().kind("template").build()).build();
      List<Entity> templates = cli.backstage().catalog().entities().query(q).toList();
      List<Map<String, Object>> data = new ArrayList<>();
      for (Entity t : templates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", t.ref().toString());
        m.put("title", t.metadata().title());
        m.put("type", t.spec().get("type"));
        m.put("owner", t.spec().get("owner"));
        m.put("description", t.metadata().description());
        data.add(m);
      }
      cli.printer().print(data, () -> {
        Printer.Table table = Printer.Table.of("REF", "TYPE", "OWNER", "TITLE");
        data.forEach(m -> table.row(m.get("ref"), m.get("type"), m.get("owner"), m.get("title")));
        return table;
      });
      return ExitCodes.OK;
    }
  }

  static final class Actions extends Command {
    Actions() {
      super("actions", "List the actions the scaffolder has installed.", null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      List<Action> actions = cli.backstage().scaffolder().actions().list();
      List<Map<String, Object>> data = new ArrayList<>();
      for (Action a : actions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("description", a.description());
        m.put("inputSchema", a.inputSchema());
        data.add(m);
      }
      cli.printer().print(data, () -> {
        Printer.Table t = Printer.Table.of("ID", "DESCRIPTION");
        actions.forEach(a -> t.row(a.id(), a.description() == null ? "" : a.description().lines().findFirst()
            .orElse("")));
        return t;
      });
      return ExitCodes.OK;
    }
  }

  static final class Validate extends Command {
    Validate() {
      super("validate", "Check a template offline: the catalog's verdict on the Template entity plus the"
          + " scaffolder's rules (steps, actions, parameters, expressions).", "Exit code 1 on any problem.");
      param("DIR_OR_FILE", "A template folder (with template.yaml) or the file.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      Path file = templateFile(in.pathArg(0, "DIR_OR_FILE"));
      List<Map<String, Object>> problems = new ArrayList<>();
      List<CatalogDocument> docs;
      try {
        docs = CatalogYaml.create().read(file);
      } catch (CatalogYamlException e) {
        SourceLocation at = SourceLocation.of(e.file(), Math.max(1, e.line()), Math.max(1, e.column()));
        docs = List.of();
        problems.add(problem(Violation.of("", "is not valid YAML: " + e.problem()).at(at)));
      }
      for (CatalogDocument doc : docs) {
        if (doc.tree().isEmpty()) {
          problems.add(problem(Violation.of("", "is not a Template entity").at(doc.source())));
          continue;
        }
        doc.validation().violations().forEach(v -> problems.add(problem(v)));
        for (TemplateProblem p : TemplateValidator.offline().validate(doc.tree())) {
          SourceLocation at = doc.locationOf(dotted(p.location()));
          problems.add(problem(Violation.of(p.location(), p.message()).at(at)));
        }
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("file", file.toString());
      data.put("valid", problems.isEmpty());
      data.put("problems", problems);
      if (cli.printer().structured()) {
        cli.printer().print(data, null);
      } else {
        problems.forEach(p -> cli.out().println(p.get("text")));
        cli.out().flush();
      }
      cli.summary(problems.isEmpty() ? file + ": valid" : file + ": " + problems.size() + " problems");
      return problems.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static Map<String, Object> problem(Violation v) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", v.path());
      m.put("message", v.message());
      m.put("line", v.location() == null ? null : v.location().line());
      m.put("text", v.toString());
      return m;
    }

    /** Turns {@code spec.steps[1] (publish).input.url} into the dotted {@code spec.steps.1.input.url}. */
    static String dotted(String location) {
      return location.replaceAll(" \\([^)]*\\)", "").replaceAll("\\[(\\d+)]", ".$1");
    }
  }

  static Path templateFile(Path location) {
    if (Files.isDirectory(location)) {
      Path f = location.resolve("template.yaml");
      if (!Files.isRegularFile(f)) {
        throw CliException.usage("no template.yaml in " + location);
      }
      return f;
    }
    if (!Files.isRegularFile(location)) {
      throw CliException.usage("no such template folder or file: " + location);
    }
    return location;
  }

  static final class DryRun extends Command {
    private final Inputs inputs = new Inputs(this);
    private final Option outOption = value("out", "DIR", "Where to write the produced files.");

    DryRun() {
      super("dry-run", "Run a local template on the scaffolder without side effects.",
          "Prints its log and writes the files it would produce to --out.");
      param("DIR", "A template folder (template.yaml plus its files).");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      Path location = in.pathArg(0, "DIR");
      Path out = in.path(outOption);
      templateFile(location);
      DryRunRequest.Builder builder = DryRunRequest.fromDirectory(location).secrets(inputs.secrets(in));
      DryRunRequest request = builder.values(TemplateParameterSchema.fromTemplate(builder.build().template())
          .withDefaults(inputs.values(in))).build();
      DryRunResult result = cli.backstage().scaffolder().templates().dryRun(request);
      List<String> written = new ArrayList<>();
      if (out != null) {
        result.writeTo(out).forEach(p -> written.add(p.toString()));
      }
      List<String> log = new ArrayList<>();
      result.log().forEach(e -> log.add((e.stepId() == null ? "" : "[" + e.stepId() + "] ")
          + e.message().replaceAll("\u001B\\[[0-9;]*m", "")));
      List<String> files = new ArrayList<>();
      result.files().forEach(f -> files.add(f.path()));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("log", log);
      data.put("output", result.output());
      data.put("files", files);
      data.put("written", written);
      cli.printer().print(data, () -> {
        Printer.Table t = Printer.Table.of("FILE");
        files.forEach(t::row);
        return t;
      });
      if (!cli.quiet && !cli.printer().structured()) {
        log.forEach(l -> cli.err().println(l));
        cli.err().flush();
      }
      cli.summary(files.size() + " files produced" + (out == null ? " (use --out DIR to write them)"
          : ", written to " + out));
      return ExitCodes.OK;
    }
  }

  static final class Run extends Command {
    private final Inputs inputs = new Inputs(this);
    private final Option followOption = flag("follow", "Print the task's log until it ends.");

    Run() {
      super("run", "Start a task from a template in the catalog and print its id.",
          "With --follow, print its log live and exit with 1 if it fails.");
      param("TEMPLATE_REF", "[template:][namespace/]name");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      EntityRef ref = EntityRef.parse(in.arg(0), "template", null);
      Map<String, Object> values = cli.backstage().scaffolder().templates().parameterSchema(ref)
          .withDefaults(inputs.values(in));
      TaskRequest request = TaskRequest.builder().templateRef(ref).values(values).secrets(inputs.secrets(in))
          .build();
      String taskId = cli.backstage().scaffolder().tasks().create(request);
      if (!in.flag(followOption)) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", taskId);
        cli.printer().print(data, () -> Printer.Table.of("TASK").row(taskId));
        return ExitCodes.OK;
      }
      return TaskCommand.follow(cli, taskId, 0);
    }
  }
}
