package dev.backstage4j.cli;

import dev.backstage4j.adoption.Campaign;
import dev.backstage4j.adoption.CampaignProgress;
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
import org.apache.commons.cli.Option;

/** Groups the adoption commands: report, kpis, gate, diff, campaign. */
final class AdoptionCommand {
  /** The one-line description, also shown by the root help before the group is loaded. */
  static final String DESCRIPTION =
      "Score the catalog with a scorecard: reports, KPIs, a CI gate, and what changed between runs.";

  private AdoptionCommand() {
  }

  /** The group's commands, in help order. */
  static List<Command> commands() {
    return List.of(new Report(), new Kpis(), new GateCommand(), new Diff(), new Campaigns());
  }

  /** Report formats. */
  enum Format {
    HTML, MD, JSON, CSV
  }

  static final class Report extends Command {
    private final Adoption adoption = new Adoption(this);
    private final Option formatOption = value("format", "FORMAT",
        "html, md, json or csv (default: from the --out extension, else md).");
    private final Option outOption = value("out", "FILE", "Write the report here.");
    private final Option byOption = value("by", "DIMENSION",
        "For csv: one row per owner, system, domain or kind instead of per entity.");
    private final Option snapshotDirOption = value("snapshot-dir", "DIR",
        "Save this run as a JSON snapshot there, and show the trend over earlier ones (html).");

    Report() {
      super("report", "Score every entity and write a report: a self-contained HTML page, Markdown, JSON or CSV.",
          "With --out the report goes to the file and a summary to stdout; without, the report goes to stdout."
              + " Example: backstage4j adoption report --embedded --format html --out adoption-report.html");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      Format format = in.choice(formatOption, Format.class);
      Path out = in.path(outOption);
      Dimension by = in.choice(byOption, Dimension.class);
      Path snapshotDir = in.path(snapshotDirOption);
      Format f = format != null ? format : fromExtension(out);
      Adoption.Run run = adoption.run(in);
      ScorecardResult result = run.result();
      Path snapshot = snapshotDir == null ? null : Snapshots.save(result, snapshotDir);
      List<ScorecardResult> history = snapshotDir == null ? List.of() : Snapshots.loadAll(snapshotDir);
      List<CampaignProgress> campaigns = run.campaigns(history);
      String text;
      switch (f) {
        case HTML:
          text = Reports.html(result, history, null, campaigns);
          break;
        case JSON:
          text = Reports.json(result, campaigns);
          break;
        case CSV:
          text = by == null ? Reports.csv(result) : Reports.csv(result, by);
          break;
        default:
          text = Reports.markdown(result, campaigns);
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

  static final class Kpis extends Command {
    Kpis() {
      super("kpis", "Print the catalog's adoption KPIs: ownership, owners that exist, docs, systems, lifecycle.",
          null);
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
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
        Printer.Table t = Printer.Table.of("KPI", "VALUE").bare(1);
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

  static final class GateCommand extends Command {
    private final Adoption adoption = new Adoption(this);
    private final Option levelOption = value("level", "LEVEL", "The level required, e.g. Silver.");
    private final Option campaignOption = value("campaign", "ID",
        "Instead of --level: every entity in the scorecard's campaign ID meets the campaign's target.");
    private final Option trackOption = value("track", "TRACK", "The track (default: the scorecard's first).");
    private final Option ownerOption = value("owner", "OWNER,...", "Only entities of these owners.");
    private final Option entitiesOption = value("entities", "FILE",
        "Only the entities in this catalog file (repeatable).");

    GateCommand() {
      super("gate", "CI gate: exit 1 when any selected entity is below --level of the track, listing what to fix.",
          "Select by --owner, or by the entities of catalog-info.yaml files (--entities); default: all."
              + " With --campaign ID: exit 1 when any entity in the campaign misses its target.");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      String level = in.value(levelOption);
      String campaignId = in.value(campaignOption);
      if ((level == null) == (campaignId == null)) {
        throw CliException.usage("give either --level or --campaign");
      }
      if (campaignId != null) {
        return campaignGate(in, campaignId);
      }
      String track = in.value(trackOption);
      List<String> owners = in.list(ownerOption);
      List<Path> entityFiles = in.paths(entitiesOption);
      ScorecardResult result = adoption.evaluate(in);
      String t = track != null ? track : result.tracks().isEmpty() ? null : result.tracks().get(0).name();
      if (t == null) {
        throw CliException.usage("the scorecard has no tracks, so there is no level to require");
      }
      Gate gate = Gate.requireLevel(t, level);
      if (!owners.isEmpty()) {
        gate = gate.forOwners(owners.toArray(new String[0]));
      }
      if (!entityFiles.isEmpty()) {
        gate = gate.forEntities(CatalogFiles.of(entityFiles.toArray(new Path[0])));
      }
      GateResult verdict = gate.check(result);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("track", t);
      data.put("level", level);
      return print(cli, verdict, data);
    }

    private int campaignGate(Invocation in, String id) {
      Adoption.Run run = adoption.run(in);
      Campaign campaign = Campaigns.find(run.card(), id);
      GateResult verdict = Gate.checkCampaign(campaign, run.all(), run.result());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("campaign", campaign.id());
      data.put("target", campaign.targetDescription());
      return print(in.cli, verdict, data);
    }

    private static int print(Cli cli, GateResult verdict, Map<String, Object> fields) {
      if (verdict.exitCode() == 2) {
        throw CliException.usage(verdict.message());
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("passed", verdict.passed());
      data.putAll(fields);
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

  static final class Diff extends Command {
    Diff() {
      super("diff", "Show what changed between two snapshots (adoption report --snapshot-dir, or --format json).",
          null);
      param("OLDER", "The older snapshot (JSON).");
      param("NEWER", "The newer snapshot (JSON).");
    }

    @Override
    int run(Invocation in) {
      Cli cli = in.cli;
      Path older = in.pathArg(0, "OLDER");
      Path newer = in.pathArg(1, "NEWER");
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
