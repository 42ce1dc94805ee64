package dev.backstage4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How the command line is read: global options anywhere, help at every level, and usage errors as one line plus a
 * pointer to the right help, exit code 2. All offline (catalog validate reads local files; help needs nothing).
 */
class CommandLineTest {
  private static final String INVALID = "src/test/resources/invalid/catalog-info.yaml";

  @Test
  void globalOption_afterTheCommand_isHonoured() {
    CliRun r = CliRun.run("catalog", "validate", INVALID, "--output", "json");
    assertEquals(2, r.json().get("entities").asInt(), r.toString());
  }

  @Test
  void globalOption_betweenGroupAndCommand_isHonoured() {
    CliRun r = CliRun.run("catalog", "-o", "json", "validate", INVALID);
    assertEquals(ExitCodes.CHECK_FAILED, r.exitCode, r.toString());
    assertEquals(1, r.json().get("invalid").asInt(), r.toString());
  }

  @Test
  void globalFlags_combinedAndAnywhere_areHonoured() {
    CliRun r = CliRun.run("-q", "catalog", "validate", "--output=JSON", INVALID);
    assertEquals(2, r.json().get("entities").asInt(), "--output is case-insensitive: " + r);
    CliRun quiet = CliRun.run("catalog", "validate", "-qv", CliRun.SAMPLE.toString());
    assertEquals(ExitCodes.OK, quiet.exitCode, quiet.toString());
    assertEquals("", quiet.out, "--quiet drops the summary line");
  }

  @Test
  void rootHelp_listsEveryGroupWithItsSummary() {
    CliRun r = CliRun.run("--help");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Usage: backstage4j [OPTIONS] COMMAND"), r.out);
    assertTrue(r.out.contains("  catalog    " + CatalogCommand.DESCRIPTION), r.out);
    assertTrue(r.out.contains("  template   " + TemplateCommand.DESCRIPTION), r.out);
    assertTrue(r.out.contains("  task       " + TaskCommand.DESCRIPTION), r.out);
    assertTrue(r.out.contains("  adoption   Score the catalog"), r.out);
    assertTrue(r.out.contains("--url=<URL>") && r.out.contains("-o,--output=<FORMAT>"), r.out);
    assertEquals("", r.err);
  }

  @Test
  void groupHelp_listsItsCommands() {
    CliRun r = CliRun.run("catalog", "--help");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Usage: backstage4j catalog COMMAND"), r.out);
    for (String command : new String[] {"get", "query", "facets", "refs", "register", "refresh", "unregister",
        "validate"}) {
      assertTrue(r.out.contains("\n  " + command + " "), command + " listed:\n" + r.out);
    }
    assertTrue(r.out.contains("Print one entity. Exit code 4 if it does not exist."), r.out);
  }

  @Test
  void commandHelp_listsParametersOptionsAndGlobalOptions() {
    CliRun r = CliRun.run("adoption", "diff", "-h");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Usage: backstage4j adoption diff [OPTIONS] OLDER NEWER\n"), r.out);
    assertTrue(r.out.contains("  OLDER   The older snapshot (JSON)."), r.out);

    CliRun query = CliRun.run("catalog", "query", "--help");
    assertTrue(query.out.contains("--page-size=<N>") && query.out.contains("(default: 100; with --all, pages"),
        query.out);
    assertTrue(query.out.contains("--filter=<FILTER>"), query.out);
    assertTrue(query.out.contains("Global options") && query.out.contains("--token=<TOKEN>"), query.out);
  }

  @Test
  void help_winsOverAMissingRequiredOption() {
    CliRun r = CliRun.run("context", "set", "--help");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("Usage: backstage4j context set --context-url=URL"), r.out);
  }

  @Test
  void version_atAnyLevel() {
    assertTrue(CliRun.run("--version").out.startsWith("backstage4j "));
    CliRun r = CliRun.run("catalog", "get", "--version");
    assertEquals(ExitCodes.OK, r.exitCode, r.toString());
    assertTrue(r.out.startsWith("backstage4j "), r.out);
  }

  @Test
  void unknownOption_atEachLevel_namesItAndPointsToThatHelp() {
    assertUsage(CliRun.run("--frobnicate", "catalog", "get", "x"),
        "Unknown option: '--frobnicate'", "backstage4j");
    assertUsage(CliRun.run("catalog", "--frobnicate", "get", "x"),
        "Unknown option: '--frobnicate'", "backstage4j catalog");
    assertUsage(CliRun.run("catalog", "get", "x", "--frobnicate"),
        "Unknown option: '--frobnicate'", "backstage4j catalog get");
  }

  @Test
  void optionsOfOtherCommands_areUnknownHere() {
    assertUsage(CliRun.run("catalog", "validate", "--page-size", "3", INVALID),
        "Unknown option: '--page-size'", "backstage4j catalog validate");
  }

  @Test
  void abbreviatedOption_isNotGuessed() {
    assertUsage(CliRun.run("catalog", "query", "--page", "3"), "Unknown option: '--page'",
        "backstage4j catalog query");
  }

  @Test
  void unknownCommand_listsTheGroupsCommands() {
    assertUsage(CliRun.run("catalog", "frobnicate"), "Unknown command: 'frobnicate'. Commands: get, query, facets,"
        + " refs, register, refresh, unregister, validate.", "backstage4j catalog");
  }

  @Test
  void misspelledCommand_suggestsTheNearestOne() {
    assertUsage(CliRun.run("catalog", "valdate", INVALID), "Unknown command: 'valdate'. Did you mean:"
        + " backstage4j catalog validate?", "backstage4j catalog");
    assertUsage(CliRun.run("adoptoin", "kpis"), "Unknown command: 'adoptoin'. Did you mean: backstage4j adoption?",
        "backstage4j");
  }

  @Test
  void groupWithoutCommand_usageErrorListingTheCommands() {
    assertUsage(CliRun.run("task"), "missing command: one of get, list, cancel, logs", "backstage4j task");
  }

  @Test
  void missingParameter_namesIt() {
    assertUsage(CliRun.run("catalog", "get"), "Missing required parameter: 'REF'", "backstage4j catalog get");
    assertUsage(CliRun.run("adoption", "diff", "a.json"), "Missing required parameter: 'NEWER'",
        "backstage4j adoption diff");
  }

  @Test
  void extraParameter_isRejected() {
    assertUsage(CliRun.run("catalog", "get", "a", "b"), "Unexpected argument: 'b'", "backstage4j catalog get");
  }

  @Test
  void missingOptionValue_namesTheOption() {
    assertUsage(CliRun.run("catalog", "query", "--page-size"), "Missing value for option '--page-size=N'",
        "backstage4j catalog query");
  }

  @Test
  void badIntValue_namesTheOption() {
    assertUsage(CliRun.run("catalog", "query", "--page-size", "ten"),
        "Invalid value for option '--page-size': 'ten' is not a whole number", "backstage4j catalog query");
    assertUsage(CliRun.run("task", "list", "--limit=5x"),
        "Invalid value for option '--limit': '5x' is not a whole number", "backstage4j task list");
  }

  @Test
  void zeroCount_isAUsageErrorNotACrash() {
    assertUsage(CliRun.run("catalog", "query", "--page-size", "0", "--all"),
        "Invalid value for option '--page-size': must be at least 1, not 0", "backstage4j catalog query");
  }

  @Test
  void badChoice_listsTheValidOnes() {
    assertUsage(CliRun.run("catalog", "validate", INVALID, "-o", "xml"),
        "Invalid value for option '--output': expected one of table, json, yaml, jsonpath but was 'xml'",
        "backstage4j catalog validate");
    assertUsage(CliRun.run("adoption", "report", "--format", "pdf"),
        "Invalid value for option '--format': expected one of html, md, json, csv but was 'pdf'",
        "backstage4j adoption report");
  }

  @Test
  void badCommandLine_neverEchoesTheToken() {
    String token = "cmdline-token-4d2c";
    CliRun r = CliRun.run("--token", token, "catalog", "get", "a", token);
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertFalse(r.err.contains(token) || r.out.contains(token), r.toString());
  }

  private static void assertUsage(CliRun r, String message, String command) {
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertEquals("backstage4j: " + message + "\nTry '" + command + " --help'.\n", r.err, r.toString());
    assertEquals("", r.out, r.toString());
  }

  @Test
  void urlWithAPluginPath_saysToDropIt_insteadOfBlamingTheBackendVersion() {
    CliRun r = CliRun.run("--url", "http://localhost:7007/api/catalog", "catalog", "get", "x");
    assertEquals(ExitCodes.USAGE, r.exitCode, r.toString());
    assertTrue(r.err.contains("drop /api/catalog from --url (e.g. http://localhost:7007)"), r.err);
  }

  @Test
  void embeddedTaskFromAnEarlierCommand_saysTheEmbeddedBackstageLastsOneCommand() {
    CliRun r = CliRun.run("--embedded", "task", "logs", "0b7a1f34-6b0e-4d1f-9f55-3f2f8e4a1c22");
    assertEquals(ExitCodes.NOT_FOUND, r.exitCode, r.toString());
    assertTrue(r.err.contains("the embedded Backstage lives for one command"), r.err);
  }
}
