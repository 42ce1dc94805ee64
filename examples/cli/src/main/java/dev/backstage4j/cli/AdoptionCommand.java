package dev.backstage4j.cli;

import dev.backstage4j.adoption.CatalogFiles;
import dev.backstage4j.adoption.CatalogKpis;
import dev.backstage4j.adoption.Dimension;
import dev.backstage4j.adoption.EvaluationContext;
import dev.backstage4j.adoption.Gate;
import dev.backstage4j.adoption.GateResult;
import dev.backstage4j.adoption.Ratio;
import dev.backstage4j.adoption.Reports;
import dev.backstage4j.adoption.Rollup;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.adoption.SnapshotDiff;
import dev.backstage4j.adoption.Snapshots;
import dev.backstage4j.catalog.model.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Groups the adoption commands: report, kpis, gate, diff. */
@Command(name = "adoption", mixinStandardHelpOptions = true,
    description = AdoptionCommand.DESCRIPTION,
    subcommands = {AdoptionCommand.Report.class, AdoptionCommand.Kpis.class, AdoptionCommand.GateCommand.class,
        AdoptionCommand.Diff.class})
final class AdoptionCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION =
      "Score the catalog with a scorecard: reports, KPIs, a CI gate, and what changed between runs.";

  private AdoptionCommand() {
  }

  /** Report formats. */
  enum Format {
    HTML, MD, JSON, CSV
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"Score every entity and write a report: a self-contained HTML page, Markdown, JSON or CSV.",
          "With --out the report goes to the file and a summary to stdout; without, the report goes to stdout.",
          "Example: backstage4j adoption report --embedded --format html --out adoption-report.html"})
  static final class Report implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Adoption adoption;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "html, md, json or csv (default: from the --out extension, else md).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here.")
    Path out;

    @Option(names = "--by", paramLabel = "DIMENSION",
        description = "For csv: one row per owner, system, domain or kind instead of per entity.")
    Dimension by;

    @Option(names = "--snapshot-dir", paramLabel = "DIR",
        description = "Save this run as a JSON snapshot there, and show the trend over earlier ones (html).")
    Path snapshotDir;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      Format f = format != null ? format : fromExtension(out);
      ScorecardResult result = adoption.evaluate(cli);
      Path snapshot = snapshotDir == null ? null : Snapshots.save(result, snapshotDir);
      String text;
      switch (f) {
        case HTML:
          text = snapshotDir == null ? Reports.html(result)
              : Reports.html(result, Snapshots.loadAll(snapshotDir), null);
          break;
        case JSON:
          text = Reports.json(result);
          break;
        case CSV:
          text = by == null ? Reports.csv(result) : Reports.csv(result, by);
          break;
        default:
          text = Reports.markdown(result);
      }
      if (out == null) {
        cli.out().print(text);
        cli.out().flush();
        return ExitCodes.OK;
      }
      write(out, text);
      Map<String, Object> data = summary(result);
      data.put("format", f.name().toLowerCase(Locale.ROOT));
      data.put("out", out.toString());
      data.put("snapshot", snapshot == null ? null : snapshot.toString());
      if (cli.printer().structured()) {
        cli.printer().print(data, null);
      } else if (!cli.quiet) {
        for (String line : summaryLines(result)) {
          cli.out().println(line);
        }
        cli.out().println("Wrote " + out + " (" + f.name().toLowerCase(Locale.ROOT) + ", "
            + (text.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024 + " KiB)"
            + (snapshot == null ? "" : "; snapshot " + snapshot));
        cli.out().flush();
      }
      return ExitCodes.OK;
    }

    private static Format fromExtension(Path out) {
      String n = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".html") || n.endsWith(".htm")) {
        return Format.HTML;
      }
      if (n.endsWith(".json")) {
        return Format.JSON;
      }
      if (n.endsWith(".csv")) {
        return Format.CSV;
      }
      return Format.MD;
    }
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The headline numbers of a run, as plain data. */
  static Map<String, Object> summary(ScorecardResult result) {
    Rollup total = result.total();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scorecard", result.scorecardName());
    m.put("entities", total.entities());
    m.put("scorePercent", Math.round(total.scorePercent() * 10) / 10.0);
    Map<String, Object> levels = new LinkedHashMap<>();
    result.tracks().forEach(t -> levels.put(t.name(), total.levelCounts(t.name())));
    m.put("levels", levels);
    Map<String, Object> owners = new LinkedHashMap<>();
    teams(result).forEach(r -> owners.put(r.key(), Math.round(r.scorePercent() * 10) / 10.0));
    m.put("owners", owners);
    return m;
  }

  private static List<Rollup> teams(ScorecardResult result) {
    List<Rollup> teams = new ArrayList<>(result.rollups(Dimension.OWNER));
    teams.sort(Comparator.comparingDouble(Rollup::scorePercent).reversed().thenComparing(Rollup::key));
    return teams;
  }

  /** The summary printed on stdout after a report is written. */
  static List<String> summaryLines(ScorecardResult result) {
    Rollup total = result.total();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s: %d entities scored, %.0f%% of points", result.scorecardName(),
        total.entities(), total.scorePercent()));
    lines.addAll(Adoption.levelLines(result));
    List<String> parts = new ArrayList<>();
    for (Rollup r : teams(result)) {
      parts.add(String.format(Locale.ROOT, "%s %.0f%%", r.key(), r.scorePercent()));
    }
    if (!parts.isEmpty()) {
      lines.add("Owners: " + String.join(", ", parts));
    }
    return lines;
  }

  @Command(name = "kpis", mixinStandardHelpOptions = true,
      description = "Print the catalog's adoption KPIs: ownership, owners that exist, docs, systems, lifecycle.")
  static final class Kpis implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      List<Entity> all = Adoption.readCatalog(cli);
      CatalogKpis k = CatalogKpis.compute(all, EvaluationContext.gather(all));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("entities", k.entities());
      data.put("entitiesByKind", k.entitiesByKind());
      data.put("owned", ratio(k.owned()));
      data.put("ownersResolving", ratio(k.ownersResolving()));
      data.put("withDocs", ratio(k.withDocs()));
      data.put("withSystem", ratio(k.withSystem()));
      data.put("withLifecycle", ratio(k.withLifecycle()));
      data.put("orphans", k.orphans());
      data.put("unresolvedOwners", k.unresolvedOwners());
      data.put("entitiesPerOwner", k.entitiesPerOwner());
      cli.printer().print(data, () -> {
        Printer.Table t = Printer.Table.of("KPI", "VALUE");
        t.row("entities", k.entities());
        t.row("owned", text(k.owned()));
        t.row("owners that exist", text(k.ownersResolving()));
        t.row("with docs", text(k.withDocs()));
        t.row("in a system", text(k.withSystem()));
        t.row("with lifecycle", text(k.withLifecycle()));
        t.row("orphans", k.orphans());
        t.row("unresolved owners", k.unresolvedOwners());
        return t;
      });
      return ExitCodes.OK;
    }

    private static Map<String, Object> ratio(Ratio r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("count", r.count());
      m.put("total", r.total());
      m.put("percent", Math.round(r.percent() * 10) / 10.0);
      return m;
    }

    private static String text(Ratio r) {
      return String.format(Locale.ROOT, "%d/%d (%.0f%%)", r.count(), r.total(), r.percent());
    }
  }

  @Command(name = "gate", mixinStandardHelpOptions = true,
      description = {"CI gate: exit 1 when any selected entity is below --level of the track, listing what to",
          "fix. Select by --owner, or by the entities of catalog-info.yaml files (--entities); default: all."})
  static final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Adoption adoption;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "The level required, e.g. Silver.")
    String level;

    @Option(names = "--track", paramLabel = "TRACK", description = "The track (default: the scorecard's first).")
    String track;

    @Option(names = "--owner", split = ",", paramLabel = "OWNER", description = "Only entities of these owners.")
    List<String> owners;

    @Option(names = "--entities", paramLabel = "FILE", description = "Only the entities in these catalog files.")
    List<Path> entityFiles;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      ScorecardResult result = adoption.evaluate(cli);
      String t = track != null ? track : result.tracks().isEmpty() ? null : result.tracks().get(0).name();
      if (t == null) {
        throw CliException.usage("the scorecard has no tracks, so there is no level to require");
      }
      Gate gate = Gate.requireLevel(t, level);
      if (owners != null && !owners.isEmpty()) {
        gate = gate.forOwners(owners.toArray(new String[0]));
      }
      if (entityFiles != null && !entityFiles.isEmpty()) {
        gate = gate.forEntities(CatalogFiles.of(entityFiles.toArray(new Path[0])));
      }
      GateResult verdict = gate.check(result);
      if (verdict.exitCode() == 2) {
        throw CliException.usage(verdict.message());
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("passed", verdict.passed());
      data.put("track", t);
      data.put("level", level);
      List<String> below = new ArrayList<>();
      verdict.below().forEach(e -> below.add(e.ref().toString()));
      data.put("below", below);
      data.put("message", verdict.message());
      if (cli.printer().structured()) {
        cli.printer().print(data, null);
      } else {
        cli.out().println(verdict.message());
        cli.out().flush();
      }
      return verdict.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "Show what changed between two snapshots (adoption report --snapshot-dir, or --format json).")
  static final class Diff implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLDER", description = "The older snapshot (JSON).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEWER", description = "The newer snapshot (JSON).")
    Path newer;

    @Override
    public Integer call() {
      Cli cli = Cli.of(spec);
      for (Path p : List.of(older, newer)) {
        if (!Files.isRegularFile(p)) {
          throw CliException.usage("no such snapshot: " + p);
        }
      }
      SnapshotDiff diff = SnapshotDiff.between(ScorecardResult.readJson(older), ScorecardResult.readJson(newer));
      if (!cli.printer().structured()) {
        cli.out().print(Reports.markdown(diff));
        cli.out().flush();
        return ExitCodes.OK;
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("before", summary(diff.before()));
      data.put("after", summary(diff.after()));
      data.put("added", diff.added());
      data.put("removed", diff.removed());
      List<Map<String, Object>> levels = new ArrayList<>();
      diff.levelChanges().forEach(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity", c.entity());
        m.put("owner", c.owner());
        m.put("track", c.track());
        m.put("from", c.from());
        m.put("to", c.to());
        m.put("up", c.up());
        levels.add(m);
      });
      data.put("levelChanges", levels);
      List<Map<String, Object>> checks = new ArrayList<>();
      diff.checkChanges().forEach(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", c.checkId());
        m.put("before", c.before());
        m.put("after", c.after());
        checks.add(m);
      });
      data.put("checkChanges", checks);
      cli.printer().print(data, null);
      return ExitCodes.OK;
    }
  }
}
