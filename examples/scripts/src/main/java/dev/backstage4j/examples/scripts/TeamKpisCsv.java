package dev.backstage4j.examples.scripts;

import dev.backstage4j.adoption.Checks;
import dev.backstage4j.adoption.EvaluationContext;
import dev.backstage4j.adoption.Reports;
import dev.backstage4j.adoption.Scorecard;
import dev.backstage4j.adoption.ScorecardResult;
import dev.backstage4j.catalog.CatalogClient;
import dev.backstage4j.catalog.EntityQuery;
import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes one CSV row per entity a team owns, with the outcome of every built-in check, for a spreadsheet.
 *
 * <pre>java -cp examples/scripts/target/scripts.jar dev.backstage4j.examples.scripts.TeamKpisCsv web-team web-team.csv</pre>
 */
public final class TeamKpisCsv {
  private TeamKpisCsv() {
  }

  /**
   * Runs the script: arguments are the team (a Group ref or name) and the CSV file (default: stdout).
   *
   * @param args the team, then optionally the CSV file to write
   * @throws IOException if the CSV file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: TeamKpisCsv <team> [out.csv]");
      System.exit(2);
    }
    String csv = csv(Connect.catalog(), args[0]);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), csv, StandardCharsets.UTF_8);
      System.err.println("wrote " + args[1]);
    } else {
      System.out.print(csv);
    }
  }

  /** {@return the CSV for the entities owned by {@code team}} */
  static String csv(CatalogClient catalog, String team) {
    EntityRef owner = EntityRef.parse(team, "group", null);
    List<Entity> all;
    try (Stream<Entity> s = catalog.entities().streamAll(EntityQuery.all())) {
      all = s.collect(Collectors.toList());
    }
    List<Entity> owned = all.stream().filter(e -> {
      Object o = e.spec().get("owner");
      return o instanceof String && EntityRef.parse((String) o, "group", e.metadata().namespace()).equals(owner);
    }).collect(Collectors.toList());
    ScorecardResult result = Scorecard.builder("Team KPIs for " + owner).addChecks(Checks.all()).build()
        .evaluate(owned, EvaluationContext.gather(all));
    return Reports.csv(result);
  }
}
