package dev.backstage4j.cli;

import dev.backstage4j.adoption.Campaign;
import dev.backstage4j.adoption.CampaignProgress;
import dev.backstage4j.adoption.EvaluationContext;
import dev.backstage4j.adoption.Rollup;
import dev.backstage4j.adoption.Scorecard;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.adoption.Track;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.cli.Option;

/**
 * What the adoption commands share: which scorecard (the built-in "Service maturity" or a YAML file), which
 * entities it scores, and reading the whole catalog once.
 */
final class Adoption {
  static final List<String> DEFAULT_KINDS = List.of("Component", "API", "Resource", "System");

  private final Option scorecardOption;
  private final Option kindsOption;

  /** Declares {@code --scorecard} and {@code --kinds} on the command. */
  Adoption(Command command) {
    scorecardOption = command.value("scorecard", "FILE",
        "A scorecard YAML file (default: the built-in Service maturity scorecard).");
    kindsOption = command.value("kinds", "KIND,...", "Kinds to score, or 'all' (default: "
        + String.join(",", DEFAULT_KINDS) + "); the whole catalog is still read to know which owners exist.");
  }

  Scorecard scorecard(Invocation in) {
    Path file = in.path(scorecardOption);
    return file == null ? Scorecard.standard() : Scorecard.fromYaml(file);
  }

  /** Reads every entity of the catalog (one streamed request), with progress on a terminal. */
  static List<Entity> readCatalog(Cli cli) {
    Progress progress = cli.progress();
    progress.update("reading the catalog...");
    List<Entity> all = new ArrayList<>();
    try (Stream<Entity> s = cli.backstage().catalog().entities().streamAll(EntityQuery.all())) {
      s.forEach(e -> {
        all.add(e);
        if (all.size() % 1000 == 0) {
          progress.update("reading the catalog: " + all.size() + " entities...");
        }
      });
    }
    progress.done();
    return all;
  }

  List<Entity> selected(Invocation in, List<Entity> all) {
    List<String> kinds = in.list(kindsOption);
    Set<String> wanted = new TreeSet<>();
    (kinds.isEmpty() ? DEFAULT_KINDS : kinds).forEach(k -> wanted.add(k.strip().toLowerCase(Locale.ROOT)));
    if (wanted.contains("all")) {
      return all;
    }
    List<Entity> out = new ArrayList<>();
    for (Entity e : all) {
      if (wanted.contains(e.kind().toLowerCase(Locale.ROOT))) {
        out.add(e);
      }
    }
    return out;
  }

  /** One scorecard run: the scorecard (with its campaigns), the whole catalog and the result. */
  record Run(Scorecard card, List<Entity> all, ScorecardResult result) {
    /** Measures every campaign of the scorecard over the history plus this run. */
    List<CampaignProgress> campaigns(List<ScorecardResult> history) {
      List<ScorecardResult> runs = new ArrayList<>(history);
      if (runs.stream().noneMatch(x -> x.generatedAt().equals(result.generatedAt()))) {
        runs.add(result);
      }
      List<CampaignProgress> out = new ArrayList<>();
      for (Campaign c : card.campaigns()) {
        out.add(CampaignProgress.of(c, runs, all, Clock.systemUTC()));
      }
      return out;
    }
  }

  /**
   * Reads the catalog and evaluates the scorecard over the selected kinds. Without {@code --scorecard}, the
   * embedded Backstage's scorecard also carries its sample campaign.
   */
  Run run(Invocation in) {
    Cli cli = in.cli;
    List<Entity> all = readCatalog(cli);
    Scorecard card = scorecard(in);
    if (in.path(scorecardOption) == null && cli.embeddedInUse()) {
      card = card.toBuilder().addCampaign(Embedded.sampleCampaign(LocalDate.now(Clock.systemUTC()))).build();
    }
    Progress progress = cli.progress();
    progress.update("evaluating " + card.name() + "...");
    ScorecardResult result = card.runner().context(EvaluationContext.gather(all)).run(selected(in, all));
    progress.done();
    return new Run(card, all, result);
  }

  /** Reads the catalog and evaluates the scorecard over the selected kinds. */
  ScorecardResult evaluate(Invocation in) {
    return run(in).result();
  }

  /** One line per track: "Basics: Gold 3, Silver 2, Bronze 1, none 2". */
  static List<String> levelLines(ScorecardResult result) {
    Rollup total = result.total();
    List<String> lines = new ArrayList<>();
    for (Track t : result.tracks()) {
      List<String> parts = new ArrayList<>();
      List<Map.Entry<String, Integer>> counts = new ArrayList<>(total.levelCounts(t.name()).entrySet());
      for (int i = counts.size() - 1; i >= 0; i--) {
        parts.add(counts.get(i).getKey() + " " + counts.get(i).getValue());
      }
      lines.add(t.name() + ": " + String.join(", ", parts));
    }
    return lines;
  }
}
